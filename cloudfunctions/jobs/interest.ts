/**
 * 感兴趣 (issue 5, Applications: "apply or mark interest from a position page"). A registered
 * seeker marks an open vacancy — not having applied to it — and may take it back at any time
 * (the record is deleted). The employer of the vacancy sees the people interested in its open
 * vacancies masked like suggested candidates (surname + 某, age band, education, township; no
 * score, no phone, no ID number, no key-group tag) and may invite them to apply through
 * matching.inviteCandidate, for which the interest is the basis. Once the person has applied,
 * the interest is left out everywhere: the application speaks for them.
 */
import {
  AppError,
  dateKey,
  INTEREST_VACANCY_STATE_LABELS,
  INTERESTED_EXPLANATION,
  townshipLabel,
  VACANCY_WORK_TYPE_LABELS,
  type InterestedPerson,
  type InterestVacancyState,
  type MyInterest,
} from '@nuanxin/shared';

import {
  allRows,
  applicationsRepo,
  command,
  interestKey,
  interestsRepo,
  registrationsRepo,
  rows,
  vacanciesRepo,
  type Database,
  type Handler,
  type InterestRecord,
  type VacancyRecord,
} from '../_lib';
import { ownCompany, ownVacancy } from '../employer/access';
import { candidateFacts, OPEN_STATUSES } from '../matching/views';

import { isOpen, openAmong, vacanciesByIds } from './open';
import { NO_SUCH_VACANCY, NOT_REGISTERED, STOPPED } from './seeker';

export const INTEREST_AFTER_APPLYING =
  '您已投递过该岗位，企业在“应聘管理”里能看到您的投递，不需要再标记感兴趣';
export const INTEREST_CONSENT_WITHDRAWN =
  '您已撤回个人信息处理同意，暂不能向企业表示感兴趣；如需使用，请先在“我的登记”中重新同意';

/** Statuses of a vacancy that once was public: it "stopped"; others never existed for seekers. */
const ONCE_PUBLIC = new Set(['published', 'paused', 'closed', 'expired']);

/** Invitations already sent, as '<vacancyId>:<registrationId>' (match_invitations' ids). */
async function invitationsAmong(db: Database, keys: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < keys.length; i += 100) {
    const chunk = keys.slice(i, i + 100);
    const found = await rows<{ _id: string }>(
      db
        .collection('match_invitations')
        .where({ _id: command().in(chunk) })
        .field({ _id: true })
        .limit(chunk.length),
    );
    for (const f of found) out.add(f._id);
  }
  return out;
}

const invitationKey = (i: InterestRecord) => `${i.vacancyId}:${i.registrationId}`;

/** The interests whose person has applied to that vacancy (any status, withdrawn too). */
async function appliedAmong(
  db: Database,
  interests: readonly InterestRecord[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < interests.length; i += 100) {
    const chunk = interests.slice(i, i + 100);
    const _ = command();
    // Every page: the people × vacancies of a chunk may match far more than one page holds,
    // and anyone missed here would show as interested although they applied.
    const found = await allRows<{ openid: string; vacancyId: string }>(
      db
        .collection('applications')
        .where({
          openid: _.in([...new Set(chunk.map((c) => c.openid))]),
          vacancyId: _.in([...new Set(chunk.map((c) => c.vacancyId))]),
        })
        .field({ openid: true, vacancyId: true }),
      1000,
    );
    const pairs = new Set(found.map((a) => `${a.openid}:${a.vacancyId}`));
    for (const c of chunk) if (pairs.has(`${c.openid}:${c.vacancyId}`)) out.add(c._id);
  }
  return out;
}

export const markInterest: Handler<'jobs', 'markInterest'> = async (input, ctx) => {
  const { db, caller, now } = ctx;
  const interests = interestsRepo(db);
  if (!input.interested) {
    // Taking it back needs nothing else: it works on a stopped vacancy, and after the
    // registration ended too.
    await interests.remove(caller.openid, input.vacancyId);
    return { vacancyId: input.vacancyId, interested: false };
  }
  const registration = await registrationsRepo(db).openOf(caller.openid);
  if (!registration) throw new AppError('FORBIDDEN', NOT_REGISTERED);
  if (registration.consentWithdrawnAt != null) {
    throw new AppError('FORBIDDEN', INTEREST_CONSENT_WITHDRAWN);
  }
  const vacancy = await vacanciesRepo(db).find(input.vacancyId);
  if (!vacancy || !(await isOpen(db, vacancy, now))) {
    throw new AppError(
      'NOT_FOUND',
      vacancy && ONCE_PUBLIC.has(vacancy.status) ? STOPPED : NO_SUCH_VACANCY,
    );
  }
  if (await applicationsRepo(db).of(caller.openid, vacancy._id)) {
    throw new AppError('CONFLICT', INTEREST_AFTER_APPLYING);
  }
  // A second tap (or a retry) finds the record there: still interested, nothing new.
  await interests.add({
    _id: interestKey(registration._id, vacancy._id),
    registrationId: registration._id,
    openid: caller.openid,
    vacancyId: vacancy._id,
    companyId: vacancy.companyId,
    vacancy: {
      title: vacancy.title,
      companyName: vacancy.companyName,
      township: vacancy.township,
      salaryMin: vacancy.salaryMin,
      salaryMax: vacancy.salaryMax,
      workType: vacancy.workType,
    },
    at: now,
  });
  return { vacancyId: vacancy._id, interested: true };
};

