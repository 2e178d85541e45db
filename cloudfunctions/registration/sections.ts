/**
 * The four form sections as stored and as the owner sees them, and the strict checks of submit
 * and correct. Sensitive values are encrypted on the way in and decrypted only for the owner's
 * own views (PIPL 第28条; ARCHITECTURE "Data and personal information").
 */
import {
  AppError,
  declarationsSchema,
  DECLARATION_KEYS,
  FIELD_LABELS,
  findTownship,
  FORM_STEP_LABELS,
  FORM_STEPS,
  graduationDateRequired,
  identitySchema,
  maskIdNumber,
  parseIdCard,
  dateKey,
  deriveTags,
  wishesSchema,
  workSchema,
  workingAgeCheck,
  type draftSectionsSchema,
  type FieldErrors,
  type FormStep,
  type IdCard,
  type RegisteredPerson,
  type z,
} from '@nuanxin/shared';
import { findOccupation } from '@nuanxin/shared/src/data/occupations';

import {
  decryptField,
  encryptField,
  type RegistrationRecord,
  type StoredDeclarations,
  type StoredIdentity,
  type StoredWishes,
  type StoredWork,
} from '../_lib';

export type DraftSections = z.output<typeof draftSectionsSchema>;
type DraftIdentity = NonNullable<DraftSections['identity']>;
type DraftDeclarations = NonNullable<DraftSections['declarations']>;

export interface StoredSections {
  identity: StoredIdentity;
  work: StoredWork;
  declarations: StoredDeclarations;
  wishes: StoredWishes;
}

const IDENTITY_KEYS = Object.keys(identitySchema.shape) as (keyof DraftIdentity)[];
const WORK_KEYS = Object.keys(workSchema.shape) as (keyof StoredWork)[];
const WISHES_KEYS = Object.keys(wishesSchema.shape) as (keyof StoredWishes)[];

/** Copies the named keys that are present (stored documents never hold `undefined`). */
function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

// ── draft: stored ↔ the owner's view ────────────────────────────────────────────────────────

/** A draft's ID number as typed: encrypted, masked, and birth date/sex only once it parses. */
function storeIdNumber(identity: StoredIdentity, typed: string, now: Date): StoredIdentity {
  const { idNumberEnc: _e, idMasked: _m, birthDate: _b, sex: _s, ...rest } = identity;
  if (typed.trim() === '') return rest;
  const parsed = parseIdCard(typed, now);
  return {
    ...rest,
    idNumberEnc: encryptField(typed),
    idMasked: maskIdNumber(typed),
    ...(parsed.ok ? { birthDate: parsed.value.birthDate, sex: parsed.value.sex } : {}),
  };
}

/** Merges what the citizen typed into the stored draft, field by field, nothing validated. */
export function mergeDraft(
  stored: StoredSections,
  patch: DraftSections,
  now: Date,
): StoredSections {
  let identity: StoredIdentity = { ...stored.identity };
  if (patch.identity) {
    const { idNumber, ...plain } = patch.identity;
    identity = { ...identity, ...pick(plain, Object.keys(plain) as (keyof typeof plain)[]) };
    if (idNumber !== undefined) identity = storeIdNumber(identity, idNumber, now);
  }
  let declarations: StoredDeclarations = { ...stored.declarations };
  if (patch.declarations) {
    const { disabilityCertNo, ...flags } = patch.declarations;
    declarations = { ...declarations, ...pick(flags, DECLARATION_KEYS) };
    if (disabilityCertNo !== undefined) {
      declarations.disabilityCertNoEnc =
        disabilityCertNo && disabilityCertNo.trim() !== '' ? encryptField(disabilityCertNo) : null;
    }
  }
  return {
    identity,
    work: { ...stored.work, ...pick(patch.work ?? {}, WORK_KEYS as never[]) },
    declarations,
    wishes: { ...stored.wishes, ...pick(patch.wishes ?? {}, WISHES_KEYS as never[]) },
  };
}

