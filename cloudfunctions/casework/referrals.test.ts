/**
 * Referrals and the "131" training (issue 7 review): a job referral names its position — a
 * published vacancy whose 公益性/见习 flags count in the month's push plan, or one elsewhere with
 * the flags the caseworker ticks — and a vacancy reaches a person once however it came (a
 * referral, the push run); a training referral to a course is the offer of its institution
 * (000 §3(2)), not the year's training, which only a completed training is (dated by its result);
 * a contact that changes the registration's status commits with it or not at all.
 */
import { createLocalCloud, loadCloudFunctions, type LocalCloud } from '@nuanxin/local';
import { COLLECTIONS, dayjs, type ActionName, type FunctionName } from '@nuanxin/shared';

import { addVacancy, recommend } from '../push/fixtures';
import { addStaff, fixClock, makeSeeker, registered } from '../test/registration';
import { AS, caller as callerOf, seededCloud } from '../test/support';
import { makeCourse } from '../training/fixtures';

// Monday 2026-03-02 10:00 in Shanghai.
const START = new Date('2026-03-02T02:00:00Z');

let cloud: LocalCloud;
beforeEach(async () => {
  fixClock(START);
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud?.close();
});

function callAs(openid: string) {
  const call = callerOf(cloud, openid);
  return (fn: FunctionName, action: string, payload: unknown = {}): Promise<any> =>
    call(fn, action as never, payload);
}
const zhang = (action: ActionName<'casework'>, payload: unknown): Promise<any> =>
  callAs(AS.caseworker)('casework', action, payload);
const store = (name: string) => cloud.store.collection(name);
const at = (shanghai: string) => dayjs.tz(shanghai, 'Asia/Shanghai').toDate();

async function person(openid: string, over: Parameters<typeof makeSeeker>[0] = {}) {
  return registered(cloud, openid, makeSeeker({ name: '推荐测试', ...over }).sections);
}

async function workbench(registrationId: string) {
  const res = await zhang('person', { registrationId });
  expect(res.ok).toBe(true);
  return res.data;
}

