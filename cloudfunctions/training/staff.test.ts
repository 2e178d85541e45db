/**
 * The staff and institution side: who may publish and manage which course (refusals by role and
 * ownership; VALIDATION writes nothing), attendance and results with every transition logged, a
 * pass opening a certificate task due 2 months later (000 §3(7)) and flagged by the daily timer
 * when overdue, the offers each person with a training need gets (000 §3(2)) and the "131"
 * training of the year.
 */
import type { LocalCloud } from '@nuanxin/local';
import { usccCheckChar } from '@nuanxin/shared';

import { fixClock, makeSeeker, registered } from '../test/registration';
import { caller, seededCloud } from '../test/support';

import {
  at,
  booking,
  count,
  courseInput,
  insertSeeker,
  institutionId,
  makeCourse,
  MARKET,
  ONLINE_PLATFORM,
  OTHER_COUNTY_STAFF,
  SCHOOL,
  SCHOOL_ACCOUNT,
  seats,
  SKILLS,
  STAFF,
  SUPERVISOR,
  trainingAs,
} from './fixtures';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

describe('publishing courses', () => {
  it('就业中心 staff publish a course with its seat counter; the seeker sees it', async () => {
    const res = await trainingAs(cloud, STAFF)('saveCourse', courseInput({ online: false }, cloud));
    expect(res).toMatchObject({
      ok: true,
      data: {
        course: {
          title: '家政服务员（五级）测试班',
          institutionName: SCHOOL,
          occupationName: '家政服务员',
          mode: 'offline',
          modeLabel: '线下授课',
          fundingLabel: '免费',
          seatsLeft: 20,
          status: 'published',
          canEdit: true,
        },
      },
    });
    expect(seats(cloud, res.data.course.id)).toMatchObject({ capacity: 20, taken: 0, waiting: 0 });
    insertSeeker(cloud, 'wx-reader');
    const detail = await trainingAs(cloud, 'wx-reader')('courseDetail', {
      courseId: res.data.course.id,
    });
    expect(detail.data).toMatchObject({
      course: { sessions: [{ online: false }, { online: false }], institution: { name: SCHOOL } },
      booking: null,
      blocker: null,
    });
  });

  it.each([
    ['an unknown occupation', { occupationCode: '9-99-99-99' }, 'occupationCode'],
    ['a paid course without a fee', { funding: 'paid', fee: 0 }, 'fee'],
    ['a deadline after the first session', { enrolDeadline: '2099-12-31' }, 'enrolDeadline'],
    ['no sessions', { sessions: [] }, 'sessions'],
    ['a township outside the staff member’s', { township: '370812001' }, 'township'],
  ])('%s is VALIDATION at its field, and nothing is written', async (_name, over, field) => {
    const before = cloud.writeCount();
    const res = await trainingAs(cloud, STAFF)('saveCourse', {
      ...courseInput({}, cloud),
      ...over,
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(Object.keys(res.ok ? {} : (res.error.fields ?? {})).join()).toContain(field);
    expect(cloud.writeCount()).toBe(before);
  });

  it.each([
    ['a 市场服务中心 caseworker', MARKET],
    ['an employer not linked to an institution', 'demo-employer-1'],
  ])('%s may not publish (FORBIDDEN, nothing written)', async (_name, openid) => {
    const before = cloud.writeCount();
    const res = await trainingAs(cloud, openid)('saveCourse', courseInput({}, cloud));
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(cloud.writeCount()).toBe(before);
  });

  it('an employer not linked to an institution is told how to link, not shown an error', async () => {
    const res = await trainingAs(cloud, 'demo-employer-1')('manageCourses', {});
    expect(res).toMatchObject({
      ok: true,
      data: { courses: [], canCreate: false, notice: expect.stringContaining('统一社会信用代码') },
    });
  });

  it("another county's caseworker does not see or edit a 任城区 course (NOT_FOUND)", async () => {
    const course = await makeCourse(cloud);
    const other = trainingAs(cloud, OTHER_COUNTY_STAFF);
    for (const [action, payload] of [
      ['roster', { courseId: course }],
      ['staffCourse', { courseId: course }],
      ['saveCourse', { ...courseInput({}, cloud), id: course }],
    ] as const) {
      expect(await other(action, payload)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: '没有找到这门课程，或它不在您的管理范围内' },
      });
    }
    const list = await other('manageCourses', {});
    expect(list.data.courses.map((c: { id: string }) => c.id)).not.toContain(course);
  });

  it('the capacity never drops below the seats taken; a larger one promotes the waitlist', async () => {
    fixClock(at('2026-11-20 10:00'));
    const course = await makeCourse(cloud, { capacity: 1 });
    insertSeeker(cloud, 'wx-first');
    insertSeeker(cloud, 'wx-second');
    await trainingAs(cloud, 'wx-first')('apply', { courseId: course });
    const waiting = await trainingAs(cloud, 'wx-second')('apply', { courseId: course });
    const edit = (capacity: number) =>
      trainingAs(cloud, STAFF)('saveCourse', { ...courseInput({}, cloud), id: course, capacity });

    const before = cloud.writeCount();
    expect(await edit(0)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(cloud.writeCount()).toBe(before);

    expect((await edit(2)).ok).toBe(true);
    expect(booking(cloud, waiting.data.booking.id).status).toBe('promoted');
    expect(seats(cloud, course)).toMatchObject({ capacity: 2, taken: 2, waiting: 0 });
  });
});

describe("an institution's own account", () => {
  it('manages its own courses and only those', async () => {
    const school = trainingAs(cloud, SCHOOL_ACCOUNT);
    const list = await school('manageCourses', {});
    expect(list.data.institution).toMatchObject({ name: SCHOOL });
    expect(list.data.courses.length).toBeGreaterThan(0);
    expect(
      list.data.courses.every((c: { institutionName: string }) => c.institutionName === SCHOOL),
    ).toBe(true);
    expect((await school('institutions', {})).data.institutions).toEqual([
      expect.objectContaining({ name: SCHOOL, hasAccount: true, canEdit: false }),
    ]);

    const own = await school(
      'saveCourse',
      courseInput({ title: '插花花艺师（专项）体验班' }, cloud),
    );
    expect(own).toMatchObject({ ok: true, data: { course: { institutionName: SCHOOL } } });

    const platformCourse = await makeCourse(cloud, { institution: ONLINE_PLATFORM, online: true });
    expect(await school('roster', { courseId: platformCourse })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const before = cloud.writeCount();
    const foreign = await school(
      'saveCourse',
      courseInput({ institution: ONLINE_PLATFORM }, cloud),
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(cloud.writeCount()).toBe(before);
  });

  it('staff link an institution by USCC; only staff may', async () => {
    const platform = institutionId(cloud, ONLINE_PLATFORM);
    const payload = {
      id: platform,
      name: ONLINE_PLATFORM,
      kind: 'online',
      township: '370811002',
      address: '',
      phone: '0537-1234567',
      uscc: null,
    };
    expect(await trainingAs(cloud, SCHOOL_ACCOUNT)('saveInstitution', payload)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const saved = await trainingAs(cloud, SUPERVISOR)('saveInstitution', payload);
    expect(saved).toMatchObject({
      ok: true,
      data: { institution: { phone: '0537-1234567', uscc: null, hasAccount: false } },
    });
  });
});

describe('linking an account to an institution by USCC', () => {
  const first17 = '91370811MA3TRN7Q0';
  const USCC = first17 + usccCheckChar(first17);

  it('a company not yet verified does not get the institution, whose USCC is public; once verified it does', async () => {
    const platform = institutionId(cloud, ONLINE_PLATFORM);
    const linked = await trainingAs(cloud, SUPERVISOR)('saveInstitution', {
      id: platform,
      name: ONLINE_PLATFORM,
      kind: 'online',
      township: '370811002',
      address: '',
      phone: '0537-1234567',
      uscc: USCC,
    });
    expect(linked).toMatchObject({ ok: true, data: { institution: { hasAccount: false } } });
    const course = await makeCourse(cloud, { institution: ONLINE_PLATFORM, online: true });
    insertSeeker(cloud, 'wx-platform-trainee', { name: '卫学员' });
    await trainingAs(cloud, 'wx-platform-trainee')('apply', { courseId: course });

    // Anyone may register a company with the platform's (public) USCC: it is pending.
    const registered = await caller(cloud, 'wx-squatter')('employer', 'registerCompany', {
      name: '济宁随便注册有限公司',
      uscc: USCC,
      industry: 'P',
      township: '370811002',
      address: '任城区示例路9号',
      contactName: '冒名者',
      contactMobile: '13900009999',
    });
    expect(registered).toMatchObject({ ok: true, data: { company: { status: 'pending' } } });
    if (!registered.ok) throw new Error(registered.error.message);

    const squatter = trainingAs(cloud, 'wx-squatter');
    const before = cloud.writeCount();
    expect(await squatter('manageCourses', {})).toMatchObject({
      ok: true,
      data: {
        courses: [],
        institution: null,
        canCreate: false,
        notice: expect.stringContaining('等待市场服务中心核验'),
      },
    });
    for (const [action, payload] of [
      ['roster', { courseId: course }],
      ['staffCourse', { courseId: course }],
      ['saveCourse', courseInput({ institution: ONLINE_PLATFORM, online: true }, cloud)],
      ['institutions', {}],
      ['certificates', {}],
    ] as const) {
      expect(await squatter(action, payload)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(cloud.writeCount()).toBe(before);
    const listed = await trainingAs(cloud, SUPERVISOR)('institutions', {});
    expect(listed.data.institutions.find((i: { id: string }) => i.id === platform)).toMatchObject({
      uscc: USCC,
      hasAccount: false,
    });

    // The 市场服务中心 verifies the company: now its account speaks for the platform.
    expect(
      await caller(cloud, MARKET)('employer', 'review', {
        kind: 'company',
        id: registered.data.company.id,
        decision: 'approve',
      }),
    ).toMatchObject({ ok: true, data: { status: 'verified' } });
    const managed = await squatter('manageCourses', {});
    expect(managed.data.institution).toMatchObject({ name: ONLINE_PLATFORM });
    expect(managed.data.courses.map((c: { id: string }) => c.id)).toContain(course);
    const roster = await squatter('roster', { courseId: course });
    expect(roster.data.bookings.map((b: { name: string }) => b.name)).toEqual(['卫学员']);
    expect(
      (await trainingAs(cloud, SUPERVISOR)('institutions', {})).data.institutions.find(
        (i: { id: string }) => i.id === platform,
      ),
    ).toMatchObject({ hasAccount: true });
  });
});

/** A course that started yesterday and ends today, with two confirmed seekers. */
async function runningCourse() {
  fixClock(at('2026-12-01 08:00'));
  const course = await makeCourse(cloud, { startsIn: 2, sessions: 2, capacity: 5 });
  insertSeeker(cloud, 'wx-passes', { name: '周学员' });
  insertSeeker(cloud, 'wx-fails', { name: '吴学员' });
  insertSeeker(cloud, 'wx-absent', { name: '郑学员' });
  const ids: Record<string, string> = {};
  for (const openid of ['wx-passes', 'wx-fails', 'wx-absent']) {
    ids[openid] = (await trainingAs(cloud, openid)('apply', { courseId: course })).data.booking.id;
  }
  return { course, ids };
}

describe('attendance, results and certificates', () => {
  it('records attendance after the start and results from the last day; a pass opens a certificate task', async () => {
    const { course, ids } = await runningCourse();
    const staff = trainingAs(cloud, STAFF);
    const marks = [
      { bookingId: ids['wx-passes']!, present: true },
      { bookingId: ids['wx-fails']!, present: true },
      { bookingId: ids['wx-absent']!, present: false },
    ];
    expect(await staff('recordAttendance', { courseId: course, marks })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '课程开课后才能登记考勤' },
    });

    jest.setSystemTime(at('2026-12-03 10:00'));
    const roster = await staff('roster', { courseId: course });
    expect(roster.data).toMatchObject({ canMarkAttendance: true, canRecordResults: false });
    expect(roster.data.bookings.map((b: { name: string }) => b.name).sort()).toEqual([
      '吴学员',
      '周学员',
      '郑学员',
    ]);
    expect(count(cloud, 'audit_log', { action: 'training.roster', subjectId: course })).toBe(1);

    const marked = await staff('recordAttendance', { courseId: course, marks });
    expect(marked.data.updated).toBe(3);
    // Recording the same sheet again changes nothing.
    expect((await staff('recordAttendance', { courseId: course, marks })).data.updated).toBe(0);

    const results = [
      { bookingId: ids['wx-passes']!, passed: true },
      { bookingId: ids['wx-fails']!, passed: false },
    ];
    expect(await staff('recordResults', { courseId: course, results })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    jest.setSystemTime(at('2026-12-31 10:00'));
    // An absent person cannot pass: the whole sheet is refused and nothing is written.
    const before = cloud.writeCount();
    const withAbsent = await staff('recordResults', {
      courseId: course,
      results: [...results, { bookingId: ids['wx-absent']!, passed: true }],
    });
    expect(withAbsent).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(withAbsent.error.message).toContain('郑学员');
    expect(cloud.writeCount()).toBe(before);

    const recorded = await staff('recordResults', { courseId: course, results });
    expect(recorded.data).toMatchObject({ updated: 2, certificatesOpened: 1 });
    expect(booking(cloud, ids['wx-passes']!)).toMatchObject({ status: 'passed' });
    expect(booking(cloud, ids['wx-fails']!)).toMatchObject({ status: 'failed' });
    expect(booking(cloud, ids['wx-absent']!)).toMatchObject({ status: 'noShow' });
    expect(
      cloud.store
        .collection('training_booking_log')
        .find({ bookingId: ids['wx-passes'] })
        .map((l) => `${l.event}:${l.from}→${l.to}:${l.actorRole}`),
    ).toEqual([
      'apply:null→booked:seeker',
      'confirm:booked→confirmed:seeker',
      'attend:confirmed→attended:staff',
      'pass:attended→passed:staff',
    ]);
    // Passed on 31 December: due on the last day of February (000 §3(7): within 2 months).
    const [task] = cloud.store
      .collection('training_certificates')
      .find({ bookingId: ids['wx-passes'] });
    expect(task).toMatchObject({ status: 'open', dueDate: '2027-02-28', name: '周学员' });

    const mine = await trainingAs(cloud, 'wx-passes')('myBookings', {});
    expect(mine.data.bookings[0]).toMatchObject({
      status: 'passed',
      certificate: { status: 'open', statusLabel: '待发证', dueDate: '2027-02-28' },
    });
  });

  it('overdue certificates are flagged once by the daily timer to the 就业中心 and 职鉴中心, then issued', async () => {
    const { course, ids } = await runningCourse();
    jest.setSystemTime(at('2026-12-04 18:00'));
    const staff = trainingAs(cloud, STAFF);
    await staff('recordAttendance', {
      courseId: course,
      marks: [{ bookingId: ids['wx-passes']!, present: true }],
    });
    await staff('recordResults', {
      courseId: course,
      results: [{ bookingId: ids['wx-passes']!, passed: true }],
    });
    const [task] = cloud.store
      .collection('training_certificates')
      .find({ bookingId: ids['wx-passes'] });
    expect(task).toMatchObject({ dueDate: '2027-02-04' });

    // On the due day it is not yet overdue.
    const onDue = at('2027-02-04 00:30');
    fixClock(onDue);
    await cloud.scheduler.runTimer('training', onDue);
    expect(
      cloud.store.collection('training_certificates').find({ _id: task!._id })[0],
    ).toMatchObject({
      overdueFlaggedAt: null,
    });

    const after = at('2027-02-05 00:30');
    jest.setSystemTime(after);
    await cloud.scheduler.runTimer('training', after);
    expect(
      cloud.store.collection('training_certificates').find({ _id: task!._id })[0],
    ).toMatchObject({
      overdueFlaggedAt: after,
    });
    // (The first run told them of the seeded course's overdue certificates; this one of ours.)
    const told = (openid: string) =>
      cloud.store
        .collection('messages')
        .find({ openid, kind: 'certificateOverdue', at: { $gte: after } });
    for (const openid of [STAFF, SUPERVISOR, SKILLS]) {
      expect(told(openid)).toEqual([
        expect.objectContaining({
          title: '培训结业证书办理超期',
          page: 'packages/training/certificates/index',
          body: '您负责范围内有1名考核合格人员的结业证书超过2个月未发放（最早应于2027-02-04前发放），请尽快办理。',
        }),
      ]);
    }
    // Another county's caseworker and the 市场服务中心 are not told.
    expect(told(OTHER_COUNTY_STAFF)).toEqual([]);
    expect(told(MARKET)).toEqual([]);
    // Flagged once: the next run tells nobody again.
    await cloud.scheduler.runTimer('training', at('2027-02-06 00:30'));
    expect(told(STAFF)).toHaveLength(1);

    const skills = trainingAs(cloud, SKILLS);
    const overdue = await skills('certificates', { filter: 'overdue' });
    expect(overdue.data.tasks.find((t: { id: string }) => t.id === task!._id)).toMatchObject({
      id: task!._id,
      name: '周学员',
      overdue: true,
      dueText: '已超期1天',
    });
    expect(await trainingAs(cloud, MARKET)('certificates', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await trainingAs(cloud, OTHER_COUNTY_STAFF)('issueCertificate', {
        taskId: task!._id,
        certificateNo: 'S2027000123',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const issued = await skills('issueCertificate', {
      taskId: task!._id,
      certificateNo: 'S2027000123',
    });
    expect(issued.data.task).toMatchObject({ status: 'issued', overdue: false, dueText: '已发证' });
    expect(
      await skills('issueCertificate', { taskId: task!._id, certificateNo: 'S2027000124' }),
    ).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '该证书已于2027年2月5日登记发放（编号 S2027000123）' },
    });
  });

  it('the seeded demo has overdue certificates the school sees for its own trainees', async () => {
    const school = await trainingAs(cloud, SCHOOL_ACCOUNT)('certificates', { filter: 'all' });
    expect(school.data.counts).toMatchObject({ open: 3, overdue: 2 });
  });
});

describe('who may book what', () => {
  it('a citizen without a registration is sent to register for a free course and may book a paid one', async () => {
    const free = await makeCourse(cloud);
    const paid = await makeCourse(cloud, { funding: 'paid', fee: 1500 });
    const call = trainingAs(cloud, 'wx-not-registered');
    const detail = await call('courseDetail', { courseId: free });
    expect(detail.data).toMatchObject({
      blocker: expect.stringContaining('请先在“失业登记”中办理'),
      quota: { registered: false, text: '办理失业登记后，每年可参加3次免费培训' },
    });
    const before = cloud.writeCount();
    expect(await call('apply', { courseId: free })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call('apply', { courseId: paid })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { contact: '请填写联系人姓名和手机号' } },
    });
    expect(cloud.writeCount()).toBe(before);
    expect((await call('courseDetail', { courseId: paid })).data.needsContact).toBe(true);
    const booked = await call('apply', {
      courseId: paid,
      contact: { name: '陈小龙', mobile: '139 0537 8888' },
    });
    expect(booked).toMatchObject({ ok: true, data: { outcome: 'confirmed' } });
    expect(booking(cloud, booked.data.booking.id)).toMatchObject({
      name: '陈小龙',
      mobile: '13905378888',
      registrationId: null,
    });
  });
});

describe('offers to people with a training need (000 §3(2))', () => {
  it('the caseworker sees offered / not yet offered; the page and the caseworker both offer', async () => {
    const sections = makeSeeker({ township: '370811002' }).sections;
    sections.wishes = { ...sections.wishes, wantsTraining: true, trainingNeed: '电脑办公' };
    const id = await registered(cloud, 'wx-needs-training', sections);
    const caseworker = trainingAs(cloud, STAFF);

    const before = await caseworker('trainingOffers', {});
    expect(
      before.data.people.find((p: { registrationId: string }) => p.registrationId === id),
    ).toMatchObject({
      offered: false,
      trainingNeed: '电脑办公',
    });

    const page = await trainingAs(cloud, 'wx-needs-training')('catalogue', {});
    expect(page.data.recommended[0]).toMatchObject({
      title: '电脑办公应用培训班（Word/Excel）',
      reasons: ['符合您填写的培训需求“电脑办公”'],
    });
    expect(page.data.courses[0].title).toBe('电脑办公应用培训班（Word/Excel）');

    const after = await caseworker('trainingOffers', { registrationId: id });
    expect(after.data.person).toMatchObject({
      offered: true,
      institutions: expect.arrayContaining([ONLINE_PLATFORM]),
      training131: { done: 0, target: 1, met: false },
    });
    expect(after.data.person.offers[0]).toMatchObject({ sourceLabel: '本人培训页面推荐' });

    const course = await makeCourse(cloud, {
      title: '养老护理员（初级）社区班',
      occupationCode: '4-10-01-05',
    });
    expect(await caseworker('offerCourse', { registrationId: id, courseId: course })).toMatchObject(
      {
        ok: true,
        data: { offered: true },
      },
    );
    const again = await trainingAs(cloud, 'wx-needs-training')('catalogue', {});
    expect(again.data.recommended[0]).toMatchObject({
      id: course,
      reasons: ['您的包保责任人为您推荐'],
    });

    // Someone else's caseworker, or a supervisor elsewhere, does not find the person.
    expect(
      await trainingAs(cloud, OTHER_COUNTY_STAFF)('trainingOffers', { registrationId: id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await trainingAs(cloud, OTHER_COUNTY_STAFF)('offerCourse', {
        registrationId: id,
        courseId: course,
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a completed training is the "131" training of the year', async () => {
    const sections = makeSeeker({ township: '370811002' }).sections;
    sections.wishes = { ...sections.wishes, wantsTraining: true };
    const id = await registered(cloud, 'wx-trains', sections);
    fixClock(at('2026-12-01 08:00'));
    const course = await makeCourse(cloud, { startsIn: 1, sessions: 1 });
    const booked = await trainingAs(cloud, 'wx-trains')('apply', { courseId: course });
    jest.setSystemTime(at('2026-12-02 17:00'));
    const staff = trainingAs(cloud, STAFF);
    await staff('recordAttendance', {
      courseId: course,
      marks: [{ bookingId: booked.data.booking.id, present: true }],
    });
    await staff('recordResults', {
      courseId: course,
      results: [{ bookingId: booked.data.booking.id, passed: false }],
    });
    const view = await staff('trainingOffers', { registrationId: id });
    expect(view.data.person).toMatchObject({
      trainedThisYear: true,
      training131: { done: 1, target: 1, met: true },
    });
    jest.setSystemTime(at('2027-01-02 10:00'));
    expect(
      (await staff('trainingOffers', { registrationId: id })).data.person.training131.met,
    ).toBe(false);
  });
});
