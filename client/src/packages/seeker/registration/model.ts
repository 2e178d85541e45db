/**
 * The registration form as plain data: what each step holds while the citizen types, how it
 * becomes a draft or a section the contract accepts, and where a complaint (ours or the cloud's)
 * belongs. The schemas stay the contract's (`@nuanxin/shared`); this file only feeds them and
 * adds the messages a person needs when something has not been chosen at all.
 */
import {
  declarationsSchema,
  FIELD_LABELS,
  fieldErrors,
  findTownship,
  FORM_STEP_LABELS,
  FORM_STEPS,
  identitySchema,
  parseIdCard,
  wishesSchema,
  withinYears,
  workingAgeCheck,
  workSchema,
  type FieldErrors,
  type IdCard,
  type OwnRegistration,
  type RetirementCategory,
  type z,
} from '@nuanxin/shared';

type Identity = z.output<typeof identitySchema>;
type Work = z.output<typeof workSchema>;
type Wishes = z.output<typeof wishesSchema>;
export type Draft = OwnRegistration['draft'];
export type Education = Identity['education'];
export type HukouType = Identity['hukouType'];
export type SeparationReason = Work['separationReason'];
export type WorkType = Wishes['workTypes'][number];
export type GeoPoint = NonNullable<Identity['location']>;
export type Step = (typeof FORM_STEPS)[number];

/** The step names the cloud's messages use too ("基本信息：身份证号…"). */
export const STEP_TITLES: Record<Step, string> = FORM_STEP_LABELS;

export interface IdentityForm {
  name: string;
  idNumber: string;
  /** Only women choose; men are always 'male' (derived from the ID number). */
  retirementCategory: RetirementCategory | null;
  mobile: string;
  hukouPlace: string;
  hukouType: HukouType | null;
  township: string | null;
  community: string;
  location: GeoPoint | null;
  education: Education | null;
  graduationDate: string | null;
}

export interface WorkForm {
  lastEmployer: string;
  separationDate: string | null;
  separationReason: SeparationReason | null;
  insured: boolean | null;
  claimInsurance: boolean;
}

export interface DeclarationsForm {
  disabled: boolean;
  disabilityCertNo: string;
  dibao: boolean;
  zeroEmploymentFamily: boolean;
  povertyAlleviated: boolean;
  veteran: boolean;
  returningMigrant: boolean;
}

export interface WishesForm {
  occupations: string[];
  /** Kept as typed, so "3000." or "" can be explained instead of silently changed. */
  salaryMin: string;
  salaryMax: string;
  commuteKm: number | null;
  workTypes: WorkType[];
  wantsTraining: boolean;
  trainingNeed: string;
  entrepreneurship: boolean;
  /** Recent graduates only: wants a 就业见习 place; null while not answered. */
  wantsInternship: boolean | null;
}

export interface RegistrationForm {
  identity: IdentityForm;
  work: WorkForm;
  declarations: DeclarationsForm;
  wishes: WishesForm;
}

/** The field names of each step, in screen order (also the `#field-<name>` ids). */
export const STEP_FIELDS: Record<Step, readonly string[]> = {
  identity: [
    'name',
    'idNumber',
    'retirementCategory',
    'mobile',
    'hukouPlace',
    'hukouType',
    'township',
    'community',
    'location',
    'education',
    'graduationDate',
  ],
  work: ['separationReason', 'lastEmployer', 'separationDate', 'insured', 'claimInsurance'],
  declarations: [
    'disabled',
    'disabilityCertNo',
    'dibao',
    'zeroEmploymentFamily',
    'povertyAlleviated',
    'veteran',
    'returningMigrant',
  ],
  wishes: [
    'occupations',
    'salaryMin',
    'salaryMax',
    'commuteKm',
    'workTypes',
    'wantsTraining',
    'trainingNeed',
    'entrepreneurship',
    'wantsInternship',
  ],
};

