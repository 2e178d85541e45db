/**
 * Factories for registration tests (house style 9: presets, no mocks). `makeSeeker` builds a
 * complete, valid form for a fictional person; `register` takes a citizen through consent, draft
 * and submit exactly as the app does.
 */
import { demoIdNumber, type LocalCloud } from '@nuanxin/local';
import { CONSENT_VERSION, dateKey, dayjs, inShanghai } from '@nuanxin/shared';

import { caller } from './support';

export interface SeekerOptions {
  /** Age in whole years today (birthday `birthMonthDay` this year already passed or not). */
  age?: number;
  /** 'MM-DD'; default '01-15'. */
  birthMonthDay?: string;
  /** Exact birth date; overrides age. */
  birthDate?: string;
  sex?: 'male' | 'female';
  retirementCategory?: 'male' | 'female55' | 'female50';
  /** 3 digits; the last one's parity must match `sex`. Different people need different ones. */
  sequence?: string;
  name?: string;
  township?: string;
  education?: string;
  graduationDate?: string | null;
  separationReason?: string;
  separationDate?: string | null;
  insured?: boolean;
  claimInsurance?: boolean;
  declarations?: Record<string, unknown>;
  occupations?: string[];
}

let counter = 0;

/** A fresh sequence code of the right parity for `sex`, so every seeker has their own number. */
export function nextSequence(sex: 'male' | 'female'): string {
  counter += 1;
  const base = (counter % 450) * 2 + (sex === 'male' ? 1 : 0) + 100;
  return String(base).padStart(3, '0');
}

export function birthDateFor(age: number, monthDay = '01-15', now = new Date()): string {
  const today = inShanghai(now);
  const thisYear = `${today.year()}-${monthDay}`;
  // Born `age` years before the latest birthday that has already happened.
  const year = thisYear <= today.format('YYYY-MM-DD') ? today.year() - age : today.year() - age - 1;
  return `${year}-${monthDay}`;
}

export const daysAgo = (days: number, now = new Date()) =>
  dateKey(dayjs(now).subtract(days, 'day').toDate());

export function makeSeeker(o: SeekerOptions = {}) {
  const sex = o.sex ?? 'female';
  const birthDate = o.birthDate ?? birthDateFor(o.age ?? 35, o.birthMonthDay);
  const idNumber = demoIdNumber('370811', birthDate, o.sequence ?? nextSequence(sex));
  const separationReason = o.separationReason ?? 'contractEnded';
  return {
    idNumber,
    birthDate,
    sections: {
      identity: {
        name: o.name ?? (sex === 'male' ? '测试男' : '测试女'),
        idNumber,
        retirementCategory: o.retirementCategory ?? (sex === 'male' ? 'male' : 'female55'),
        mobile: '13912345678',
        hukouPlace: '山东省济宁市任城区',
        hukouType: 'urban',
        township: o.township ?? '370811002',
        community: '许庄社区',
        location: { lng: 116.58, lat: 35.42 },
        education: o.education ?? 'seniorHigh',
        graduationDate: o.graduationDate ?? null,
      },
      work: {
        lastEmployer: '济宁示例有限公司',
        separationDate:
          o.separationDate !== undefined
            ? o.separationDate
            : separationReason === 'graduated' || separationReason === 'neverEmployed'
              ? null
              : daysAgo(60),
        separationReason,
        insured: o.insured ?? false,
        claimInsurance: o.claimInsurance ?? false,
      },
      declarations: {
        disabled: false,
        disabilityCertNo: null as string | null,
        dibao: false,
        zeroEmploymentFamily: false,
        povertyAlleviated: false,
        veteran: false,
        returningMigrant: false,
        ...o.declarations,
      },
      wishes: {
        occupations: o.occupations ?? ['4-02-06-01'],
        salaryMin: 3000,
        salaryMax: 4500,
        commuteKm: 10,
        workTypes: ['fullTime'],
        wantsTraining: false,
        trainingNeed: '',
        entrepreneurship: false,
      },
    },
  };
}

/** A 离校2年内 graduate (bachelor, left school 100 days ago). */
export function makeGraduate(o: SeekerOptions = {}) {
  return makeSeeker({
    age: 23,
    education: 'bachelor',
    graduationDate: daysAgo(100),
    separationReason: 'graduated',
    ...o,
  });
}

/** Calls an action and reads the JSON answer loosely, as a client would. */
export function callAs(cloud: LocalCloud, openid: string) {
  const call = caller(cloud, openid);
  return (fn: 'registration', action: string, payload: unknown): Promise<any> =>
    call(fn, action as never, payload);
}

/** Fixes Date at `now` while timers and I/O stay real (as user.test.ts does). */
export function fixClock(now: Date | number): void {
  jest.useFakeTimers({
    now,
    doNotFake: [
      'nextTick',
      'setImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
    ],
  });
}

export async function consent(cloud: LocalCloud, openid: string) {
  return callAs(cloud, openid)('registration', 'giveConsent', { version: CONSENT_VERSION });
}

/** Consent, save the whole form, submit: the submit result. */
export async function register(
  cloud: LocalCloud,
  openid: string,
  sections: ReturnType<typeof makeSeeker>['sections'],
) {
  const call = callAs(cloud, openid);
  const given = await consent(cloud, openid);
  if (!given.ok) throw new Error(`consent failed: ${given.error.message}`);
  const saved = await call('registration', 'saveDraft', { step: 3, sections });
  if (!saved.ok) throw new Error(`saveDraft failed: ${saved.error.message}`);
  return call('registration', 'submit', {});
}

/** Registers and returns the registration id, failing loudly otherwise. */
export async function registered(
  cloud: LocalCloud,
  openid: string,
  sections: ReturnType<typeof makeSeeker>['sections'],
): Promise<string> {
  const result = await register(cloud, openid, sections);
  if (!result.ok) throw new Error(`submit failed: ${result.error.message}`);
  return result.data.registration.id as string;
}

/** Adds a staff member straight into the store (a fixture, as an admin's invitation would). */
export function addStaff(
  cloud: LocalCloud,
  staff: {
    openid: string;
    role: 'caseworker' | 'supervisor';
    org: 'employment' | 'talent' | 'market' | 'skills';
    townships: string[];
    displayName?: string;
    caseloadCap?: number;
  },
) {
  const now = new Date();
  cloud.store.collection('users').insert({
    displayName: staff.displayName ?? staff.openid,
    ...staff,
    createdAt: now,
    updatedAt: now,
  });
}
