/**
 * Factories for the caseload tests: people as the `registration` function answers them, each
 * checked against the contract's output schema so a stub can never drift from the contract.
 */
import {
  CANCEL_REASON_LABELS,
  courseCardSchema,
  publicVacancySchema,
  type CourseCard,
  type PublicVacancy,
  caseloadEntrySchema,
  workbenchSchema,
  type CaseloadEntry,
  type Workbench,
  DECLARATION_EVIDENCE,
  KEY_GROUP_LABELS,
  personDetailSchema,
  personSummarySchema,
  REGISTRATION_STATUS_LABELS,
  type DeclarationKey,
  type KeyGroupTag,
  type PersonDetail,
  type PersonSummary,
  type RegistrationStatus,
} from '@nuanxin/shared';

import type { FakeResponse, RecordedRequest } from './helpers';

type SummaryPreset = {
  status?: RegistrationStatus;
  tags?: KeyGroupTag[];
  pending?: DeclarationKey[];
};

let serial = 0;

export function makeSummary(
  overrides: Partial<Omit<PersonSummary, 'tags' | 'status'>> & SummaryPreset = {},
): PersonSummary {
  serial += 1;
  const { tags = [], pending = [], status = 'registered', ...rest } = overrides;
  const person: PersonSummary = {
    id: `reg-${serial}`,
    name: '王小雨',
    idMasked: '370811********123X',
    sex: 'female',
    age: 42,
    township: '370811002',
    townshipLabel: '任城区 越河街道',
    status,
    statusLabel: REGISTRATION_STATUS_LABELS[status],
    tags: tags.map((key) => ({ key, label: KEY_GROUP_LABELS[key] })),
    employmentDifficulty: false,
    pendingVerifications: pending.map((key) => ({
      key,
      label: KEY_GROUP_LABELS[key],
      evidence: DECLARATION_EVIDENCE[key],
    })),
    consentWithdrawn: false,
    reachedRetirement: false,
    claimInsurance: false,
    submittedAt: '2025-11-20T02:00:00.000Z',
    ...rest,
  };
  return personSummarySchema.parse(person);
}

export function makeDetail(
  overrides: Partial<Omit<PersonDetail, 'tags' | 'status'>> &
    SummaryPreset & {
      /** Everything declared; those also in `pending` are not verified yet. */
      declaredKeys?: DeclarationKey[];
    } = {},
): PersonDetail {
  const { declaredKeys = overrides.pending ?? [], tags, pending, status, ...rest } = overrides;
  const summary = makeSummary({ tags, pending, status, ...rest });
  const detail: PersonDetail = {
    ...summary,
    mobile: '13800000000',
    community: '越河社区',
    hukouPlace: '山东省济宁市任城区',
    hukouTypeLabel: '城镇户口',
    educationLabel: '高中',
    graduationDate: null,
    work: {
      lastEmployer: '济宁某纺织厂',
      separationDate: '2025-06-30',
      separationReasonLabel: '劳动合同期满终止',
      insured: true,
    },
    declared: declaredKeys.map((key) => ({
      key,
      label: KEY_GROUP_LABELS[key],
      verified: !(pending ?? []).includes(key),
    })),
    wishes: {
      occupations: [{ code: '4-02-06-03', name: '快递员' }],
      salaryMin: 3000,
      salaryMax: 5000,
      commuteKm: 10,
      workTypeLabels: ['全职'],
      wantsTraining: true,
      trainingNeed: '叉车',
      entrepreneurship: false,
    },
    caseworker: { name: '张敏', org: 'employment', orgLabel: '就业中心', phone: '0537-2345678' },
    history: [
      {
        at: '2025-11-20T02:00:00.000Z',
        event: 'submit',
        label: '提交登记',
        by: '本人',
        reason: null,
      },
    ],
    ...rest,
  };
  return personDetailSchema.parse(detail);
}

