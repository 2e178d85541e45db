/**
 * The built weapp's subpackage pages of 失业登记 render their first screen from the cloud's
 * answer: the citizen's consent landing, and the caseworker's workbench (overdue, "131").
 */
import { CONSENT_VERSION, REGISTRATION_CONSENT, ROLE_LABELS } from '@nuanxin/shared';

import {
  flush,
  installWeapp,
  lifecycle,
  loadApp,
  loadPage,
  requireBuild,
  textOf,
  type PageInstance,
  type WeappWorld,
} from './harness';

const PERSON = {
  id: 'reg-1',
  name: '李秀英',
  idMasked: '370811********0420',
  sex: 'female',
  age: 48,
  township: '370811005',
  townshipLabel: '任城区 李营街道',
  status: 'registered',
  statusLabel: '已登记',
  tags: [{ key: 'older', label: '大龄' }],
  employmentDifficulty: true,
  pendingVerifications: [],
  consentWithdrawn: false,
  reachedRetirement: false,
  claimInsurance: true,
  submittedAt: '2026-11-01T02:00:00.000Z',
  // The workbench (casework.caseload): ten days overdue, "131" under way.
  followUp: {
    situation: 'unemployed',
    situationLabel: '失业',
    due: '2026-11-13',
    state: 'overdue',
    stateLabel: '已逾期',
    overdueDays: 10,
    lastContactAt: '2026-10-13T02:00:00.000Z',
    intervalLabel: '每月',
  },
  progress131: {
    year: '2026',
    guidance: { done: 1, target: 1, met: true },
    jobIntroduction: { done: 1, target: 3, met: false },
    training: { done: 0, target: 1, met: false },
    allMet: false,
    summary: '职业指导 1/1 · 岗位推荐 1/3 · 技能培训 0/1',
  },
  pushPlan: null,
  openRequests: 0,
};

let world: WeappWorld;
const calls: string[] = [];

beforeAll(() => {
  requireBuild();
  world = installWeapp((name, data) => {
    const { action } = data as { action: string };
    calls.push(`${name}.${action}`);
    if (name === 'user' && action === 'whoami') {
      return {
        ok: true,
        data: {
          role: 'citizen',
          roleLabel: ROLE_LABELS.citizen,
          displayName: '周建华',
          org: null,
          orgLabel: null,
          townships: [],
          isNew: false,
        },
      };
    }
    if (name === 'registration' && action === 'getConsent') {
      return {
        ok: true,
        data: { notice: REGISTRATION_CONSENT, accepted: null, withdrawnAt: null },
      };
    }
    if (name === 'registration' && action === 'getMine')
      return { ok: true, data: { registration: null } };
    if (name === 'casework' && action === 'caseload') {
      return {
        ok: true,
        data: {
          people: [PERSON],
          total: 1,
          today: '2026-11-23',
          counts: { overdue: 1, dueToday: 0, dueSoon: 0, openRequests: 0 },
          caseworkerName: '张敏',
        },
      };
    }
    return { ok: false, error: { code: 'NOT_FOUND', message: '没有找到相关内容' } };
  });
  const app = loadApp(world);
  app.onLaunch?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 });
});

async function open(route: string): Promise<PageInstance> {
  const page = loadPage(world, route);
  world.stack.push(page);
  lifecycle(page, 'onLoad', {});
  lifecycle(page, 'onShow');
  lifecycle(page, 'onReady');
  await flush(40);
  return page;
}

it('the registration landing shows the separate-consent notice before any form', async () => {
  const page = await open('packages/seeker/registration/index');
  const text = textOf(page.data);
  expect(calls).toContain('registration.getConsent');
  expect(text).toContain(REGISTRATION_CONSENT.title);
  expect(text).toContain(CONSENT_VERSION);
  expect(text).toContain('同意并继续');
});

it('the caseworker workbench shows each person with their follow-up and "131"', async () => {
  const page = await open('packages/caseworker/my-seekers/index');
  const text = textOf(page.data);
  expect(calls).toContain('casework.caseload');
  expect(text).toContain('李秀英');
  expect(text).toContain('逾期 10 天');
  expect(text).toContain('推荐 1/3');
});
