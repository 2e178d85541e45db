/**
 * The citizen corrects their own registration (PIPL 第46条: the right to correct). Name and ID
 * number are corrected at a service window, with the card in hand. The log names the changed
 * fields, never their values; newly declared key groups wait for the caseworker's check. A move
 * or a change of serving organisation re-runs the 包保 assignment; switching the insurance claim
 * on or off makes or withdraws the claim (000 §1(6)).
 */
import {
  AppError,
  DECLARATION_KEYS,
  organisationFor,
  registrationTags,
  type Declarations,
} from '@nuanxin/shared';

import {
  claimsRepo,
  enqueueMatch,
  membershipsRepo,
  registrationLogRepo,
  registrationsRepo,
  transaction,
  usersRepo,
  withoutId,
  type ClaimRecord,
  type Handler,
  type MembershipRecord,
  type RegistrationRecord,
  type Store,
  type UserRecord,
} from '../../_lib';
import { assertConsentStill, ownOpen, requireConsent } from '../access';
import {
  ensureCounters,
  rankedCaseworkers,
  staffName,
  takeFirst,
  type Staffed,
} from '../assignment';
import { actorOf, notifyStatus } from '../events';
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

  const care = await careAfterCorrection(db, record, next, now);
  const claims = await claimChanges(db, record, valid.work);

  const saved = await transaction(db, async (tx) => {
    await assertConsentStill(tx, consent._id);
    const current = await registrationsRepo(tx).get(record._id);
    if (+new Date(current.updatedAt) !== +new Date(record.updatedAt)) {
      throw new AppError('CONFLICT', '登记信息刚刚有了变化，请刷新后再更正');
    }
    const log = registrationLogRepo(tx);
    await log.append({
      registrationId: record._id,
      at: now,
      ...actorOf(ctx),
      event: 'correct',
      from: record.status,
      to: record.status,
      reason: null,
      fields,
    });
    const memberships = membershipsRepo(tx);
    let caseworkerOpenid = record.caseworkerOpenid;
    let assigned: UserRecord | null = null;
    if (care.end) {
      await memberships.end(care.end.membership._id, care.end.reason, now);
      // The registration is active (ownOpen), so the membership counted toward the load.
      await memberships.adjustLoad(care.end.membership.caseworkerOpenid, -1);
      caseworkerOpenid = null;
    }
    if (care.reassign) {
      assigned = await takeFirst(tx, care.ranked);
      caseworkerOpenid = assigned?.openid ?? null;
      if (assigned) {
        await memberships.start({
          registrationId: record._id,
          seekerOpenid: record.openid,
          caseworkerOpenid: assigned.openid,
          org: assigned.org!,
          startedAt: now,
          endedAt: null,
          endReason: null,
        });
      }
      await log.append({
        registrationId: record._id,
        at: now,
        actorOpenid: null,
        actorRole: 'system',
        actorName: null,
        event: assigned ? 'assign' : 'awaitAssignment',
        from: record.status,
        to: record.status,
        reason: assigned
          ? `${care.why}，按新的居住地和服务对象重新分配：${staffName(assigned)}`
          : `${care.why}，该乡镇（街道）暂无可分配的包保责任人，已转业务主管分配`,
      });
    }
    const final: RegistrationRecord = { ...next, caseworkerOpenid };
    await registrationsRepo(tx).replace(record._id, withoutId(final));
    // The insurance claim (000 §1(6)): made when switched on, withdrawn (kept) when switched off,
    // and with the person's caseworker.
    const claimRepo = claimsRepo(tx);
    if (claims.create) {
      await claimRepo.create({
        registrationId: record._id,
        openid: record.openid,
        caseworkerOpenid,
        status: 'submitted',
        lastEmployer: valid.work.lastEmployer,
        separationDate: valid.work.separationDate,
        createdAt: now,
        updatedAt: now,
      });
    }
    for (const claim of claims.withdraw) await claimRepo.withdraw(claim._id, now);
    if (caseworkerOpenid !== record.caseworkerOpenid) {
      for (const claim of claims.keep) await claimRepo.route(claim._id, caseworkerOpenid, now);
    }
    return { final, assigned, changed: caseworkerOpenid !== record.caseworkerOpenid };
  });
  if (saved.changed) await notifyStatus(db, saved.final, saved.assigned, now);
  // Wishes, home or key groups may have changed: recommendations are ranked again.
  await enqueueMatch(db, 'registration', record._id, 'wishes', now);
  return { registration: await ownView(db, saved.final, now) };
};

interface Care {
  /** The membership that ends, and why. */
  end: { membership: MembershipRecord; reason: 'moved' | 'orgChanged' } | null;
  /** Run the assignment again (the person has nobody, and where or who serves them changed). */
  reassign: boolean;
  ranked: Staffed[];
  /** For the log: what made the assignment run again. */
  why: string;
}

/**
 * 包保 follows where the person lives and which organisation serves them (000 §1(5), §5): a move
 * to a township the caseworker does not cover ends the membership ('moved'); becoming or ceasing
 * to be a graduate within 2 years moves the person between the 人才服务中心 and the 就业中心
 * ('orgChanged'). The assignment then runs again, or the person waits for the supervisor.
 */
async function careAfterCorrection(
  db: Store,
  before: RegistrationRecord,
  after: RegistrationRecord,
  now: Date,
): Promise<Care> {
  const township = after.township ?? '';
  const moved = before.township !== after.township;
  const orgBefore = organisationFor({
    recentGraduate: registrationTags(registeredPerson(before)!, now).tags.includes(
      'recentGraduate',
    ),
  });
  const recentGraduate = after.tags.includes('recentGraduate');
  const orgAfter = organisationFor({ recentGraduate });
  const none: Care = { end: null, reassign: false, ranked: [], why: '' };
  if (!moved && orgBefore === orgAfter) return none;

  const membership = await membershipsRepo(db).openFor(before._id);
  let end: Care['end'] = null;
  if (membership) {
    const caseworker = await usersRepo(db).byOpenid(membership.caseworkerOpenid);
    if (moved && !caseworker?.townships.includes(township)) {
      end = { membership, reason: 'moved' };
    } else if (orgBefore !== orgAfter && membership.org !== orgAfter) {
      end = { membership, reason: 'orgChanged' };
    }
    if (!end) return none;
    await ensureCounters(db, [membership.caseworkerOpenid]);
  }
  return {
    end,
    reassign: true,
    ranked: await rankedCaseworkers(db, { township, recentGraduate }),
    why:
      end?.reason === 'orgChanged' || (!end && !moved)
        ? '高校毕业生身份变化，服务机构随之变化'
        : '居住的乡镇（街道）变化',
  };
}

/** What happens to the insurance claim: one open claim while the person wants to claim. */
async function claimChanges(
  db: Store,
  record: RegistrationRecord,
  work: { insured: boolean; claimInsurance: boolean },
): Promise<{ create: boolean; withdraw: ClaimRecord[]; keep: ClaimRecord[] }> {
  const open = (await claimsRepo(db).ofRegistrations([record._id])).filter(
    (c) => c.status === 'submitted',
  );
  const wants = work.insured && work.claimInsurance;
  return {
    create: wants && open.length === 0,
    withdraw: wants ? [] : open,
    keep: wants ? open : [],
  };
}