/** When nothing was chosen, say what to choose (the schemas' messages assume a wrong value). */
const MISSING: Record<string, string> = {
  township: '请选择居住的乡镇（街道）',
  commuteKm: '请选择能接受的通勤距离',
  salaryMin: '请填写最低期望月薪（元）',
  salaryMax: '请填写最高期望月薪（元）',
};

export const SALARY_LIMIT = 100000;

export function emptyForm(): RegistrationForm {
  return {
    identity: {
      name: '',
      idNumber: '',
      retirementCategory: null,
      mobile: '',
      hukouPlace: '',
      hukouType: null,
      township: null,
      community: '',
      location: null,
      education: null,
      graduationDate: null,
    },
    work: {
      lastEmployer: '',
      separationDate: null,
      separationReason: null,
      insured: null,
      claimInsurance: false,
    },
    declarations: {
      disabled: false,
      disabilityCertNo: '',
      dibao: false,
      zeroEmploymentFamily: false,
      povertyAlleviated: false,
      veteran: false,
      returningMigrant: false,
    },
    wishes: {
      occupations: [],
      salaryMin: '',
      salaryMax: '',
      commuteKm: null,
      workTypes: [],
      wantsTraining: false,
      trainingNeed: '',
      entrepreneurship: false,
      wantsInternship: null,
    },
  };
}

/** The parsed ID number, or null while it is incomplete or wrong. */
export function idCardOf(idNumber: string): IdCard | null {
  const parsed = parseIdCard(idNumber);
  return parsed.ok ? parsed.value : null;
}

/** Men: always 'male'. Women: what they chose. Unknown sex (ID not valid yet): nothing. */
export function retirementCategoryOf(identity: IdentityForm): RetirementCategory | null {
  const card = idCardOf(identity.idNumber);
  if (!card) return null;
  if (card.sex === 'male') return 'male';
  return identity.retirementCategory === 'female55' || identity.retirementCategory === 'female50'
    ? identity.retirementCategory
    : null;
}

/** 大专 and above: the graduation date matters (离校2年内高校毕业生). */
export function showsGraduationDate(education: Education | null): boolean {
  return (
    education === 'juniorCollege' ||
    education === 'bachelor' ||
    education === 'master' ||
    education === 'doctor'
  );
}

/**
 * 离校2年内高校毕业生 on `now`, from what step 1 holds: the same rule as the cloud's tag
 * (deriveTags: from the graduation day through the day before its second anniversary). The
 * wishes step asks them, and only them, about 就业见习.
 */
export function isRecentGraduate(identity: IdentityForm, now: Date = new Date()): boolean {
  const { education, graduationDate } = identity;
  return showsGraduationDate(education) && !!graduationDate && withinYears(graduationDate, 2, now);
}

/**
 * A 高校毕业生 "毕业后未就业" must give the graduation date: it decides the 离校2年内 tag and the
 * 人才服务中心 routing (the cloud refuses the submission without it). The work step asks for it
 * right there, so the person is not sent back to step 1.
 */
export function graduationDateNeeded(
  education: Education | null,
  reason: SeparationReason | null,
): boolean {
  return showsGraduationDate(education) && reason === 'graduated';
}

/** People who never had a job have no employer and no separation date to give. */
export function asksForLastJob(reason: SeparationReason | null): boolean {
  return reason !== 'graduated' && reason !== 'neverEmployed';
}

export function townshipCentre(code: string | null): GeoPoint | null {
  const township = code ? findTownship(code) : undefined;
  return township ? { lng: township.lng, lat: township.lat } : null;
}

export function isTownshipCentre(location: GeoPoint | null, township: string | null): boolean {
  const centre = townshipCentre(township);
  return !!location && !!centre && location.lng === centre.lng && location.lat === centre.lat;
}

/** Whole number of yuan/km as typed, or undefined when blank, NaN when not a whole number. */
function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

// ---- step inputs: the form state shaped for the contract's section schemas ----