/** The detail after `changeStatus` to `to` (the server's answer). */
export function afterChange(
  person: PersonDetail,
  to: 'employed' | 'flexible' | 'cancelled',
  reason?: keyof typeof CANCEL_REASON_LABELS,
): PersonDetail {
  return {
    ...person,
    status: to,
    statusLabel: REGISTRATION_STATUS_LABELS[to],
    history: [
      ...person.history,
      {
        at: '2025-11-25T03:00:00.000Z',
        event: to,
        label: REGISTRATION_STATUS_LABELS[to],
        by: '张敏',
        reason: reason ? CANCEL_REASON_LABELS[reason] : null,
      },
    ],
  };
}

export const ok = (data: unknown): FakeResponse => ({ body: { ok: true, data } });
export const refused = (code: string, message: string): FakeResponse => ({
  body: { ok: false, error: { code, message } },
});

/** Answer each cloud action with its own handler; any other action is a test failure. */
export function byAction(
  handlers: Record<string, (payload: Record<string, unknown>) => FakeResponse>,
): (request: RecordedRequest) => FakeResponse {
  return (request) => {
    const { action, payload } = request.body as {
      action: string;
      payload: Record<string, unknown>;
    };
    const handler = handlers[action];
    if (!handler) throw new Error(`unexpected action ${action}`);
    return handler(payload);
  };
}

/** Payloads sent for one action, in order. */
export function payloadsOf(requests: RecordedRequest[], action: string): unknown[] {
  return requests
    .map((r) => r.body as { action: string; payload: unknown })
    .filter((b) => b.action === action)
    .map((b) => b.payload);
}