/** The owner's own data in form shape, the ID number and 残疾人证号 decrypted. */
export function draftView(record: Pick<RegistrationRecord, keyof StoredSections>): DraftSections {
  const identity: DraftIdentity = pick(
    record.identity as DraftIdentity,
    IDENTITY_KEYS.filter((k) => k !== 'idNumber'),
  );
  if (record.identity.idNumberEnc) identity.idNumber = decryptField(record.identity.idNumberEnc);
  const declarations: DraftDeclarations = pick(record.declarations, DECLARATION_KEYS);
  if (record.declarations.disabilityCertNoEnc !== undefined) {
    declarations.disabilityCertNo = record.declarations.disabilityCertNoEnc
      ? decryptField(record.declarations.disabilityCertNoEnc)
      : null;
  }
  return {
    identity,
    work: pick(record.work, WORK_KEYS),
    declarations,
    wishes: pick(record.wishes, WISHES_KEYS),
  };
}

// ── strict checks (submit, correct) ─────────────────────────────────────────────────────────

const STRICT = {
  identity: identitySchema,
  work: workSchema,
  declarations: declarationsSchema,
  wishes: wishesSchema,
} as const;

export interface ValidRegistration {
  identity: z.output<typeof identitySchema>;
  work: z.output<typeof workSchema>;
  declarations: z.output<typeof declarationsSchema>;
  wishes: z.output<typeof wishesSchema>;
  idCard: IdCard;
}

