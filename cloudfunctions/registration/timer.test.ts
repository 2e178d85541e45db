/**
 * The daily timer (02:00 Asia/Shanghai): tags move with the calendar, so the stored tags and the
 * 就业困难 flag are derived again; the pass pages through open registrations and resumes from a
 * stored cursor when it runs out of time.
 */
import type { LocalCloud } from '@nuanxin/local';
import { dateKey, dayjs } from '@nuanxin/shared';

import { makeSeeker, registered, fixClock } from '../test/registration';
import { seededCloud } from '../test/support';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  delete process.env.NUANXIN_TIMER_BUDGET_MS;
  await cloud.close();
});

/** Fixes the clock `days` from now, Shanghai 02:00 — when the trigger fires. */
function at2am(daysFromNow: number): Date {
  const day = dateKey(dayjs().add(daysFromNow, 'day').toDate());
  return new Date(`${day}T02:00:00+08:00`);
}

it('a woman turning 40 becomes 大龄 and 就业困难 in the first run after her birthday', async () => {
  const birthday = dayjs().add(3, 'day');
  const birthDate = `${birthday.year() - 40}-${birthday.format('MM-DD')}`;
  const id = await registered(cloud, 'wx-turning-40', makeSeeker({ birthDate }).sections);
  const stored = () => cloud.store.collection('registrations').find({ _id: id })[0]!;
  expect(stored()).toMatchObject({ tags: [], employmentDifficulty: false });

  const before = at2am(2);
  fixClock(before);
  await cloud.scheduler.runTimer('registration', before);
  expect(stored()).toMatchObject({ tags: [], employmentDifficulty: false });

  const after = at2am(4);
  jest.setSystemTime(after);
  expect(await cloud.scheduler.runTimer('registration', after)).toEqual({ ok: true, data: null });
  expect(stored()).toMatchObject({ tags: ['older'], employmentDifficulty: true });
  expect(cloud.store.collection('jobs').find({ _id: 'registration.refreshTags' })).toEqual([
    expect.objectContaining({ cursor: null, lastCompletedAt: after }),
  ]);
});

it('closed registrations are left alone', async () => {
  const birthday = dayjs().add(3, 'day');
  const birthDate = `${birthday.year() - 40}-${birthday.format('MM-DD')}`;
  const id = await registered(cloud, 'wx-closed', makeSeeker({ birthDate }).sections);
  // A control: an active registration with the same birthday, which the run must update.
  const active = await registered(cloud, 'wx-open', makeSeeker({ birthDate }).sections);
  await cloud.invoke(
    'registration',
    { action: 'requestCancellation', payload: { note: '' } },
    { openid: 'wx-closed' },
  );
  const after = at2am(5);
  fixClock(after);
  await cloud.scheduler.runTimer('registration', after);
  // The timer did run: the active person became 大龄 and the pass completed at this run…
  expect(cloud.store.collection('registrations').find({ _id: active })[0]).toMatchObject({
    tags: ['older'],
  });
  expect(cloud.store.collection('jobs').find({ _id: 'registration.refreshTags' })).toEqual([
    expect.objectContaining({ cursor: null, lastCompletedAt: after }),
  ]);
  // …and left the closed one as it was.
  expect(cloud.store.collection('registrations').find({ _id: id })[0]).toMatchObject({ tags: [] });
});

it('stops when its time is up and the next run resumes from the cursor', async () => {
  // 150 registered people whose stored tags are stale (they are all 大龄 today).
  const now = new Date();
  for (let i = 0; i < 150; i += 1) {
    cloud.store.collection('registrations').insert({
      openid: `fixture-${i}`,
      status: 'registered',
      activeKey: `fixture:${i}`,
      step: 3,
      identity: { birthDate: '1975-03-03', sex: 'female', education: 'juniorHigh' },
      work: { separationDate: null },
      declarations: {},
      wishes: {},
      verified: {},
      tags: [],
      employmentDifficulty: false,
      township: '370811002',
      caseworkerOpenid: null,
      consentWithdrawnAt: null,
      submittedAt: now,
      registeredAt: now,
      closedAt: null,
      closeReason: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  const stale = () =>
    cloud.store.collection('registrations').count({ openid: /^fixture-/, tags: { $size: 0 } });
  process.env.NUANXIN_TIMER_BUDGET_MS = '0';

  await cloud.scheduler.runTimer('registration');
  const [job] = cloud.store.collection('jobs').find({ _id: 'registration.refreshTags' });
  expect(job).toMatchObject({ cursor: expect.any(String), lastCompletedAt: null, processed: 100 });
  const left = stale();
  expect(left).toBeGreaterThan(0);
  expect(left).toBeLessThan(150);

  await cloud.scheduler.runTimer('registration');
  expect(stale()).toBe(0);
  expect(cloud.store.collection('jobs').find({ _id: 'registration.refreshTags' })).toEqual([
    expect.objectContaining({ cursor: null, lastCompletedAt: expect.any(Date) }),
  ]);
});

it('a caller cannot trigger the timer work', async () => {
  const before = cloud.writeCount();
  const result = await cloud.invoke(
    'registration',
    { Type: 'Timer', TriggerName: 'refreshTags', Time: new Date().toISOString() },
    { openid: 'demo-citizen-1' },
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(cloud.writeCount()).toBe(before);
});
