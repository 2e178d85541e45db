/**
 * The employer's vacancy actions beyond the first post: renewing and resuming run the check
 * again (no vacancy skips review by expiring), a vacancy waiting for review can be withdrawn but
 * not closed as filled, an edit keeps its date, dates are worked out on the server's clock, and
 * the benefits are screened like the rest of the ad.
 */
import type { LocalCloud } from '@nuanxin/local';
import { dayjs, NOT_YET_PUBLIC_CLOSE_REASON } from '@nuanxin/shared';

import { fixClock } from '../test/registration';
import { AS, seededCloud } from '../test/support';

import { caller, company, MARKET, uscc, vacancy } from './fixtures';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

const day = (offset: number, from = dayjs()) =>
  from.tz('Asia/Shanghai').add(offset, 'day').format('YYYY-MM-DD');
const stored = (id: string) => cloud.store.collection('vacancies').find({ _id: id })[0] as any;
const events = (id: string) =>
  (cloud.store.collection('vacancy_log').find({ vacancyId: id }) as any[]).map((e) => e.event);

/** Saves as the demo employer (a verified company) and returns the vacancy. */
async function saved(over: Record<string, unknown> = {}): Promise<any> {
  const res = await caller(cloud, AS.employer)('saveVacancy', vacancy(over));
  expect(res.ok).toBe(true);
  return res.data.vacancy;
}

/** Runs the nightly timer on the day after `validUntil`; the clock stays there. */
async function expireAfter(validUntil: string): Promise<Date> {
  const next = new Date(`${validUntil}T02:30:00+08:00`);
  next.setUTCDate(next.getUTCDate() + 1);
  fixClock(next);
  await cloud.scheduler.runTimer('employer', next);
  return next;
}

const renew = (openid: string, vacancyId: string, over: Record<string, unknown> = {}) =>
  caller(cloud, openid)('setVacancyStatus', { vacancyId, event: 'renew', ...over });

describe('renewing runs the check again', () => {
  it('a clean published vacancy is renewed by days from the server’s today, logged', async () => {
    const v = await saved();
    const res = await renew(AS.employer, v.id, { validDays: 60 });
    expect(res.data.vacancy).toMatchObject({ status: 'published', validUntil: day(60) });
    expect(events(v.id)).toEqual(['create', 'submit', 'renew']);
  });

  it('without a date or days it gets the default 30 days; a date past the maximum is refused at its field', async () => {
    const v = await saved();
    expect((await renew(AS.employer, v.id)).data.vacancy.validUntil).toBe(day(30));
    const before = cloud.writeCount();
    const tooLate = await renew(AS.employer, v.id, { validUntil: day(120) });
    expect(tooLate).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(tooLate.error.fields.validUntil).toMatch(/最长至/);
    expect(cloud.writeCount()).toBe(before);
  });

  it('a flagged vacancy that expired while waiting goes back to review, never straight to publication', async () => {
    const v = await saved({ requirements: '年龄18-35岁', validUntil: day(1) });
    expect(v.status).toBe('pendingReview');
    const now = await expireAfter(v.validUntil);
    expect(stored(v.id).status).toBe('expired');

    const res = await renew(AS.employer, v.id, { validDays: 30 });
    expect(res.data.vacancy).toMatchObject({
      status: 'pendingReview',
      validUntil: day(30, dayjs(now)),
      reviewReasons: [expect.stringMatching(/年龄限制/)],
    });
    const queue = await caller(cloud, MARKET)('reviewQueue', {});
    expect(queue.data.vacancies.map((r: any) => r.id)).toContain(v.id);
    const approved = await caller(cloud, MARKET)('review', {
      kind: 'vacancy',
      id: v.id,
      decision: 'approve',
      version: res.data.vacancy.version,
    });
    expect(approved.data.status).toBe('published');
  });

  it('wording staff approved is not reviewed again when the vacancy is renewed', async () => {
    const v = await saved({ requirements: '年龄18-35岁', validUntil: day(1) });
    await caller(cloud, MARKET)('review', { kind: 'vacancy', id: v.id, decision: 'approve' });
    await expireAfter(v.validUntil);
    const res = await renew(AS.employer, v.id, { validDays: 30 });
    expect(res.data.vacancy.status).toBe('published');
  });

  it('an unverified company’s vacancy that expired goes back to review on renewal', async () => {
    const me = caller(cloud, AS.newCitizen);
    await me('registerCompany', company({ uscc: uscc('91370811MA3D5Y8L3') }));
    const v = (await me('saveVacancy', vacancy({ validUntil: day(1) }))).data.vacancy;
    await expireAfter(v.validUntil);
    const res = await renew(AS.newCitizen, v.id, { validDays: 30 });
    expect(res.data.vacancy).toMatchObject({
      status: 'pendingReview',
      reviewReasons: [expect.stringMatching(/核验/)],
    });
  });
});

