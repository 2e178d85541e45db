/**
 * Factories for the training function tests (house style 9: presets, no mocks). Courses are
 * published through the real `saveCourse` as 就业中心 staff would; seekers are registered either
 * through the real registration function (`registered`) or, where fifty are needed at once, as
 * the registration records that function stores (`insertSeeker`).
 */
import { createHash } from 'node:crypto';

import type { LocalCloud } from '@nuanxin/local';
import { dayjs, inShanghai, TIME_ZONE } from '@nuanxin/shared';

/** 任城区就业中心 张敏: covers every 任城区 township. */
export const STAFF = 'demo-caseworker-370811';
/** 兖州区就业中心: another county. */
export const OTHER_COUNTY_STAFF = 'demo-caseworker-370812';
export const SUPERVISOR = 'demo-supervisor';
export const SKILLS = 'demo-skills-1';
export const MARKET = 'demo-market-1';
/**
 * 兖州区巧手家政培训中心's own account: 济宁众诚家政服务有限公司 runs it, and its 用人单位 account
 * manages the centre once staff recorded the company's USCC on it (the seed does).
 */
export const SCHOOL_ACCOUNT = 'demo-employer-3';
export const SCHOOL = '兖州区巧手家政培训中心';
export const ONLINE_PLATFORM = '济宁职业技能线上培训平台';
export const RENCHENG = '370811002';

/** Calls a training action as `openid`; the answer is read loosely, as a client would. */
// The assertions say what an answer must hold, so its data is read untyped here.
/* eslint-disable @typescript-eslint/no-explicit-any */
export function trainingAs(cloud: LocalCloud, openid: string) {
  return async (action: string, payload: unknown = {}): Promise<any> =>
    cloud.invoke('training', { action, payload }, { openid });
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export function institutionId(cloud: LocalCloud, name: string): string {
  const found = cloud.store.collection('training_institutions').find({ name })[0];
  if (!found) throw new Error(`no institution ${name}`);
  return found._id as string;
}

/** A Shanghai calendar day `days` from the (possibly fixed) clock. */
export function dayFromNow(days: number): string {
  return inShanghai(new Date()).add(days, 'day').format('YYYY-MM-DD');
}

export interface CourseOptions {
  title?: string;
  institution?: string;
  capacity?: number;
  waitlistLimit?: number;
  funding?: 'free' | 'subsidised' | 'paid';
  fee?: number;
  /** Days from now to the first session (sessions on following days). */
  startsIn?: number;
  sessions?: number;
  township?: string;
  occupationCode?: string;
  online?: boolean;
  as?: string;
}

export function courseInput(o: CourseOptions = {}, cloud?: LocalCloud) {
  const startsIn = o.startsIn ?? 10;
  const count = o.sessions ?? 2;
  const funding = o.funding ?? 'free';
  return {
    institutionId: cloud ? institutionId(cloud, o.institution ?? SCHOOL) : 'institution-x',
    title: o.title ?? '家政服务员（五级）测试班',
    occupationCode: o.occupationCode ?? '4-10-01-06',
    level: 'level5',
    sessions: Array.from({ length: count }, (_, i) => ({
      date: dayFromNow(startsIn + i),
      start: '09:00',
      end: '16:00',
      online: o.online ?? false,
      topic: `第${i + 1}次课`,
    })),
    township: o.township ?? '370811011',
    address: o.online ? '' : '任城区示例路1号实训楼',
    capacity: o.capacity ?? 20,
    waitlistLimit: o.waitlistLimit ?? 50,
    funding,
    fee: o.fee ?? (funding === 'free' ? 0 : 1000),
    enrolDeadline: dayFromNow(Math.max(0, startsIn - 1)),
    description: '测试课程',
  };
}

/** Publishes a course through `saveCourse`; returns its id. */
export async function makeCourse(cloud: LocalCloud, o: CourseOptions = {}): Promise<string> {
  const res = await trainingAs(cloud, o.as ?? STAFF)('saveCourse', courseInput(o, cloud));
  if (!res.ok) throw new Error(`saveCourse failed: ${res.error.message}`);
  return res.data.course.id as string;
}

export interface SeekerRecordOptions {
  township?: string;
  name?: string;
  wantsTraining?: boolean;
  trainingNeed?: string;
  occupations?: string[];
  /** Another WeChat account of the same person shares this. */
  person?: string;
}

/**
 * A registered person as the registration function stores them (an open registration with an
 * ID-number HMAC and the wishes section), for tests that need many at once.
 */
export function insertSeeker(
  cloud: LocalCloud,
  openid: string,
  o: SeekerRecordOptions = {},
): string {
  const now = new Date();
  const idHash = o.person ?? createHash('sha256').update(`person:${openid}`).digest('hex');
  return cloud.store.collection('registrations').insert({
    openid,
    status: 'registered',
    activeKey: `id:${idHash}:${openid}`,
    idHash,
    step: 3,
    identity: {
      name: o.name ?? '测试学员',
      mobile: '13912345678',
      township: o.township ?? RENCHENG,
      location: null,
    },
    work: {},
    declarations: {},
    wishes: {
      occupations: o.occupations ?? ['4-10-01-06'],
      wantsTraining: o.wantsTraining ?? true,
      trainingNeed: o.trainingNeed ?? '',
    },
    verified: {},
    tags: [],
    employmentDifficulty: false,
    township: o.township ?? RENCHENG,
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

/** An instant given as Shanghai wall-clock time, e.g. at('2026-12-31 23:30'). */
export function at(wallClock: string): Date {
  return dayjs.tz(wallClock, TIME_ZONE).toDate();
}

export const count = (cloud: LocalCloud, name: string, query: object = {}) =>
  cloud.store.collection(name).count(query);

export function booking(cloud: LocalCloud, id: string) {
  return cloud.store.collection('training_bookings').find({ _id: id })[0]!;
}

export function seats(cloud: LocalCloud, courseId: string) {
  return cloud.store.collection('training_seats').find({ _id: courseId })[0]!;
}
