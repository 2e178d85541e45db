/**
 * Training institutions and courses: the kinds and labels the pages show, when a course starts
 * and ends (its sessions are Shanghai wall-clock times), whether it is open for enrolment, and
 * how long a person promoted from the waitlist has to confirm.
 */
import { dateKey, dayjs, inShanghai, TIME_ZONE, type DateInput } from '../time';

export const INSTITUTION_KINDS = ['technical_school', 'private', 'online'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, string> = {
  technical_school: '技工院校',
  private: '社会培训机构',
  online: '线上培训平台',
};

/** 职业技能等级 (国家职业技能标准: 五级 … 一级), or a 专项职业能力 course. */
export const SKILL_LEVELS = ['special', 'level5', 'level4', 'level3', 'level2', 'level1'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const SKILL_LEVEL_LABELS: Record<SkillLevel, string> = {
  special: '专项职业能力',
  level5: '五级/初级工',
  level4: '四级/中级工',
  level3: '三级/高级工',
  level2: '二级/技师',
  level1: '一级/高级技师',
};

/** 000 §3(1): online theory and/or offline practice. Derived from the sessions. */
export const COURSE_MODES = ['online', 'offline', 'blended'] as const;
export type CourseMode = (typeof COURSE_MODES)[number];

export const COURSE_MODE_LABELS: Record<CourseMode, string> = {
  online: '线上学习',
  offline: '线下授课',
  blended: '线上理论+线下实操',
};

/**
 * A course's state. Staff of the 就业中心 publish directly; a course an institution's own account
 * creates, or changes materially (see courseChanges), waits in `pendingReview` for 就业中心 staff
 * to approve it (most courses are paid for by the public purse) — approved it becomes what the
 * institution chose (taking bookings or not), rejected it goes back with the reason. Seekers see
 * only published and closed courses (and a course they booked). `cancelled`: the course will not
 * take place; every booking on it was cancelled.
 */
export const COURSE_STATUSES = [
  'pendingReview',
  'published',
  'closed',
  'rejected',
  'cancelled',
] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = {
  pendingReview: '待就业中心审核',
  published: '报名中',
  closed: '已停止报名',
  rejected: '审核未通过',
  cancelled: '已取消',
};

/** What whoever edits a course chooses: taking bookings, or not. */
export const COURSE_EDIT_STATUSES = ['published', 'closed'] as const;
export type CourseEditStatus = (typeof COURSE_EDIT_STATUSES)[number];

/** Courses seekers may find and open without a booking on them. */
export function isPublicCourse(status: CourseStatus): boolean {
  return status === 'published' || status === 'closed' || status === 'cancelled';
}

export interface Session {
  /** 'YYYY-MM-DD', Shanghai. */
  date: string;
  /** 'HH:mm', Shanghai wall clock. */
  start: string;
  end: string;
  online: boolean;
  topic?: string;
}

export function courseMode(sessions: readonly Pick<Session, 'online'>[]): CourseMode {
  const online = sessions.filter((s) => s.online).length;
  if (online === sessions.length) return 'online';
  if (online === 0) return 'offline';
  return 'blended';
}

/** A Shanghai wall-clock time as an instant. */
export function sessionInstant(date: string, time: string): Date {
  return dayjs.tz(`${date} ${time}`, TIME_ZONE).toDate();
}

/** Sessions in time order. */
export function sortSessions<S extends Session>(sessions: readonly S[]): S[] {
  return [...sessions].sort((a, b) => `${a.date} ${a.start}`.localeCompare(`${b.date} ${b.start}`));
}

/** The first session's start and the last session's end. */
export function courseTimes(sessions: readonly Session[]): { startsAt: Date; endsAt: Date } {
  const sorted = sortSessions(sessions);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) throw new RangeError('a course needs at least one session');
  return {
    startsAt: sessionInstant(first.date, first.start),
    endsAt: sessionInstant(last.date, last.end),
  };
}

export const ENROLMENT_STATES = [
  'open',
  'deadlinePassed',
  'started',
  'closed',
  'unpublished',
  'cancelled',
] as const;
export type EnrolmentState = (typeof ENROLMENT_STATES)[number];

export const ENROLMENT_LABELS: Record<EnrolmentState, string> = {
  open: '报名中',
  deadlinePassed: '报名已截止',
  started: '已开课',
  closed: '已停止报名',
  unpublished: '待审核发布',
  cancelled: '已取消',
};

/** Whether a course takes bookings now: published, not started, deadline day not passed. */
export function enrolmentState(
  course: { status: CourseStatus; startsAt: DateInput; enrolDeadline: string },
  now: DateInput,
): EnrolmentState {
  if (course.status === 'cancelled') return 'cancelled';
  if (course.status === 'pendingReview' || course.status === 'rejected') return 'unpublished';
  if (course.status === 'closed') return 'closed';
  if (+inShanghai(now).toDate() >= +inShanghai(course.startsAt).toDate()) return 'started';
  if (dateKey(now) > course.enrolDeadline) return 'deadlinePassed';
  return 'open';
}

/** "Starting soon" in the seeker's filter: the first session within this many days. */
export const STARTING_SOON_DAYS = 30;

export function startsWithin(startsAt: DateInput, days: number, now: DateInput): boolean {
  const start = +inShanghai(startsAt).toDate();
  const from = +inShanghai(now).toDate();
  return start >= from && start <= +inShanghai(now).add(days, 'day').toDate();
}

/**
 * A person promoted from the waitlist confirms by the end of the next Shanghai day (the daily
 * timer runs just after midnight and gives the seat to the next person), and never later than
 * the course's start.
 */
export function promotionDeadline(now: DateInput, startsAt: DateInput): Date {
  const endOfTomorrow = inShanghai(now).add(2, 'day').startOf('day').toDate();
  const start = inShanghai(startsAt).toDate();
  return endOfTomorrow < start ? endOfTomorrow : start;
}

/** "Near me": an offline course within this many kilometres of the person's place. */
export const NEAR_KM = 10;

/** Great-circle distance in kilometres between two WGS-84 points. */
export function distanceKm(
  a: { lng: number; lat: number },
  b: { lng: number; lat: number },
): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A deadline for people: '12月3日 18:00', or '12月3日24:00' for the end of a day (a deadline
 * at midnight read as "00:00 of the next day" makes people think they have a day more).
 */
export function deadlineText(at: DateInput): string {
  const t = inShanghai(at);
  if (t.hour() === 0 && t.minute() === 0) return `${t.subtract(1, 'day').format('M月D日')}24:00`;
  return t.format('M月D日 HH:mm');
}

/** The fields of a course that tell whether a change is material, and where it takes place. */
export interface CourseTerms {
  title: string;
  occupationCode: string;
  level: SkillLevel;
  sessions: readonly Session[];
  township: string;
  address: string;
  capacity: number;
  funding: string;
  fee: number;
  subsidyRule: string;
  targetGroups: readonly string[];
  enrolDeadline: string;
}

export interface CourseChanges {
  /**
   * What the public pays for or what people sign up to changed: the title, occupation or level,
   * the schedule, the place, the seats, the fee or subsidy, the key groups, the deadline. An
   * institution's material change goes to the 就业中心 for review again; its description,
   * contact phone, waitlist size, session topics and whether it takes bookings do not.
   */
  material: boolean;
  /** The schedule (a session's day, time or online/offline) changed. */
  time: boolean;
  /** The township or address changed. */
  place: boolean;
}

const slot = (s: Session) => `${s.date} ${s.start}-${s.end} ${s.online ? 'online' : 'offline'}`;

export function courseChanges(before: CourseTerms, after: CourseTerms): CourseChanges {
  const time =
    sortSessions(before.sessions).map(slot).join('|') !==
    sortSessions(after.sessions).map(slot).join('|');
  const place = before.township !== after.township || before.address !== after.address;
  const same = <K extends keyof CourseTerms>(key: K) => before[key] === after[key];
  const material =
    time ||
    place ||
    !same('title') ||
    !same('occupationCode') ||
    !same('level') ||
    !same('capacity') ||
    !same('funding') ||
    !same('fee') ||
    !same('subsidyRule') ||
    !same('enrolDeadline') ||
    [...before.targetGroups].sort().join() !== [...after.targetGroups].sort().join();
  return { material, time, place };
}