export function identityInput(identity: IdentityForm): Record<string, unknown> {
  return {
    name: identity.name,
    idNumber: identity.idNumber,
    retirementCategory: retirementCategoryOf(identity) ?? undefined,
    mobile: identity.mobile,
    hukouPlace: identity.hukouPlace,
    hukouType: identity.hukouType ?? undefined,
    township: identity.township ?? undefined,
    community: identity.community,
    location: identity.location,
    education: identity.education ?? undefined,
    graduationDate: showsGraduationDate(identity.education) ? identity.graduationDate : null,
  };
}

export function workInput(work: WorkForm): Record<string, unknown> {
  const lastJob = asksForLastJob(work.separationReason);
  return {
    lastEmployer: lastJob ? work.lastEmployer : '',
    separationDate: lastJob ? work.separationDate : null,
    separationReason: work.separationReason ?? undefined,
    insured: work.insured ?? undefined,
    claimInsurance: work.insured === true && work.claimInsurance,
  };
}

export function declarationsInput(declarations: DeclarationsForm): Record<string, unknown> {
  const certNo = declarations.disabilityCertNo.trim();
  return {
    ...declarations,
    disabilityCertNo: declarations.disabled && certNo ? certNo : null,
  };
}

export function wishesInput(wishes: WishesForm): Record<string, unknown> {
  return {
    occupations: wishes.occupations,
    salaryMin: wholeNumber(wishes.salaryMin),
    salaryMax: wholeNumber(wishes.salaryMax),
    commuteKm: wishes.commuteKm ?? undefined,
    workTypes: wishes.workTypes,
    wantsTraining: wishes.wantsTraining,
    trainingNeed: wishes.wantsTraining ? wishes.trainingNeed : '',
    entrepreneurship: wishes.entrepreneurship,
    // Not answered: left out (the cloud keeps the answer of recent graduates only).
    ...(wishes.wantsInternship !== null ? { wantsInternship: wishes.wantsInternship } : {}),
  };
}

const SCHEMAS = {
  identity: identitySchema,
  work: workSchema,
  declarations: declarationsSchema,
  wishes: wishesSchema,
} as const;

const INPUTS: { [S in Step]: (form: RegistrationForm) => Record<string, unknown> } = {
  identity: (form) => identityInput(form.identity),
  work: (form) => workInput(form.work),
  declarations: (form) => declarationsInput(form.declarations),
  wishes: (form) => wishesInput(form.wishes),
};

/** `{ 'occupations.0': … }` → `{ occupations: … }`: each complaint goes to its field. */
function byField(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.split('.')[0] ?? path;
    if (!(field in out)) out[field] = message;
  }
  return out;
}

/** The complaints about one step, keyed by field name; empty when the step may be left. */
export function validateStep(step: Step, form: RegistrationForm): FieldErrors {
  const input = INPUTS[step](form);
  const parsed = SCHEMAS[step].safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : byField(fieldErrors(parsed.error));

  for (const [field, message] of Object.entries(MISSING)) {
    if (field in errors && input[field] === undefined) errors[field] = message;
  }

  if (step === 'identity') {
    const card = idCardOf(form.identity.idNumber);
    // The category question is only on screen once the ID number shows a woman.
    if (!card || card.sex === 'male') delete errors.retirementCategory;
    const category = retirementCategoryOf(form.identity);
    if (card && category && !errors.idNumber) {
      // 16 and older, younger than the statutory retirement age (000 §1(2), §1(4)).
      const age = workingAgeCheck(card.birthDate, category, new Date());
      if (!age.ok) errors[card.sex === 'male' ? 'idNumber' : 'retirementCategory'] = age.reason;
    }
  }

  if (step === 'work') {
    const { education, graduationDate } = form.identity;
    if (graduationDateNeeded(education, form.work.separationReason) && !graduationDate) {
      errors.graduationDate = '高校毕业生请选择毕业（离校）日期，用于认定离校2年内毕业生';
    }
  }

  if (step === 'declarations' && form.declarations.disabled && !errors.disabilityCertNo) {
    const card = idCardOf(form.identity.idNumber);
    const certNo = form.declarations.disabilityCertNo.trim().toUpperCase();
    if (card && certNo.slice(0, 18) !== card.id) {
      errors.disabilityCertNo = '残疾人证号的前18位应与身份证号一致，请核对';
    }
  }

  if (step === 'wishes') {
    for (const field of ['salaryMin', 'salaryMax'] as const) {
      const value = wholeNumber(form.wishes[field]);
      if (value === undefined) errors[field] = MISSING[field]!;
      else if (Number.isNaN(value) || value > SALARY_LIMIT) {
        errors[field] = `请填写0到${SALARY_LIMIT}之间的整数（单位：元）`;
      }
    }
  }
  return errors;
}