describe('resuming runs the check again', () => {
  it('a paused vacancy whose wording was never approved goes to review', async () => {
    const v = await saved();
    await caller(cloud, AS.employer)('setVacancyStatus', { vacancyId: v.id, event: 'pause' });
    // Saved before the screening knew the phrase: the stored wording is flagged now.
    const companyId = stored(v.id).companyId;
    const legacy = cloud.store.collection('vacancies').insert({
      ...stored(v.id),
      _id: 'legacy-paused',
      requirements: '身高165cm以上',
      companyId,
    });
    const res = await caller(cloud, AS.employer)('setVacancyStatus', {
      vacancyId: legacy,
      event: 'resume',
    });
    expect(res.data.vacancy).toMatchObject({
      status: 'pendingReview',
      reviewReasons: [expect.stringMatching(/身高/)],
    });
    const clean = await caller(cloud, AS.employer)('setVacancyStatus', {
      vacancyId: v.id,
      event: 'resume',
    });
    expect(clean.data.vacancy.status).toBe('published');
  });
});

describe('closing', () => {
  it('a vacancy waiting for review cannot be closed as filled, only withdrawn', async () => {
    const v = await saved({ requirements: '年龄18-35岁' });
    const before = cloud.writeCount();
    const filled = await caller(cloud, AS.employer)('setVacancyStatus', {
      vacancyId: v.id,
      event: 'close',
      closeReason: 'filled',
    });
    expect(filled).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: NOT_YET_PUBLIC_CLOSE_REASON },
    });
    expect(cloud.writeCount()).toBe(before);
    const withdrawn = await caller(cloud, AS.employer)('setVacancyStatus', {
      vacancyId: v.id,
      event: 'close',
      closeReason: 'withdrawn',
    });
    expect(withdrawn.data.vacancy.status).toBe('closed');
    const rows = (await caller(cloud, MARKET)('ledger', { status: 'closed' })).data.vacancies;
    expect(rows.find((r: any) => r.id === v.id).remark).toBe('企业撤回');
  });
});

describe('dates', () => {
  it('an edit without a valid-until date keeps the vacancy’s date', async () => {
    const v = await saved({ validUntil: day(60) });
    const edited = await caller(cloud, AS.employer)(
      'saveVacancy',
      vacancy({ id: v.id, headcount: 8 }),
    );
    expect(edited.data.vacancy).toMatchObject({ headcount: 8, validUntil: day(60) });
  });

  it('days are counted from the server’s today', async () => {
    const v = await saved({ validDays: 15 });
    expect(v.validUntil).toBe(day(15));
    const res = await caller(cloud, AS.employer)('saveVacancy', vacancy({ validDays: 91 }));
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('my vacancies carries the server’s today for the renewal choices', async () => {
    const mine = await caller(cloud, AS.employer)('myVacancies', {});
    expect(mine.data.today).toBe(day(0));
  });
});

describe('the benefits are screened like the rest of the ad', () => {
  it('a blocked phrase in the benefits is refused at that field, nothing written', async () => {
    const before = cloud.store.collection('vacancies').count();
    const res = await caller(cloud, AS.employer)(
      'saveVacancy',
      vacancy({ benefits: '五险一金，本地户口另发补贴，限男性住宿' }),
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(res.error.fields.benefits).toMatch(/就业促进法/);
    expect(cloud.store.collection('vacancies').count()).toBe(before);
  });

  it('a flagged promise in the benefits sends the vacancy to review', async () => {
    const v = await saved({ benefits: '高薪，包吃住' });
    expect(v).toMatchObject({
      status: 'pendingReview',
      reviewReasons: [expect.stringMatching(/高薪/)],
    });
  });

  it('staff edits screen the benefits too', async () => {
    const v = await saved({ requirements: '年龄18-35岁' });
    const res = await caller(cloud, MARKET)('staffEditVacancy', {
      ...vacancy({ id: v.id, benefits: '限本地人享受住房补贴' }),
      note: '删除年龄限制',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(res.error.fields.benefits).toMatch(/就业促进法/);
  });
});