function valueAt(source: unknown, path: readonly PropertyKey[]): unknown {
  let current = source;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function stepOf(field: string): FormStep {
  return field.split('.')[0] as FormStep;
}

/** A VALIDATION error keyed like 'identity.idNumber'; the message names the first problem. */
function refuse(fields: FieldErrors): never {
  const [first] = Object.keys(fields);
  const message = first
    ? `${FORM_STEP_LABELS[stepOf(first)]}：${fields[first]}`
    : '提交的信息有误，请按提示修改后重试';
  throw new AppError('VALIDATION', message, fields);
}

/** Field-level checks with the form's own schemas; a missing field is named ("请填写姓名"). */
function parseSections(sections: DraftSections): Omit<ValidRegistration, 'idCard'> {
  const fields: FieldErrors = {};
  const parsed: Partial<Omit<ValidRegistration, 'idCard'>> = {};
  for (const step of FORM_STEPS) {
    const raw = sections[step] ?? {};
    const result = STRICT[step].safeParse(raw);
    if (result.success) {
      (parsed as Record<FormStep, unknown>)[step] = result.data;
      continue;
    }
    for (const issue of result.error.issues) {
      const key = [step, ...issue.path.map(String)].join('.');
      if (key in fields) continue;
      const missing = issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined;
      fields[key] = missing ? `请填写${FIELD_LABELS[key] ?? '此项'}` : issue.message;
    }
  }
  if (Object.keys(fields).length > 0) refuse(fields);
  return parsed as Omit<ValidRegistration, 'idCard'>;
}

/**
 * Everything the form cannot check alone: the ID number against the chosen retirement category
 * and the working age (16 up to the statutory retirement age — POLICY-RULES "Registration"), the
 * township and occupations against the reference data, dates not in the future, the graduation
 * date where it decides the 离校2年内 tag, the 残疾人证号 against the ID number. The 就业见习 answer
 * is kept only for a graduate within 2 years on `now` (the question is theirs alone — 000 §5(3));
 * anyone else's is dropped rather than refused, so a correction that ends the 离校2年内 status does
 * not fail on an answer the form no longer shows.
 *
 * `checkWorkingAge` is off for corrections: the ID number cannot be corrected online, and a person
 * who reaches retirement age while registered goes on the cancellation list (000 §1(4)) rather
 * than being refused a new mobile number.
 */
export function validateSections(
  sections: DraftSections,
  now: Date,
  { checkWorkingAge }: { checkWorkingAge: boolean },
): ValidRegistration {
  const { identity, work, declarations, wishes } = parseSections(sections);
  const idCard = parseIdCard(identity.idNumber, now);
  if (!idCard.ok) refuse({ 'identity.idNumber': idCard.reason });
  const card = idCard.value;
  const today = dateKey(now);
  const fields: FieldErrors = {};

  if (card.sex === 'male' && identity.retirementCategory !== 'male') {
    fields['identity.retirementCategory'] = '身份证号显示为男性，退休年龄类别请选择“男职工”';
  } else if (card.sex === 'female' && identity.retirementCategory === 'male') {
    fields['identity.retirementCategory'] =
      '身份证号显示为女性，请选择“原法定退休年龄55周岁的女职工”或“原法定退休年龄50周岁的女职工”';
  } else if (checkWorkingAge) {
    const age = workingAgeCheck(card.birthDate, identity.retirementCategory, now);
    if (!age.ok) fields['identity.idNumber'] = age.reason;
  }
  if (!findTownship(identity.township)) {
    fields['identity.township'] = '请从列表中选择本市的乡镇（街道）';
  }
  if (
    graduationDateRequired(identity.education, work.separationReason) &&
    !identity.graduationDate
  ) {
    fields['identity.graduationDate'] = '高校毕业生请选择毕业（离校）日期，用于认定离校2年内毕业生';
  } else if (identity.graduationDate && identity.graduationDate > today) {
    fields['identity.graduationDate'] = '毕业（离校）日期不能晚于今天';
  } else if (identity.graduationDate && identity.graduationDate <= card.birthDate) {
    fields['identity.graduationDate'] = '毕业（离校）日期应晚于出生日期';
  }
  if (work.separationDate && work.separationDate > today) {
    fields['work.separationDate'] = '解除劳动关系日期不能晚于今天';
  }
  if (declarations.disabled && declarations.disabilityCertNo?.slice(0, 18) !== card.id) {
    fields['declarations.disabilityCertNo'] = '残疾人证号的前18位应与身份证号一致，请核对';
  }
  const unknown = wishes.occupations.filter((code) => findOccupation(code)?.level !== 'occupation');
  if (unknown.length > 0) {
    fields['wishes.occupations'] =
      `意向职业 ${unknown.join('、')} 不在职业分类大典中，请从列表中选择`;
  }
  if (Object.keys(fields).length > 0) refuse(fields);

  return {
    identity: { ...identity, idNumber: card.id },
    work,
    // A certificate number without the declaration is not kept (PIPL 第6条: no more than needed).
    declarations: {
      ...declarations,
      disabilityCertNo: declarations.disabled ? declarations.disabilityCertNo : null,
    },
    wishes: wishesKept(wishes, card, identity.graduationDate, now),
    idCard: card,
  };
}

function wishesKept(
  wishes: z.output<typeof wishesSchema>,
  card: IdCard,
  graduationDate: string | null,
  now: Date,
): z.output<typeof wishesSchema> {
  const { wantsInternship, ...rest } = wishes;
  // The 离校2年内 rule itself (deriveTags), on the facts it reads: the graduation day.
  const recentGraduate = deriveTags(
    { birthDate: card.birthDate, sex: card.sex, graduationDate, declarations: {}, verified: {} },
    now,
  ).includes('recentGraduate');
  return {
    ...rest,
    occupations: [...new Set(wishes.occupations)],
    ...(recentGraduate && wantsInternship !== undefined ? { wantsInternship } : {}),
  };
}

/** How a checked registration is stored: ID number and 残疾人证号 encrypted. */
export function storedSections(valid: ValidRegistration): StoredSections {
  const { idNumber, ...identity } = valid.identity;
  const { disabilityCertNo, ...flags } = valid.declarations;
  return {
    identity: {
      ...identity,
      idNumberEnc: encryptField(idNumber),
      idMasked: maskIdNumber(idNumber),
      birthDate: valid.idCard.birthDate,
      sex: valid.idCard.sex,
    },
    work: valid.work,
    declarations: {
      ...flags,
      disabilityCertNoEnc: disabilityCertNo ? encryptField(disabilityCertNo) : null,
    },
    wishes: valid.wishes,
  };
}

/** The facts the tag rules read, from a submitted record. */
export function registeredPerson(
  record: Pick<RegistrationRecord, 'identity' | 'work' | 'declarations' | 'verified'>,
): RegisteredPerson | null {
  const { birthDate, sex, education } = record.identity;
  if (!birthDate || !sex || !education) return null;
  return {
    birthDate,
    sex,
    education,
    graduationDate: record.identity.graduationDate ?? null,
    separationDate: record.work.separationDate ?? null,
    declarations: pick(record.declarations, DECLARATION_KEYS),
    verified: record.verified,
  };
}
