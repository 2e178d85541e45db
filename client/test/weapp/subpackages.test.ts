/**
 * The built weapp's subpackage pages of 失业登记 render their first screen from the cloud's
 * answer: the citizen's consent landing, and the caseworker's list with masked ID numbers.
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
    if (name === 'registration' && action === 'listMine') {
      return { ok: true, data: { people: [PERSON], total: 1 } };
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

it('the caseworker list shows each person with the ID number masked', async () => {
  const page = await open('packages/caseworker/my-seekers/index');
  const text = textOf(page.data);
  expect(calls).toContain('registration.listMine');
  expect(text).toContain('李秀英');
  expect(text).toContain('370811********0420');
});