function stateOf(
  v: VacancyRecord | undefined,
  open: ReadonlySet<string>,
  now: Date,
): InterestVacancyState {
  if (v && open.has(v._id)) return 'open';
  if (v && (v.status === 'expired' || (v.status === 'published' && v.validUntil < dateKey(now)))) {
    return 'expired';
  }
  return 'closed';
}

export const myInterests: Handler<'jobs', 'myInterests'> = async (input, ctx) => {
  const { db, caller, now } = ctx;
  const all = await interestsRepo(db).ofOpenid(caller.openid, input.vacancyId);
  if (all.length === 0) return { interests: [] };
  const applied = await appliedAmong(db, all);
  const list = all.filter((i) => !applied.has(i._id));
  const vacancies = await vacanciesByIds(
    db,
    list.map((i) => i.vacancyId),
  );
  const byId = new Map(vacancies.map((v) => [v._id, v]));
  const open = await openAmong(db, vacancies, now);
  const invited = await invitationsAmong(db, list.map(invitationKey));
  const interests: MyInterest[] = list.map((i) => {
    const state = stateOf(byId.get(i.vacancyId), open, now);
    return {
      vacancyId: i.vacancyId,
      vacancy: {
        title: i.vacancy.title,
        companyName: i.vacancy.companyName,
        townshipLabel: townshipLabel(i.vacancy.township),
        salaryMin: i.vacancy.salaryMin,
        salaryMax: i.vacancy.salaryMax,
        workTypeLabel: VACANCY_WORK_TYPE_LABELS[i.vacancy.workType],
      },
      state,
      stateLabel: INTEREST_VACANCY_STATE_LABELS[state],
      invited: invited.has(invitationKey(i)),
      markedAt: new Date(i.at).toISOString(),
    };
  });
  return { interests };
};

export const interested: Handler<'jobs', 'interested'> = async (input, ctx) => {
  const { db, now } = ctx;
  // Another company's vacancy: NOT_FOUND, the same answer as none.
  const own = input.vacancyId
    ? [await ownVacancy(ctx, input.vacancyId)]
    : await vacanciesRepo(db).ofCompany((await ownCompany(ctx))._id);
  // Only open vacancies: the employer can invite only to those (and a stopped one has no use
  // for the list).
  const open = await openAmong(db, own, now);
  const openVacancies = own.filter((v) => open.has(v._id));
  const marked = await interestsRepo(db).ofVacancies(openVacancies.map((v) => v._id));
  const applied = await appliedAmong(db, marked);
  const pending = marked.filter((i) => !applied.has(i._id));
  // Only people whose registration is open and who kept their consent.
  const registrations = new Map(
    (await registrationsRepo(db).byIds([...new Set(pending.map((i) => i.registrationId))]))
      .filter((r) => OPEN_STATUSES.includes(r.status) && r.consentWithdrawnAt == null)
      .map((r) => [r._id, r]),
  );
  const shown = pending.filter((i) => registrations.has(i.registrationId));
  const invited = await invitationsAmong(db, shown.map(invitationKey));
  const people: InterestedPerson[] = shown.map((i) => ({
    candidateId: i.registrationId,
    vacancyId: i.vacancyId,
    ...candidateFacts(registrations.get(i.registrationId)!, now),
    invited: invited.has(invitationKey(i)),
  }));
  const counts = new Map<string, number>();
  for (const p of people) counts.set(p.vacancyId, (counts.get(p.vacancyId) ?? 0) + 1);
  return {
    vacancies: openVacancies
      .filter((v) => counts.has(v._id))
      .map((v) => ({ id: v._id, title: v.title, count: counts.get(v._id)! })),
    people,
    explanation: INTERESTED_EXPLANATION,
  };
};
