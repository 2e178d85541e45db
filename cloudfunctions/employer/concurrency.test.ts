/**
 * Decisions and saves that race: each writes in a transaction that re-reads the vacancy, so
 * exactly one decision applies, nothing is logged or told twice, and an approval of wording the
 * staff member has not seen is refused. (The local cloud runs transactions one at a time: these
 * tests check the outcome, whichever goes first.)
 */
import type { LocalCloud } from '@nuanxin/local';

import { AS, seededCloud } from '../test/support';

import { caller, MARKET, vacancy } from './fixtures';
import { CHANGED_SINCE_SEEN } from './staff';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

const stored = (id: string) => cloud.store.collection('vacancies').find({ _id: id })[0] as any;
const logged = (id: string, event: string) =>
  cloud.store.collection('vacancy_log').find({ vacancyId: id, event }).length;
const reviewNotices = () =>
  cloud.store.collection('messages').find({ openid: AS.employer, kind: 'vacancyReview' }).length;

/** A vacancy of demo-employer-1 waiting for review (an age limit), as staff see it in the queue. */
async function pending(): Promise<{ id: string; version: number }> {
  const saved = await caller(cloud, AS.employer)(
    'saveVacancy',
    vacancy({ requirements: '年龄18-35岁，能适应倒班' }),
  );
  const row = (await caller(cloud, MARKET)('reviewQueue', {})).data.vacancies.find(
    (v: any) => v.id === saved.data.vacancy.id,
  );
  expect(row).toMatchObject({ status: 'pendingReview', version: 1 });
  return { id: row.id, version: row.version };
}

const approve = (openid: string, id: string, version: number | null) =>
  caller(cloud, openid)('review', { kind: 'vacancy', id, decision: 'approve', version });

describe('staff approve while the employer edits', () => {
  it('an approval of the wording seen before the employer changed it is refused, nothing written', async () => {
    const { id, version } = await pending();
    await caller(cloud, AS.employer)(
      'saveVacancy',
      vacancy({ id, requirements: '身高170cm以上，能适应倒班' }),
    );
    const before = cloud.writeCount();
    const res = await approve(MARKET, id, version);
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: CHANGED_SINCE_SEEN },
    });
    expect(cloud.writeCount()).toBe(before);
    expect(stored(id)).toMatchObject({ status: 'pendingReview', version: 2 });
  });

  it('at the same moment: the unreviewed new wording is never published', async () => {
    const { id, version } = await pending();
    const [approval, edit] = await Promise.all([
      approve(MARKET, id, version),
      caller(cloud, AS.employer)(
        'saveVacancy',
        vacancy({ id, requirements: '身高170cm以上，能适应倒班' }),
      ),
    ]);
    expect(edit.ok).toBe(true);
    // Either the approval came first (and the edit sent the new wording back to review), or the
    // edit came first and the approval of the old wording was refused.
    if (!approval.ok) {
      expect(approval.error).toMatchObject({ code: 'CONFLICT', message: CHANGED_SINCE_SEEN });
    }
    expect(stored(id)).toMatchObject({
      status: 'pendingReview',
      requirements: '身高170cm以上，能适应倒班',
    });
    expect(logged(id, 'approve')).toBe(approval.ok ? 1 : 0);
  });

  it('a staff edit starting from an old version does not overwrite the employer’s save', async () => {
    const { id, version } = await pending();
    await caller(cloud, AS.employer)('saveVacancy', vacancy({ id, headcount: 9 }));
    const res = await caller(cloud, MARKET)('staffEditVacancy', {
      ...vacancy({ id, requirements: '能适应倒班' }),
      note: '删除了年龄限制',
      approve: true,
      version,
    });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: CHANGED_SINCE_SEEN },
    });
    expect(stored(id)).toMatchObject({ status: 'pendingReview', headcount: 9 });
  });
});

describe('two staff decide at once', () => {
  it('exactly one decision applies, logged once and told once', async () => {
    const { id, version } = await pending();
    const notices = reviewNotices();
    const [a, b] = await Promise.all([
      approve(MARKET, id, version),
      caller(cloud, AS.supervisor)('review', {
        kind: 'vacancy',
        id,
        decision: 'reject',
        reason: '年龄限制与岗位无关，请删除',
        version,
      }),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(logged(id, 'approve') + logged(id, 'reject')).toBe(1);
    expect(reviewNotices()).toBe(notices + 1);
    expect(stored(id).status).toBe(a.ok ? 'published' : 'rejected');
  });

  it('two approvals: one applies, the other is told it was already decided', async () => {
    const { id, version } = await pending();
    const results = await Promise.all([
      approve(MARKET, id, version),
      approve(AS.supervisor, id, version),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)!.error.message).toMatch(/招聘中/);
    expect(logged(id, 'approve')).toBe(1);
  });
});

describe('the employer withdraws while staff approve', () => {
  it('one of the two applies', async () => {
    const { id, version } = await pending();
    const [approval, withdrawal] = await Promise.all([
      approve(MARKET, id, version),
      caller(cloud, AS.employer)('setVacancyStatus', {
        vacancyId: id,
        event: 'close',
        closeReason: 'withdrawn',
      }),
    ]);
    // Approved first, then closed (a published vacancy may be withdrawn); or closed first and
    // the approval refused. Never approved after being withdrawn.
    expect(stored(id).status).toBe('closed');
    expect(withdrawal.ok).toBe(true);
    if (!approval.ok) expect(approval.error.code).toBe('CONFLICT');
  });
});
