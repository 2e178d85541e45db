/**
 * How a 包保 person is presented to their caseworker: the flags that ask for action and the
 * labels the server does not send. Pure functions over the contract types, shared by the list
 * row and the person page; the workbench adds its own flags (follow-up due, overdue) here.
 * The order of the list is the server's (`casework.caseload` sorts by urgency).
 */
import type { PersonSummary, RegistrationStatus } from '@nuanxin/shared';

export const SEX_LABELS: Record<PersonSummary['sex'], string> = { male: '男', female: '女' };

/** `Taro.eventCenter` topic: a person's record changed on the person page (list reloads). */
export const CASELOAD_CHANGED = 'caseload:changed';

/** Rows rendered per "显示更多" step: a few screens, far below the 1000-node audit budget. */
export const CASELOAD_PAGE_SIZE = 40;

export type FlagTone = 'warn' | 'alert' | 'info';

export interface PersonFlag {
  key: 'pendingVerification' | 'reachedRetirement' | 'consentWithdrawn' | 'claimInsurance';
  label: string;
  tone: FlagTone;
}

/**
 * What the caseworker must act on, most urgent first. Retirement age reached puts the record on
 * the cancellation list (000 §1(4): registrations that no longer qualify are cancelled with the
 * reason noted); a declaration waits for its evidence to be checked; a withdrawn consent limits
 * what may be done with the data; an insurance claim is handled with the registration (000 §1(6)).
 */
export function personFlags(person: PersonSummary): PersonFlag[] {
  const flags: PersonFlag[] = [];
  if (person.reachedRetirement) {
    flags.push({ key: 'reachedRetirement', label: '已达退休年龄（待注销）', tone: 'alert' });
  }
  const pending = person.pendingVerifications.length;
  if (pending > 0) {
    flags.push({
      key: 'pendingVerification',
      label: pending > 1 ? `待核验${pending}项` : '待核验',
      tone: 'warn',
    });
  }
  if (person.consentWithdrawn) {
    flags.push({ key: 'consentWithdrawn', label: '已撤回同意', tone: 'alert' });
  }
  if (person.claimInsurance) {
    flags.push({ key: 'claimInsurance', label: '申领失业保险金', tone: 'info' });
  }
  return flags;
}

/** Status chip colours: open work (待核验) stands out, closed records fade. */
export const STATUS_TONES: Record<RegistrationStatus, string> = {
  draft: 'muted',
  submitted: 'warn',
  registered: 'active',
  employed: 'done',
  flexible: 'done',
  cancelled: 'muted',
};

/** "女 · 42岁" */
export function sexAge(person: Pick<PersonSummary, 'sex' | 'age'>): string {
  return `${SEX_LABELS[person.sex]} · ${person.age}岁`;
}
