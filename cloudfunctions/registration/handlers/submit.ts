/**
 * Submitting the registration (失业登记, 000 §1(2)): strict checks, one active registration per ID
 * number, the 包保 caseworker named at once (000 §1(5)), the insurance claim made together with
 * the registration (000 §1(6)), and the person told the result.
 */
import {
  AppError,
  organisationFor,
  pendingVerifications,
  registrationTags,
  transition,
} from '@nuanxin/shared';

import {
  claimsRepo,
  enqueueMatch,
  idKey,
  isDuplicateWrite,
  lookupHash,
  membershipsRepo,
  registrationLogRepo,
  registrationsRepo,
  transaction,
  withoutId,
  type Handler,
  type NewRegistration,
  type RegistrationRecord,
  type UserRecord,
} from '../../_lib';
import { assertConsentStill, requireConsent } from '../access';
import { rankedCaseworkers, staffName, takeFirst } from '../assignment';
import { actorOf, notifyStatus } from '../events';
import { draftView, registeredPerson, storedSections, validateSections } from '../sections';
import { ownView } from '../views';

export const DUPLICATE_ID_MESSAGE =
  '该身份证号已有有效的失业登记，不能重复登记。如不是您本人办理的，请携带身份证到就业服务窗口核实';

export const submit: Handler<'registration', 'submit'> = async (_input, ctx) => {
  const { caller, db, now } = ctx;
  const consent = await requireConsent(ctx);
  const repo = registrationsRepo(db);
  const draft = await repo.draftOf(caller.openid);
  if (!draft) {
    if (await repo.openOf(caller.openid)) {
      throw new AppError('CONFLICT', '您已提交过失业登记，无需重复提交；如需修改请使用“更正信息”');
    }
    throw new AppError('NOT_FOUND', '还没有填写登记信息，请先填写并保存');
  }

  // Everything is checked before anything is written: a refused submit changes nothing.
  const valid = validateSections(draftView(draft), now, { checkWorkingAge: true });
  const sections = storedSections(valid);
  const pending = pendingVerifications({ declarations: sections.declarations, verified: {} });
  const moved = transition('draft', { type: 'submit', needsVerification: pending.length > 0 });
  if (!moved.ok) throw new AppError('CONFLICT', moved.reason);
  const person = registeredPerson({ ...sections, verified: {} });
  const { tags, employmentDifficulty } = registrationTags(person!, now);
  const township = valid.identity.township;
  const recentGraduate = tags.includes('recentGraduate');
  const ranked = await rankedCaseworkers(db, { township, recentGraduate });
  // One person, one 包保 caseworker: a person registering again (after employment) gets a new
  // membership and the old one ends — found by the ID number's HMAC, so a registration made from
  // another WeChat account is superseded too, not only the caller's own.
  const idHash = lookupHash('idNumber', valid.idCard.id);
  const earlier = [
    ...new Map(
      [...(await repo.allOf(caller.openid)), ...(await repo.byIdHash(idHash))].map((r) => [
        r._id,
        r,
      ]),
    ).values(),
  ].filter((r) => r._id !== draft._id);
  const stillOpen = (await membershipsRepo(db).ofRegistrations(earlier.map((r) => r._id))).filter(
    (m) => m.endedAt === null,
  );

  const base: NewRegistration = {
    ...withoutId(draft),
    ...sections,
    status: moved.to,
    // Claiming this key is what makes the registration the one active one for this ID number:
    // the unique index lets exactly one of any number of concurrent submissions have it.
    activeKey: idKey(idHash),
    idHash,
    verified: {},
    tags,
    employmentDifficulty,
    township,
    caseworkerOpenid: null,
    consentWithdrawnAt: null,
    submittedAt: now,
    registeredAt: moved.to === 'registered' ? now : null,
    updatedAt: now,
  };
  const actor = actorOf(ctx);
  let caseworker: UserRecord | null = null;
  let record = base;
  try {
    await transaction(db, async (tx) => {
      await assertConsentStill(tx, consent._id);
      const current = await registrationsRepo(tx).get(draft._id);
      if (current.status !== 'draft') {
        throw new AppError('CONFLICT', '登记已经提交，请勿重复提交');
      }
      if (+new Date(current.updatedAt) !== +new Date(draft.updatedAt)) {
        throw new AppError('CONFLICT', '草稿刚刚在另一台设备上修改过，请核对后重新提交');
      }
      // The cap is checked again here, on the counter this transaction reads and writes.
      caseworker = await takeFirst(tx, ranked);
      record = { ...base, caseworkerOpenid: caseworker?.openid ?? null };
      await registrationsRepo(tx).replace(draft._id, record);
      const log = registrationLogRepo(tx);
      await log.append({
        registrationId: draft._id,
        at: now,
        ...actor,
        event: 'submit',
        from: 'draft',
        to: moved.to,
        reason: pending.length > 0 ? '申报的重点群体身份待核验' : null,
      });
      // The earlier registrations are closed (the active key is unique), so these memberships no
      // longer count toward anyone's load: ending them leaves the counters as they are.
      for (const m of stillOpen) await membershipsRepo(tx).end(m._id, 'superseded', now);
      if (caseworker) {
        await membershipsRepo(tx).start({
          registrationId: draft._id,
          seekerOpenid: caller.openid,
          caseworkerOpenid: caseworker.openid,
          org: caseworker.org ?? organisationFor({ recentGraduate }),
          startedAt: now,
          endedAt: null,
          endReason: null,
        });
      }
      await log.append({
        registrationId: draft._id,
        at: now,
        actorOpenid: null,
        actorRole: 'system',
        actorName: null,
        event: caseworker ? 'assign' : 'awaitAssignment',
        from: moved.to,
        to: moved.to,
        reason: caseworker
          ? `按居住地和服务对象自动分配：${staffName(caseworker)}`
          : '该乡镇（街道）暂无可分配的包保责任人，已转业务主管分配',
      });
      if (valid.work.insured && valid.work.claimInsurance) {
        await claimsRepo(tx).create({
          registrationId: draft._id,
          openid: caller.openid,
          caseworkerOpenid: caseworker?.openid ?? null,
          status: 'submitted',
          lastEmployer: valid.work.lastEmployer,
          separationDate: valid.work.separationDate,
          createdAt: now,
          updatedAt: now,
        });
      }
    });
  } catch (error) {
    if (isDuplicateWrite(error)) {
      throw new AppError('CONFLICT', DUPLICATE_ID_MESSAGE, {
        'identity.idNumber': '该身份证号已有有效的失业登记',
      });
    }
    throw error;
  }

  const saved: RegistrationRecord = { ...record, _id: draft._id };
  await notifyStatus(db, saved, caseworker, now);
  // Recommendations for the new registrant (matching function: queue, or on demand).
  await enqueueMatch(db, 'registration', draft._id, 'registration', now);
  return { registration: await ownView(db, saved, now) };
};
