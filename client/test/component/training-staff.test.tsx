/**
 * The training staff pages against the real `training` function on a seeded local cloud: who
 * sees which courses (staff, an institution's own account, an employer not linked, the 职鉴中心),
 * publishing a course with the contract's checks at their fields, attendance and results on the
 * roster, issuing an overdue certificate, and a caseworker's offers to people with a training need.
 */
import Taro from '@tarojs/taro';
import { act, render } from '@testing-library/react';

import type { LocalCloud } from '@nuanxin/local';
import { dayjs, TIME_ZONE } from '@nuanxin/shared';

import CertificatesPage from '../../src/packages/training/certificates/index';
import StaffCoursesPage from '../../src/packages/training/courses/index';
import CourseEditPage from '../../src/packages/training/edit/index';
import TrainingOffersPage from '../../src/packages/training/offers/index';
import RosterPage from '../../src/packages/training/roster/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { tap, typeInto } from './helpers';
import { label, openWith, text, trainingCloud, waitFor, waitForText } from './trainingCloud';

let cloud: LocalCloud;

const STAFF = 'demo-caseworker-370811';
const SKILLS = 'demo-skills-1';
/** 济宁众诚家政服务有限公司 runs 兖州区巧手家政培训中心. */
const CENTRE_ACCOUNT = 'demo-employer-3';
const ZHANG = 'demo-citizen-3';
const SUN = 'demo-citizen-7';

beforeEach(async () => {
  cloud = await trainingCloud();
  clearSession();
});
afterEach(async () => {
  jest.useRealTimers();
  Taro.getCurrentInstance().router = null;
  jest.restoreAllMocks();
  await cloud.close();
});

const as = (openid: string) => setDemoOpenid(openid);
const invoke = (openid: string, action: string, payload: unknown) =>
  cloud.invoke('training', { action, payload }, { openid }) as Promise<any>;
const withParams = (params: Record<string, string>) => openWith(params, '/packages/training');

const shanghaiDay = (days: number) => dayjs().tz(TIME_ZONE).add(days, 'day').format('YYYY-MM-DD');

describe('the course list', () => {
  it('就业中心 staff see their townships’ courses with seats and can publish', async () => {
    as(STAFF);
    const { container } = render(<StaffCoursesPage />);
    await waitFor(container, '#course-new');
    const office = cloud.store
      .collection('training_courses')
      .find({ title: '电脑办公应用培训班（Word/Excel）' })[0]!._id as string;
    await waitFor(container, `#staff-course-${office}`);
    expect(text(container, `#staff-course-${office}-counts`)).toContain('已报名 11/12');
    // A 兖州区 course is not theirs.
    expect(container.textContent).not.toContain('保育师（五级）培训班');
  });

  it('an institution’s own account sees its own courses under its name', async () => {
    as(CENTRE_ACCOUNT);
    const { container } = render(<StaffCoursesPage />);
    await waitFor(container, '#institution-name');
    expect(text(container, '#institution-name')).toContain('兖州区巧手家政培训中心');
    expect(container.textContent).toContain('保育师（五级）培训班');
    expect(container.textContent).not.toContain('电脑办公应用培训班');
  });

  it('an employer not linked to an institution is told how to link', async () => {
    as('demo-employer-1');
    const { container } = render(<StaffCoursesPage />);
    await waitFor(container, '#courses-notice');
    expect(text(container, '#courses-notice')).toContain('统一社会信用代码');
    expect(container.querySelector('#course-new')).toBeNull();
  });

  it('the 职鉴中心 is sent to the certificates', async () => {
    as(SKILLS);
    const { container } = render(<StaffCoursesPage />);
    await waitFor(container, '#courses-refused');
    expect(container.querySelector('#certificates-link')).not.toBeNull();
  });
});

