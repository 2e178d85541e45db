/**
 * The citizen corrects their own registration (PIPL 第46条: the right to correct). Name and ID
 * number are corrected at a service window, with the card in hand. The log names the changed
 * fields, never their values; newly declared key groups wait for the caseworker's check.
 */
import { AppError, DECLARATION_KEYS, registrationTags, type Declarations } from '@nuanxin/shared';

import {
  registrationLogRepo,
  registrationsRepo,
  transaction,
  withoutId,
  type Handler,
  type RegistrationRecord,
} from '../../_lib';
import { assertConsentStill, ownOpen, requireConsent } from '../access';
import { actorOf } from '../events';
import {
  draftView,
  registeredPerson,
  storedSections,
  validateSections,
  type DraftSections,
} from '../sections';
import { ownView } from '../views';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function changedFields(before: DraftSections, after: DraftSections): string[] {
  const changed: string[] = [];
  for (const step of ['identity', 'work', 'declarations', 'wishes'] as const) {
    const a = (before[step] ?? {}) as Record<string, unknown>;
    const b = (after[step] ?? {}) as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!same(a[key], b[key])) changed.push(`${step}.${key}`);
    }
  }
  return changed;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const correct: Handler<'registration', 'correct'> = async (input, ctx) => {
  const { db, now } = ctx;
  const consent = await requireConsent(ctx);
  const record = await ownOpen(ctx, '没有可以更正的有效登记');
  const before = draftView(record);
  const valid = validateSections(
    {
      identity: { ...before.identity, ...definedOnly(input.identity ?? {}) },
      work: input.work ?? before.work,
      declarations: input.declarations ?? before.declarations,
      wishes: input.wishes ?? before.wishes,
    },
    now,
    { checkWorkingAge: false },
  );
  const after: DraftSections = {
    identity: { ...before.identity, ...valid.identity },
    work: valid.work,
    declarations: valid.declarations,
    wishes: valid.wishes,
  };
  const fields = changedFields(before, after);
  if (fields.length === 0) return { registration: await ownView(db, record, now) };

  // A declaration taken back takes its verification with it; a new 残疾人证号 is checked again.
  // Newly declared groups simply have no verification yet, so they are pending.
  const verified: Declarations = { ...record.verified };
  for (const key of DECLARATION_KEYS) {
    if (before.declarations?.[key] === true && valid.declarations[key] !== true) {
      delete verified[key];
    }
  }
  if (fields.includes('declarations.disabilityCertNo')) delete verified.disabled;

  const sections = storedSections(valid);
  const next: RegistrationRecord = {
    ...record,
    ...sections,
    // The ID number did not change: keep its stored ciphertext.
    identity: { ...sections.identity, idNumberEnc: record.identity.idNumberEnc },
    verified,
    township: valid.identity.township,
    updatedAt: now,
  };
  const { tags, employmentDifficulty } = registrationTags(registeredPerson(next)!, now);
  next.tags = tags;
  next.employmentDifficulty = employmentDifficulty;

  await transaction(db, async (tx) => {
    await assertConsentStill(tx, consent._id);
    const current = await registrationsRepo(tx).get(record._id);
    if (+new Date(current.updatedAt) !== +new Date(record.updatedAt)) {
      throw new AppError('CONFLICT', '登记信息刚刚有了变化，请刷新后再更正');
    }
    await registrationsRepo(tx).replace(record._id, withoutId(next));
    await registrationLogRepo(tx).append({
      registrationId: record._id,
      at: now,
      ...actorOf(ctx),
      event: 'correct',
      from: record.status,
      to: record.status,
      reason: null,
      fields,
    });
  });
  return { registration: await ownView(db, next, now) };
};