/** The ID number check shown when the citizen leaves the field. */
export function idNumberError(idNumber: string): string | null {
  if (idNumber.trim() === '') return null;
  const parsed = parseIdCard(idNumber);
  return parsed.ok ? null : parsed.reason;
}

// ---- drafts: whatever has been typed, in the loose draft shape ----

function text(value: string, max: number): string {
  return value.slice(0, max);
}

/** Keep only what the draft schema accepts, so saving a half-filled step never fails. */
export function draftSections(form: RegistrationForm, reached: ReadonlySet<Step>): Draft {
  const sections: Draft = {};
  if (reached.has('identity')) {
    const i = form.identity;
    const category = retirementCategoryOf(i) ?? i.retirementCategory;
    sections.identity = {
      name: text(i.name, 20),
      idNumber: text(i.idNumber, 30),
      mobile: text(i.mobile, 20),
      hukouPlace: text(i.hukouPlace, 50),
      community: text(i.community, 30),
      location: i.location,
      graduationDate: showsGraduationDate(i.education) ? i.graduationDate : null,
      ...(category ? { retirementCategory: category } : {}),
      ...(i.hukouType ? { hukouType: i.hukouType } : {}),
      ...(i.township ? { township: i.township } : {}),
      ...(i.education ? { education: i.education } : {}),
    };
  }
  if (reached.has('work')) {
    const w = form.work;
    sections.work = {
      lastEmployer: text(w.lastEmployer, 50),
      separationDate: w.separationDate,
      claimInsurance: w.insured === true && w.claimInsurance,
      ...(w.separationReason ? { separationReason: w.separationReason } : {}),
      ...(w.insured !== null ? { insured: w.insured } : {}),
    };
  }
  if (reached.has('declarations')) {
    const d = form.declarations;
    sections.declarations = {
      ...d,
      disabilityCertNo:
        d.disabled && d.disabilityCertNo.trim() ? text(d.disabilityCertNo, 30) : null,
    };
  }
  if (reached.has('wishes')) {
    const w = form.wishes;
    const whole = (value: string) => {
      const n = wholeNumber(value);
      return n !== undefined && Number.isInteger(n) && n <= SALARY_LIMIT ? n : undefined;
    };
    const salaryMin = whole(w.salaryMin);
    const salaryMax = whole(w.salaryMax);
    sections.wishes = {
      occupations: w.occupations.slice(0, 3),
      workTypes: w.workTypes,
      wantsTraining: w.wantsTraining,
      trainingNeed: text(w.trainingNeed, 100),
      entrepreneurship: w.entrepreneurship,
      ...(w.wantsInternship !== null ? { wantsInternship: w.wantsInternship } : {}),
      ...(salaryMin !== undefined ? { salaryMin } : {}),
      ...(salaryMax !== undefined ? { salaryMax } : {}),
      ...(w.commuteKm !== null ? { commuteKm: w.commuteKm } : {}),
    };
  }
  return sections;
}