describe('job referrals', () => {
  it('a 公益性岗位 on the platform meets the 就业困难人员 requirement; flags come from the vacancy', async () => {
    // A woman of 52 is 大龄 and so 就业困难 (province rule).
    const id = await person('wx-ref-welfare', { age: 52 });
    const welfare = addVacancy(cloud, {
      title: '社区公益岗',
      flags: { publicWelfare: true, internship: false },
    });
    expect((await workbench(id)).person.pushPlan).toMatchObject({
      pushes: 0,
      publicWelfare: { done: 0, required: true },
    });

    // The client cannot talk a plain vacancy into a 公益性岗位: the vacancy's flags decide.
    const res = await zhang('recordContact', {
      registrationId: id,
      kind: 'jobReferral',
      vacancyId: welfare,
      publicWelfare: false,
    });
    expect(res.ok).toBe(true);
    expect(res.data.person.pushPlan).toMatchObject({
      month: '2026-03',
      pushes: 1,
      publicWelfare: { done: 1, required: true },
    });
    expect(res.data.person.progress131.jobIntroduction.done).toBe(1);
    expect(res.data.timeline.at(-1)).toMatchObject({
      source: 'contact',
      label: '岗位推荐',
    });
    expect(res.data.timeline.at(-1).reason).toContain('社区公益岗');
    expect(res.data.timeline.at(-1).reason).toContain('公益性岗位');
    const [stored] = store('contacts').find({ registrationId: id, kind: 'jobReferral' });
    expect(stored).toMatchObject({
      note: '',
      vacancy: { id: welfare, title: '社区公益岗', publicWelfare: true, internship: false },
      course: null,
    });
  });

  it('a position elsewhere is named in the note, with the flags the caseworker ticks', async () => {
    const id = await person('wx-ref-text', { age: 52 });
    const res = await zhang('recordContact', {
      registrationId: id,
      kind: 'jobReferral',
      note: '社区保洁公益岗（越河街道）',
      publicWelfare: true,
    });
    expect(res.data.person.pushPlan).toMatchObject({ pushes: 1, publicWelfare: { done: 1 } });
    const [stored] = store('contacts').find({ registrationId: id, kind: 'jobReferral' });
    expect(stored).toMatchObject({
      vacancy: { id: null, publicWelfare: true, internship: false },
    });
    // Neither a vacancy nor a note: the caseworker is asked which position.
    expect(await zhang('recordContact', { registrationId: id, kind: 'jobReferral' })).toMatchObject(
      { ok: false, error: { code: 'VALIDATION', fields: { note: expect.any(String) } } },
    );
  });

  it.each([
    ['paused', { status: 'paused' }],
    ['closed', { status: 'closed' }],
    ['waiting for review', { status: 'pendingReview' }],
  ])('a %s vacancy is refused with CONFLICT and nothing is written', async (_what, over) => {
    const id = await person('wx-ref-gone');
    const gone = addVacancy(cloud, over);
    const before = cloud.writeCount();
    expect(
      await zhang('recordContact', { registrationId: id, kind: 'jobReferral', vacancyId: gone }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { vacancyId: '这个岗位已不在招聘中，请重新选择岗位' } },
    });
    expect(
      await zhang('recordContact', {
        registrationId: id,
        kind: 'jobReferral',
        vacancyId: 'no-such-vacancy',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(cloud.writeCount()).toBe(before);
  });

  it('a vacancy the caseworker referred is not pushed again; the push run adds another', async () => {
    const id = await person('wx-ref-dup');
    const [v, w] = [addVacancy(cloud), addVacancy(cloud)];
    await zhang('recordContact', { registrationId: id, kind: 'jobReferral', vacancyId: v });
    recommend(cloud, id, [v, w]);
    // 03-12: two of the month's three should have gone out; one did (the referral).
    const pushDay = at('2026-03-12 10:00');
    jest.setSystemTime(pushDay);
    await cloud.scheduler.runTimer('push', pushDay);
    const pushed = store('pushes').find({ registrationId: id }) as any[];
    expect(pushed.map((p) => p.vacancyId)).toEqual([w]);

    const { person: entry } = await workbench(id);
    expect(entry.pushPlan.pushes).toBe(2);
    expect(entry.progress131.jobIntroduction.done).toBe(2);
  });
});

describe('training: referrals are offers, completed trainings are the "131" training', () => {
  it("a referral to a course is recorded as the institution offered, not as the year's training", async () => {
    const id = await person('wx-ref-course');
    const courseId = await makeCourse(cloud, { title: '叉车司机（五级）测试班' });
    const res = await zhang('recordContact', {
      registrationId: id,
      kind: 'trainingReferral',
      courseId,
    });
    expect(res.ok).toBe(true);
    expect(res.data.person.progress131.training).toEqual({ done: 0, target: 1, met: false });
    expect(res.data.timeline.at(-1)).toMatchObject({ source: 'contact', label: '培训推荐' });
    expect(res.data.timeline.at(-1).reason).toContain('叉车司机（五级）测试班');

    // The training function sees the offer (000 §3(2)), made by the caseworker.
    expect(store('training_offers').find({ registrationId: id })).toEqual([
      expect.objectContaining({ courseId, source: 'caseworker', byOpenid: AS.caseworker }),
    ]);
    const offers = await callAs(AS.caseworker)('training', 'trainingOffers', {
      registrationId: id,
    });
    expect(offers.data.person).toMatchObject({ offered: true, institutions: [expect.any(String)] });

    // Referred again: a second contact, still one offer; and one timeline entry per referral.
    await zhang('recordContact', { registrationId: id, kind: 'trainingReferral', courseId });
    expect(store('training_offers').count({ registrationId: id })).toBe(1);
    const { timeline } = await workbench(id);
    expect(timeline.filter((e: any) => e.label === '培训推荐')).toHaveLength(2);
    expect(timeline.filter((e: any) => e.label.startsWith('推荐培训机构'))).toHaveLength(0);
  });

  it('a course not open for enrolment is refused and nothing is written', async () => {
    const id = await person('wx-ref-closed');
    const courseId = await makeCourse(cloud, { startsIn: 1 });
    // The enrolment deadline (the day before the start) has passed.
    jest.setSystemTime(at('2026-03-04 10:00'));
    const before = cloud.writeCount();
    expect(
      await zhang('recordContact', { registrationId: id, kind: 'trainingReferral', courseId }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { courseId: expect.any(String) } },
    });
    expect(cloud.writeCount()).toBe(before);
  });

  it('only a completed training counts, in the year of its result', async () => {
    const id = await person('wx-ref-done');
    const [reg] = store('registrations').find({ _id: id }) as any[];
    const booking = (status: string, resultAt: Date | null, updatedAt: Date, title: string) =>
      store('training_bookings').insert({
        courseId: `course-${title}`,
        courseTitle: title,
        institutionId: 'institution-x',
        township: '370811002',
        openid: reg.openid,
        registrationId: id,
        person: 'person-hash',
        name: '推荐测试',
        mobile: '13912345678',
        status,
        activeKey: `closed:${title}`,
        countsQuota: true,
        quotaYear: '2025',
        waitSeq: null,
        confirmBy: null,
        bookedAt: at('2025-11-01 09:00'),
        confirmedAt: null,
        promotedAt: null,
        cancelledAt: null,
        cancelReason: null,
        attendedAt: null,
        resultAt,
        updatedAt,
      });
    // Passed on New Year's Eve at 23:30 Shanghai (already 2025-12-31 15:30 UTC), the record
    // touched again in January: it is 2025's training, not 2026's.
    booking('passed', at('2025-12-31 23:30'), at('2026-01-10 09:00'), '育婴员');
    // Attended, no result yet: not completed.
    booking('attended', null, at('2026-02-20 09:00'), '电工');
    let res = await workbench(id);
    expect(res.person.progress131.training).toEqual({ done: 0, target: 1, met: false });

    booking('failed', at('2026-02-26 16:00'), at('2026-02-26 16:00'), '焊工');
    res = await workbench(id);
    expect(res.person.progress131.training).toEqual({ done: 1, target: 1, met: true });
    expect(res.timeline.find((e: any) => e.label === '培训结业：焊工')).toMatchObject({
      source: 'training',
      at: at('2026-02-26 16:00').toISOString(),
    });
  });
});

describe('a contact that changes the status is atomic', () => {
  it('when the contact cannot be stored, the status change is not kept either', async () => {
    await cloud.close();
    // A database that refuses a person's second contact (a unique index stands in for any
    // failure of that write): the first contact is stored, the second fails.
    const contacts = COLLECTIONS.find((c) => c.name === 'contacts')!;
    cloud = await createLocalCloud({
      functions: loadCloudFunctions(),
      extraCollections: [
        {
          ...contacts,
          indexes: [{ name: 'one_per_person', keys: { registrationId: 1 }, unique: true }],
        },
      ],
    });
    // Not the demo seed (its people have several contacts each): one caseworker for the town.
    addStaff(cloud, {
      openid: AS.caseworker,
      role: 'caseworker',
      org: 'employment',
      townships: ['370811002'],
      displayName: '张敏',
    });
    const id = await person('wx-ref-atomic');
    expect((await zhang('recordContact', { registrationId: id, kind: 'visit' })).ok).toBe(true);
    const logBefore = store('registration_log').count({ registrationId: id });
    const auditBefore = store('audit_log').count({ subjectId: id });
    const toldBefore = store('messages').count({ openid: 'wx-ref-atomic' });

    const res = await zhang('recordContact', {
      registrationId: id,
      kind: 'followUp',
      channel: 'phone',
      situation: 'employed',
      note: '已在物流公司上班',
    });
    expect(res.ok).toBe(false);
    const [reg] = store('registrations').find({ _id: id }) as any[];
    expect(reg.status).toBe('registered');
    expect(store('registration_log').count({ registrationId: id })).toBe(logBefore);
    expect(store('contacts').count({ registrationId: id })).toBe(1);
    expect(store('audit_log').count({ subjectId: id })).toBe(auditBefore);
    // Nobody was told of a change that did not happen.
    expect(store('messages').count({ openid: 'wx-ref-atomic' })).toBe(toldBefore);
  });

  it('the status change, its log entry, the contact and the audit entry are stored together', async () => {
    const id = await person('wx-ref-together');
    const res = await zhang('recordContact', {
      registrationId: id,
      kind: 'followUp',
      channel: 'phone',
      situation: 'employed',
    });
    expect(res.ok).toBe(true);
    expect(res.data.person.status).toBe('employed');
    expect(store('contacts').find({ registrationId: id })).toEqual([
      expect.objectContaining({ kind: 'followUp', situation: 'employed' }),
    ]);
    expect(store('registration_log').count({ registrationId: id, to: 'employed' })).toBe(1);
    expect(store('audit_log').count({ subjectId: id, action: 'casework.recordContact' })).toBe(1);
  });
});
