/**
 * The form, saved as a draft in steps and resumed on another day; the citizen's own view.
 * A draft is never checked strictly (that is submit's job), only bounded by the draft schema.
 */
import { AppError, isActive } from '@nuanxin/shared';

import {
  draftKey,
  isDuplicateWrite,
  registrationsRepo,
  transaction,
  type Handler,
  type NewRegistration,
  type RegistrationRecord,
  withoutId,
} from '../../_lib';
import { assertConsentStill, requireConsent } from '../access';
import { mergeDraft, type StoredSections } from '../sections';
import { ownView } from '../views';

const EMPTY: StoredSections = { identity: {}, work: {}, declarations: {}, wishes: {} };

function newDraft(openid: string, sections: StoredSections, step: number, now: Date) {
  return {
    openid,
    status: 'draft',
    activeKey: draftKey(openid),
    step,
    ...sections,
    verified: {},
    tags: [],
    employmentDifficulty: false,
    township: sections.identity.township ?? null,
    caseworkerOpenid: null,
    consentWithdrawnAt: null,
    submittedAt: null,
    registeredAt: null,
    closedAt: null,
    closeReason: null,
    createdAt: now,
    updatedAt: now,
  } satisfies NewRegistration;
}

export const saveDraft: Handler<'registration', 'saveDraft'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const consent = await requireConsent(ctx);
  const repo = registrationsRepo(db);
  if (await repo.openOf(caller.openid)) {
    throw new AppError(
      'CONFLICT',
      '您已提交失业登记，不能再保存草稿；如需修改登记信息，请使用“更正信息”',
    );
  }
  // Two first saves at once (two devices): the unique draft key lets one create the draft; the
  // other then merges into it.
  for (let attempt = 0; ; attempt += 1) {
    const existing = await repo.draftOf(caller.openid);
    try {
      const id = await transaction(db, async (tx) => {
        await assertConsentStill(tx, consent._id);
        const drafts = registrationsRepo(tx);
        if (!existing) {
          const sections = mergeDraft(EMPTY, input.sections, now);
          return drafts.create(newDraft(caller.openid, sections, input.step, now));
        }
        const current = await drafts.get(existing._id);
        if (current.status !== 'draft') throw new AppError('CONFLICT', '草稿已提交，请刷新后查看');
        const sections = mergeDraft(current, input.sections, now);
        // The whole record is written back: a nested update would only add fields, never drop a
        // derived one (the birth date of an ID number that was since changed).
        await drafts.replace(existing._id, {
          ...withoutId(current),
          ...sections,
          step: input.step,
          township: sections.identity.township ?? null,
          updatedAt: now,
        });
        return existing._id;
      });
      const saved = (await repo.find(id)) as RegistrationRecord;
      return { registration: await ownView(db, saved, now) };
    } catch (error) {
      if (!existing && attempt === 0 && isDuplicateWrite(error)) continue;
      throw error;
    }
  }
};

export const getMine: Handler<'registration', 'getMine'> = async (_input, ctx) => {
  const records = await registrationsRepo(ctx.db).allOf(ctx.caller.openid);
  // The open registration, else the draft, else the latest closed one.
  const current =
    records.find((r) => isActive(r.status)) ??
    records.find((r) => r.status === 'draft') ??
    [...records].sort((a, b) => +new Date(b.updatedAt) - +new Date(a.updatedAt))[0] ??
    null;
  return { registration: current ? await ownView(ctx.db, current, ctx.now) : null };
};
