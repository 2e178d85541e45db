/**
 * The nightly expiry with a fixed clock: each company is told once per run, listing its expired
 * vacancies, by subscription message and in the app; other notices keep notify()'s default (the
 * inbox only stands in for a message that could not be sent); the run works in pages and stops at
 * its time budget, and the next run finishes what is left.
 */
import type { LocalCloud } from '@nuanxin/local';
import { dayjs } from '@nuanxin/shared';

import { fixClock } from '../test/registration';
import { AS, seededCloud } from '../test/support';

import { caller, MARKET, OTHER_EMPLOYER, vacancy } from './fixtures';
import { EXPIRE_JOB, PAGE_SIZE } from './timer';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  delete process.env.NUANXIN_TIMER_BUDGET_MS;
  await cloud.close();
});

const TOMORROW = dayjs().tz('Asia/Shanghai').add(1, 'day').format('YYYY-MM-DD');
/** 02:30 the night after TOMORROW: everything valid until TOMORROW has expired. */
const NIGHT = new Date(`${dayjs(TOMORROW).add(1, 'day').format('YYYY-MM-DD')}T02:30:00+08:00`);

const expiredMessages = (openid: string) =>
  cloud.store.collection('messages').find({ openid, kind: 'vacancyExpired' }) as any[];
const expiredSends = (openid: string) =>
  cloud.outbox().filter((m) => m.touser === openid && m.templateId === 'local-vacancyExpired');

async function post(openid: string, title: string, over: Record<string, unknown> = {}) {
  const res = await caller(cloud, openid)(
    'saveVacancy',
    vacancy({ title, validUntil: TOMORROW, ...over }),
  );
  expect(res.ok).toBe(true);
  return res.data.vacancy.id as string;
}

async function runNight(): Promise<void> {
  fixClock(NIGHT);
  expect(await cloud.scheduler.runTimer('employer', NIGHT)).toMatchObject({ ok: true });
}

describe('telling the employer', () => {
  it('one notice per company per run, listing its vacancies, by subscription message and in the app', async () => {
    const ids = [
      await post(AS.employer, '仓库理货员'),
      await post(AS.employer, '叉车司机'),
      await post(AS.employer, '前台接待', { requirements: '年龄18-35岁' }),
    ];
    const theirs = await post(OTHER_EMPLOYER, '包装工');
    cloud.grantSubscription(AS.employer, 'local-vacancyExpired');
    await runNight();

    for (const id of [...ids, theirs]) {
      expect(cloud.store.collection('vacancies').find({ _id: id })[0]).toMatchObject({
        status: 'expired',
      });
    }
    const [sent] = expiredSends(AS.employer);
    expect(expiredSends(AS.employer)).toHaveLength(1);
    expect(sent!.data.thing1!.value).toMatch(/等3个岗位$/);
    const messages = expiredMessages(AS.employer);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ title: '3个岗位已到期', reason: 'alsoSent' });
    for (const title of ['仓库理货员', '叉车司机', '前台接待']) {
      expect(messages[0].body).toContain(`“${title}”（有效期至${TOMORROW}）`);
    }
    // The other company: its own single notice; without a subscription, in the app only.
    expect(expiredSends(OTHER_EMPLOYER)).toHaveLength(0);
    expect(expiredMessages(OTHER_EMPLOYER)).toEqual([
      expect.objectContaining({ title: '岗位已到期', reason: 'noQuota' }),
    ]);
    expect(expiredMessages(OTHER_EMPLOYER)[0].body).toContain('“包装工”');
  });

  it('other notices keep notify()’s default: a sent subscription message is not copied to the inbox', async () => {
    const saved = await caller(cloud, AS.employer)(
      'saveVacancy',
      vacancy({ requirements: '年龄18-35岁' }),
    );
    cloud.grantSubscription(AS.employer, 'local-vacancyReview');
    await caller(cloud, MARKET)('review', {
      kind: 'vacancy',
      id: saved.data.vacancy.id,
      decision: 'approve',
    });
    expect(
      cloud
        .outbox()
        .filter((m) => m.templateId === 'local-vacancyReview' && m.touser === AS.employer),
    ).toHaveLength(1);
    expect(
      cloud.store.collection('messages').find({ openid: AS.employer, kind: 'vacancyReview' }),
    ).toHaveLength(0);
  });

  it('a second run the same night finds nothing more and tells nobody again', async () => {
    await post(AS.employer, '仓库理货员');
    await runNight();
    await runNight();
    expect(expiredMessages(AS.employer)).toHaveLength(1);
  });
});

describe('scale', () => {
  it('works in pages, stops at its time budget and the next run finishes; each vacancy once', async () => {
    const template = cloud.store
      .collection('vacancies')
      .find({ _id: await post(AS.employer, '模板岗位') })[0] as Record<string, unknown>;
    const total = PAGE_SIZE * 2 + 30;
    for (let i = 0; i < total - 1; i += 1) {
      cloud.store.collection('vacancies').insert({
        ...template,
        _id: `bulk-${String(i).padStart(4, '0')}`,
        title: `批量岗位${i}`,
      });
    }
    // Still open: not touched.
    cloud.store.collection('vacancies').insert({
      ...template,
      _id: 'still-open',
      validUntil: '2999-12-31',
    });
    // Seeded vacancies already expired are not counted; seeded ones due tonight are.
    const already = cloud.store.collection('vacancies').count({ status: 'expired' });
    const nightDay = dayjs(TOMORROW).add(1, 'day').format('YYYY-MM-DD');
    const due = cloud.store.collection('vacancies').count({
      status: { $in: ['pendingReview', 'published', 'paused'] },
      validUntil: { $lt: nightDay },
    });
    expect(due).toBeGreaterThanOrEqual(total);
    const expired = () =>
      cloud.store.collection('vacancies').count({ status: 'expired' }) - already;
    const expiryLogs = () => cloud.store.collection('vacancy_log').count({ event: 'expire' });
    const logsBefore = expiryLogs();
    const job = () => cloud.store.collection('jobs').find({ _id: EXPIRE_JOB })[0] as any;

    process.env.NUANXIN_TIMER_BUDGET_MS = '0';
    await runNight();
    expect(expired()).toBe(PAGE_SIZE);
    expect(job()).toMatchObject({ cursor: expect.any(String), lastCompletedAt: null });
    await runNight();
    expect(expired()).toBe(PAGE_SIZE * 2);
    await runNight();
    expect(expired()).toBe(due);
    expect(job()).toMatchObject({ cursor: null, lastCompletedAt: NIGHT });
    expect(cloud.store.collection('vacancies').find({ _id: 'still-open' })[0]).toMatchObject({
      status: 'published',
    });
    expect(expiryLogs() - logsBefore).toBe(due);
    // One notice per run: three runs, three notices, together listing every vacancy once.
    const bodies = expiredMessages(AS.employer).map((m) => m.body as string);
    expect(bodies).toHaveLength(3);
    expect(bodies.join('').match(/“批量岗位\d+”/g)).toHaveLength(total - 1);
  });
});