/** The form as the citizen left it (a draft, or the registration they are correcting). */
export function formFromDraft(draft: Draft): RegistrationForm {
  const form = emptyForm();
  const i = draft.identity ?? {};
  const w = draft.work ?? {};
  const d = draft.declarations ?? {};
  const h = draft.wishes ?? {};
  form.identity = {
    name: i.name ?? '',
    idNumber: i.idNumber ?? '',
    retirementCategory: i.retirementCategory ?? null,
    mobile: i.mobile ?? '',
    hukouPlace: i.hukouPlace ?? '',
    hukouType: i.hukouType ?? null,
    township: i.township ?? null,
    community: i.community ?? '',
    location: i.location ?? null,
    education: i.education ?? null,
    graduationDate: i.graduationDate ?? null,
  };
  form.work = {
    lastEmployer: w.lastEmployer ?? '',
    separationDate: w.separationDate ?? null,
    separationReason: w.separationReason ?? null,
    insured: w.insured ?? null,
    claimInsurance: w.claimInsurance ?? false,
  };
  form.declarations = {
    disabled: d.disabled ?? false,
    disabilityCertNo: d.disabilityCertNo ?? '',
    dibao: d.dibao ?? false,
    zeroEmploymentFamily: d.zeroEmploymentFamily ?? false,
    povertyAlleviated: d.povertyAlleviated ?? false,
    veteran: d.veteran ?? false,
    returningMigrant: d.returningMigrant ?? false,
  };
  form.wishes = {
    occupations: h.occupations ?? [],
    salaryMin: h.salaryMin === undefined ? '' : String(h.salaryMin),
    salaryMax: h.salaryMax === undefined ? '' : String(h.salaryMax),
    commuteKm: h.commuteKm ?? null,
    workTypes: h.workTypes ?? [],
    wantsTraining: h.wantsTraining ?? false,
    trainingNeed: h.trainingNeed ?? '',
    entrepreneurship: h.entrepreneurship ?? false,
    wantsInternship: h.wantsInternship ?? null,
  };
  return form;
}

/**
 * Where to pick up a draft: the step saved with it, unless an earlier step no longer passes its
 * checks (then that one, so nothing is submitted unchecked).
 */
export function resumeStep(registration: Pick<OwnRegistration, 'draft' | 'step'>): number {
  const saved = Math.min(Math.max(Math.trunc(registration.step) || 0, 0), FORM_STEPS.length - 1);
  const form = formFromDraft(registration.draft);
  for (let index = 0; index < saved; index += 1) {
    if (Object.keys(validateStep(FORM_STEPS[index]!, form)).length > 0) return index;
  }
  return saved;
}

/** The steps already saved in a draft: they are saved again with the next draft. */
export function stepsInDraft(draft: Draft): Set<Step> {
  return new Set(FORM_STEPS.filter((step) => draft[step] !== undefined));
}

/**
 * Place the cloud's `fields` (`identity.idNumber`, `sections.work.insured`, or a bare field
 * name) on the form: the first step concerned and the messages by field name.
 */
export function placeServerErrors(fields: FieldErrors): {
  step: number | null;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  let first: number | null = null;
  for (const [path, message] of Object.entries(fields)) {
    const parts = path.split('.').filter((part) => part !== 'sections');
    let stepIndex = FORM_STEPS.indexOf(parts[0] as Step);
    const field = parts[stepIndex >= 0 ? 1 : 0];
    if (stepIndex < 0) {
      stepIndex = FORM_STEPS.findIndex((step) => STEP_FIELDS[step].includes(field ?? ''));
    }
    if (stepIndex < 0) continue;
    if (first === null || stepIndex < first) first = stepIndex;
    // A path the screen has no field for still moves to its step; the message shows above it.
    if (field && STEP_FIELDS[FORM_STEPS[stepIndex]!].includes(field) && !(field in errors)) {
      errors[field] = message;
    }
  }
  return { step: first, errors };
}

/** "请先修改标红的内容：身份证号码、手机号码" — the fields with a complaint, in screen order. */
export function fixSummary(errors: FieldErrors): string {
  const names = FORM_STEPS.flatMap((step) =>
    STEP_FIELDS[step]
      .filter((field) => errors[field])
      .map((field) => FIELD_LABELS[`${step}.${field}`] ?? field),
  );
  const unique = names.filter((name, index) => names.indexOf(name) === index);
  return unique.length > 0 ? `请先修改标红的内容：${unique.join('、')}` : '';
}