/** Type into a vantui textarea Field (a Taro `Textarea`), as the h5 component reports it. */
export async function typeText(container: Element, value: string): Promise<void> {
  const { act } = await import('@testing-library/react');
  const textarea = container.querySelector('taro-textarea-core');
  if (!textarea) throw new Error('no textarea found');
  for (let i = 0; i < 20 && !textarea.querySelector('textarea'); i += 1) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
  await act(async () => {
    textarea.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

type EntryPreset = SummaryPreset & {
  state?: 'overdue' | 'dueToday' | 'dueSoon' | 'notDue';
  overdueDays?: number;
  due?: string;
  situation?: 'unemployed' | 'flexible' | 'notSeeking' | 'employed';
  openRequests?: number;
};

const STATE_LABELS = {
  overdue: '已逾期',
  dueToday: '今天到期',
  dueSoon: '即将到期',
  notDue: '未到期',
};
const SITUATION_LABELS = {
  unemployed: '失业',
  flexible: '灵活就业',
  notSeeking: '暂无就业意愿',
  employed: '稳定就业',
};

/** A person on the workbench as `casework.caseload` answers (parsed with its schema). */
export function makeEntry(
  overrides: Partial<Omit<PersonSummary, 'tags' | 'status'>> & EntryPreset = {},
): CaseloadEntry {
  const {
    state = 'notDue',
    overdueDays = 0,
    due = '2026-04-02',
    situation = 'unemployed',
    openRequests = 0,
    ...summary
  } = overrides;
  const person = makeSummary(summary);
  const unemployed = situation === 'unemployed' || situation === 'notSeeking';
  return caseloadEntrySchema.parse({
    ...person,
    followUp: {
      situation,
      situationLabel: SITUATION_LABELS[situation],
      due,
      state,
      stateLabel: STATE_LABELS[state],
      overdueDays,
      lastContactAt: null,
      intervalLabel:
        situation === 'unemployed' ? '每月' : situation === 'employed' ? '每年' : '每半年',
    },
    progress131: unemployed
      ? {
          year: '2026',
          guidance: { done: 1, target: 1, met: true },
          jobIntroduction: { done: 2, target: 3, met: false },
          training: { done: 0, target: 1, met: false },
          allMet: false,
          summary: '职业指导 1/1 · 岗位推荐 2/3 · 技能培训 0/1',
        }
      : null,
    pushPlan:
      situation === 'unemployed'
        ? {
            month: '2026-03',
            pushes: 2,
            target: 3,
            publicWelfare: null,
            internship: null,
            state: 'onTrack',
            stateLabel: '进行中',
          }
        : null,
    openRequests,
  });
}

/** The answer of `casework.caseload`. */
export function caseloadOf(people: CaseloadEntry[], today = '2026-03-10') {
  const count = (s: string) => people.filter((p) => p.followUp.state === s).length;
  return ok({
    people,
    total: people.length,
    today,
    counts: {
      overdue: count('overdue'),
      dueToday: count('dueToday'),
      dueSoon: count('dueSoon'),
      openRequests: people.reduce((n, p) => n + p.openRequests, 0),
    },
    caseworkerName: '张敏',
  });
}

/** The answer of `casework.person` for a person (their detail's id and name). */
export function makeWorkbench(
  person: Pick<PersonDetail, 'id' | 'name' | 'status'>,
  overrides: Partial<Workbench> & {
    entry?: Partial<Omit<PersonSummary, 'tags' | 'status'>> & EntryPreset;
  } = {},
): Workbench {
  const { entry, ...rest } = overrides;
  return workbenchSchema.parse({
    person: makeEntry({ ...entry, id: person.id, name: person.name, status: person.status }),
    today: '2026-03-10',
    guidanceSessions: { done: 1, target: 3 },
    plan: null,
    timeline: [
      {
        at: '2026-03-01T02:00:00.000Z',
        source: 'contact',
        label: '跟踪回访',
        by: '包保责任人 张敏',
        reason: '电话 · 已联系上',
      },
    ],
    caseworkerName: '张敏',
    canRecord: true,
    wishes: { entrepreneurship: false, wantsTraining: false },
    tasks: [],
    ...rest,
  });
}

/** A published vacancy as `jobs.search` answers it. */
export function makeVacancy(over: Partial<PublicVacancy> = {}): PublicVacancy {
  serial += 1;
  return publicVacancySchema.parse({
    id: `vacancy-${serial}`,
    title: '仓储管理员',
    companyName: '济宁鲁运物流有限公司',
    occupationCode: '4-02-06-01',
    occupationName: '仓储管理员',
    headcount: 2,
    salaryMin: 3500,
    salaryMax: 4500,
    workType: 'fullTime',
    workTypeLabel: '全职',
    township: '370811002',
    townshipLabel: '任城区 越河街道',
    flags: {
      publicWelfare: false,
      internship: false,
      assistance: false,
      disabilityFriendly: false,
    },
    flagLabels: [],
    validUntil: '2026-06-30',
    minEducationLabel: null,
    minExperienceYears: 0,
    certificates: [],
    postedAt: '2026-03-01T02:00:00.000Z',
    applied: false,
    ...over,
  });
}

/** A course card as `training.trainingOffers` recommends it to a person. */
export function makeCourseCard(over: Partial<CourseCard> = {}): CourseCard {
  serial += 1;
  return courseCardSchema.parse({
    id: `course-${serial}`,
    title: '叉车司机（五级）',
    institutionId: 'institution-1',
    institutionName: '济宁技师学院',
    occupationCode: '6-29-03-06',
    occupationName: '叉车司机',
    level: 'level5',
    levelLabel: '五级/初级工',
    mode: 'offline',
    modeLabel: '线下上课',
    funding: 'free',
    fundingLabel: '免费',
    fee: 0,
    township: '370811002',
    townshipLabel: '任城区 越河街道',
    distanceKm: 2.5,
    startsAt: '2026-03-20T01:00:00.000Z',
    endsAt: '2026-03-25T08:00:00.000Z',
    sessionCount: 5,
    enrolDeadline: '2026-03-19',
    enrolment: 'open',
    enrolmentLabel: '报名中',
    capacity: 30,
    seatsLeft: 12,
    waiting: 0,
    waitlistOpen: true,
    targetGroupLabels: [],
    reasons: [],
    ...over,
  });
}