async function typeArea(field: Element, value: string): Promise<void> {
  const area = field.querySelector('taro-textarea-core');
  if (!area) throw new Error('no textarea found');
  await act(async () => {
    area.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

const institutionOf = (name: string) =>
  cloud.store.collection('training_institutions').find({ name })[0]!._id as string;

/** A course 兖州区巧手家政培训中心 submits itself (in a 任城区 township the caseworker covers). */
async function submitted(title: string): Promise<string> {
  const res = await invoke(CENTRE_ACCOUNT, 'saveCourse', {
    institutionId: institutionOf('兖州区巧手家政培训中心'),
    title,
    occupationCode: '4-10-01-06',
    level: 'level5',
    sessions: [{ date: shanghaiDay(20), start: '09:00', end: '16:00', online: false, topic: '' }],
    township: '370811002',
    address: '许庄街道社区服务中心',
    capacity: 20,
    funding: 'free',
    enrolDeadline: shanghaiDay(15),
  });
  expect(res.data.course.status).toBe('pendingReview');
  return res.data.course.id as string;
}

describe('the review of institutions’ courses', () => {
  it('staff see the queue first, approve one and send one back with the reason the institution then reads', async () => {
    const good = await submitted('家政服务员（五级）夜校班');
    const vague = await submitted('母婴护理体验课程');
    as(STAFF);
    const { container, unmount } = render(<StaffCoursesPage />);
    await waitFor(container, '#review-queue');
    expect(text(container, '#review-queue')).toContain('待审核的课程（2）');
    expect(text(container, `#review-${good}`)).toContain('兖州区巧手家政培训中心');

    await tap(container.querySelector(`#approve-${good}`));
    await waitForText(container, '#review-done', '求职者现在可以看到并报名');
    expect(cloud.store.collection('training_courses').find({ _id: good })[0]!.status).toBe(
      'published',
    );

    await tap(await waitFor(container, `#reject-${vague}`));
    await tap(await waitFor(container, `#reject-${vague}-confirm`));
    await waitForText(container, `#review-${vague}`, '请填写不通过的原因');
    expect(cloud.store.collection('training_courses').find({ _id: vague })[0]!.status).toBe(
      'pendingReview',
    );
    await typeArea(
      container.querySelector(`#field-reject-${vague}`)!,
      '课程内容不明确，请写明培训职业和课时',
    );
    await tap(container.querySelector(`#reject-${vague}-confirm`));
    await waitForText(container, '#review-done', '培训机构会看到原因');
    expect(container.querySelector('#review-queue')).toBeNull();
    unmount();

    as(CENTRE_ACCOUNT);
    const school = render(<StaffCoursesPage />);
    await waitFor(school.container, `#staff-course-${vague}-review`);
    expect(text(school.container, `#staff-course-${vague}-badge`)).toBe('审核未通过');
    expect(text(school.container, `#staff-course-${vague}-review`)).toContain(
      '课程内容不明确，请写明培训职业和课时',
    );
    expect(text(school.container, `#staff-course-${good}-badge`)).toBe('报名中');
  });

  it('an institution is told its course goes to the 就业中心 before seekers see it', async () => {
    as(CENTRE_ACCOUNT);
    const { container } = render(<CourseEditPage />);
    await waitFor(container, '#course-review-note');
    expect(text(container, '#course-review-note')).toContain('需经就业中心审核通过后');
    expect(label(container, '#course-save')).toBe('提交就业中心审核');
  });
});

describe('cancelling a course', () => {
  it('asks for the reason, cancels every booking and says how many were told', async () => {
    const created = await invoke(STAFF, 'saveCourse', {
      institutionId: institutionOf('济宁市技师学院（示例）'),
      title: '中式烹调师（五级）短训班',
      occupationCode: '4-03-02-01',
      level: 'level5',
      sessions: [{ date: shanghaiDay(12), start: '09:00', end: '16:00', online: false, topic: '' }],
      township: '370811008',
      address: '济宁市技师学院',
      capacity: 10,
      funding: 'free',
      enrolDeadline: shanghaiDay(10),
    });
    const courseId = created.data.course.id as string;
    const zhang = (await invoke(ZHANG, 'apply', { courseId })).data.booking.id as string;
    const sun = (await invoke(SUN, 'apply', { courseId })).data.booking.id as string;

    as(STAFF);
    withParams({ id: courseId });
    const { container } = render(<CourseEditPage />);
    await tap(await waitFor(container, '#course-cancel'));
    await tap(await waitFor(container, '#course-cancel-confirm'));
    await waitForText(container, '#field-cancelReason', '请填写取消原因');
    expect(cloud.store.collection('training_courses').find({ _id: courseId })[0]!.status).toBe(
      'published',
    );

    await typeArea(container.querySelector('#field-cancelReason')!, '实训厨房检修，本期停办');
    await tap(container.querySelector('#course-cancel-confirm'));
    await waitForText(container, '#save-message', '已取消2人的报名或候补并逐一通知');
    expect(text(container, '#course-cancelled')).toContain('实训厨房检修，本期停办');
    expect(container.querySelector('#course-save')).toBeNull();
    for (const id of [zhang, sun]) {
      expect(cloud.store.collection('training_bookings').find({ _id: id })[0]).toMatchObject({
        status: 'cancelled',
        cancelReason: '课程已取消：实训厨房检修，本期停办',
      });
    }
    expect(
      cloud.store.collection('messages').count({ openid: ZHANG, kind: 'trainingChange' }),
    ).toBe(1);
  });
});

describe('publishing a course', () => {
  it('checks with the contract at the fields, then publishes and opens the roster', async () => {
    as(STAFF);
    const redirect = jest.spyOn(Taro, 'redirectTo');
    const { container } = render(<CourseEditPage />);
    await waitFor(container, '#course-save');
    await tap(container.querySelector('#course-save'));
    await waitFor(container, '#save-message');
    expect(text(container, '#field-title .field-error')).toContain('课程名称至少4个字');
    expect(text(container, '#field-occupationCode .field-error')).toContain('请从职业列表中选择');
    expect(
      cloud.store.collection('training_courses').count({ title: '养老护理员社区培训班' }),
    ).toBe(0);

    const school = cloud.store
      .collection('training_institutions')
      .find({ name: '济宁市技师学院（示例）' })[0]!._id as string;
    await tap(container.querySelector(`#institution-${school}`));
    await typeInto(container.querySelector('#field-title')!, '养老护理员社区培训班');
    await typeInto(container.querySelector('#field-occupationCode')!, '养老护理');
    await tap(await waitFor(container, '#occupation-4-10-01-05'));
    await typeInto(container.querySelector('[id="field-sessions.0.date"]')!, shanghaiDay(20));
    await tap(container.querySelector('#county-370811'));
    await tap(container.querySelector('#township-370811002'));
    await typeInto(container.querySelector('#field-address')!, '许庄街道社区服务中心');
    await typeInto(container.querySelector('#field-enrolDeadline')!, shanghaiDay(15));
    await tap(container.querySelector('#course-save'));
    await waitForText(container, '#save-message', '已发布');

    const [saved] = cloud.store
      .collection('training_courses')
      .find({ title: '养老护理员社区培训班' });
    expect(saved).toMatchObject({
      occupationName: '养老护理员',
      township: '370811002',
      funding: 'free',
      capacity: 30,
      mode: 'offline',
    });
    expect(redirect).toHaveBeenCalledWith({
      url: `/packages/training/roster/index?id=${saved!._id as string}`,
    });
  });
});

describe('the roster', () => {
  it('records who came and who passed; a pass opens the certificate task', async () => {
    const created = await invoke(STAFF, 'saveCourse', {
      institutionId: cloud.store
        .collection('training_institutions')
        .find({ name: '济宁市技师学院（示例）' })[0]!._id,
      title: '收银员（五级）速成班',
      occupationCode: '4-01-02-04',
      level: 'level5',
      sessions: [{ date: shanghaiDay(1), start: '09:00', end: '16:00', online: false, topic: '' }],
      township: '370811008',
      address: '济宁市技师学院',
      capacity: 10,
      funding: 'free',
      enrolDeadline: shanghaiDay(0),
    });
    const courseId = created.data.course.id as string;
    const zhang = (await invoke(ZHANG, 'apply', { courseId })).data.booking.id as string;
    const sun = (await invoke(SUN, 'apply', { courseId })).data.booking.id as string;

    // The afternoon of the course's only day.
    jest.useFakeTimers({
      now: dayjs.tz(`${shanghaiDay(1)} 17:00`, TIME_ZONE).toDate(),
      doNotFake: [
        'nextTick',
        'setImmediate',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'queueMicrotask',
        // The input components render on animation frames: only the clock is fixed.
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'performance',
      ],
    });
    as(STAFF);
    withParams({ id: courseId });
    const { container } = render(<RosterPage />);
    await waitFor(container, `#attend-${zhang}-yes`);
    await tap(container.querySelector(`#attend-${zhang}-yes`));
    await tap(container.querySelector(`#attend-${sun}-no`));
    await tap(container.querySelector('#save-attendance'));
    await waitForText(container, '#roster-saved', '已保存2人的考勤');
    expect(text(container, `#row-${sun}`)).toContain('未到课');

    await tap(await waitFor(container, `#result-${zhang}-pass`));
    await tap(container.querySelector('#save-results'));
    await waitForText(container, '#roster-saved', '生成1个发证任务');
    expect(cloud.store.collection('training_certificates').find({ bookingId: zhang })).toEqual([
      expect.objectContaining({ status: 'open', name: '张伟' }),
    ]);
    expect(
      cloud.store.collection('audit_log').count({ action: 'training.roster', subjectId: courseId }),
    ).toBeGreaterThan(0);
  });
});

describe('certificates', () => {
  it('overdue certificates come first in red; one is issued with its number', async () => {
    as(SKILLS);
    const { container } = render(<CertificatesPage />);
    await waitFor(container, '#certificate-counts');
    expect(text(container, '#certificate-counts')).toContain('其中超期 2 人');
    const first = container.querySelector('[id^="task-"]')!;
    const id = first.id.slice('task-'.length);
    expect(text(container, `#task-${id}-due`)).toMatch(/已超期\d+天/);

    await tap(container.querySelector(`#issue-${id}`));
    await typeInto(container.querySelector(`#field-certificate-${id}`)!, 'S2026000888');
    await tap(container.querySelector(`#issue-${id}-confirm`));
    await waitForText(container, '#certificate-counts', '其中超期 1 人');
    expect(cloud.store.collection('training_certificates').find({ _id: id })[0]).toMatchObject({
      status: 'issued',
      certificateNo: 'S2026000888',
    });
  });
});

describe('offers to people with a training need', () => {
  it('shows not yet offered, then offered once the person’s page recommended; a course can be recommended', async () => {
    as(STAFF);
    const list = render(<TrainingOffersPage />);
    await waitFor(list.container, '#offer-summary');
    const zhangId = cloud.store.collection('registrations').find({ openid: ZHANG })[0]!
      ._id as string;
    expect(text(list.container, `#offer-person-${zhangId}`)).toContain('未推荐');
    list.unmount();

    await invoke(ZHANG, 'catalogue', {});
    const again = render(<TrainingOffersPage />);
    await waitFor(again.container, `#offer-person-${zhangId}`);
    expect(text(again.container, `#offer-person-${zhangId}`)).toContain('已推荐');
    expect(text(again.container, `#offer-person-${zhangId}`)).toContain('济宁职业技能线上培训平台');
    again.unmount();

    // A new course that fits his intended occupation, near him: not offered yet.
    const created = await invoke(STAFF, 'saveCourse', {
      institutionId: cloud.store
        .collection('training_institutions')
        .find({ name: '济宁市技师学院（示例）' })[0]!._id,
      title: '仓储管理员实操班',
      occupationCode: '4-02-06-01',
      level: 'level5',
      sessions: [{ date: shanghaiDay(8), start: '09:00', end: '16:00', online: false, topic: '' }],
      township: '370811007',
      address: '仙营街道社区服务中心',
      capacity: 10,
      funding: 'free',
      enrolDeadline: shanghaiDay(6),
    });
    const courseId = created.data.course.id as string;

    withParams({ registrationId: zhangId });
    const person = render(<TrainingOffersPage />);
    await waitFor(person.container, '#offer-person');
    expect(text(person.container, '#training-131')).toContain('0/1');
    expect(text(person.container, `#suggest-${courseId}`)).toContain(
      '与您的意向职业“仓储管理员”一致',
    );
    await tap(person.container.querySelector(`#offer-${courseId}`));
    await waitFor(person.container, `#suggest-${courseId} .staff-card__badge`);
    expect(
      cloud.store
        .collection('training_offers')
        .find({ registrationId: zhangId, courseId, source: 'caseworker' }),
    ).toHaveLength(1);
  });
});
