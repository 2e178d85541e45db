/**
 * The employer's side: suggested candidates for one of their own open vacancies — only seekers
 * who agreed to be suggested, masked — and inviting one to apply (the seeker gets a message with
 * a link to the vacancy; once per vacancy and person; logged). A seeker who marked interest in
 * the vacancy (jobs.markInterest) may be invited too, whether or not they agreed to be suggested
 * and whatever their wishes: they asked about this vacancy themselves. Nobody is suggested or
 * invitable by suggestion for a 公益性 or 见习 vacancy: no answer may tell a key group.
 */
import {
  AppError,
  dateKey,
  jobRecommendationData,
  townshipLabel,
  type Candidate,
} from '@nuanxin/shared';
import {
  MATCH_WEIGHTS,
  score,
  type MatchSeeker,
  type MatchWeights,
} from '@nuanxin/shared/src/matching';

import {
  auditRepo,
  command,
  interestKey,
  interestsRepo,
  isDuplicateWrite,
  notify,
  preferencesRepo,
  pushSubscriptionsRepo,
  registrationsRepo,
  rows,
  seekerOf,
  vacancyOf,
  type Database,
  type Handler,
  type RegistrationRecord,
  type VacancyRecord,
} from '../_lib';
import { ownVacancy } from '../employer/access';
import { isOpen } from '../jobs/open';

import { applicationsOf } from './engine';
import { candidateFacts, employerReasons, OPEN_STATUSES } from './views';

export const MAX_CANDIDATES = 20;
export const CANDIDATES_EXPLANATION =
  '以下求职者同意向用人单位推荐本人，且求职意向与该岗位的职业类别相近、住处在其可接受的通勤范围内。为保护个人信息，只显示姓氏、年龄段、学历和所在乡镇（街道）；对方投递后，您才能看到其选择提供的信息。';
/** An employer ranks by fit for the job: no key-group bonuses (and no key group is told). */
const MATCH_WEIGHTS_FOR_EMPLOYERS: MatchWeights = {
  ...MATCH_WEIGHTS,
  keyGroup: { publicWelfare: 0, internship: 0, assistance: 0, disabilityFriendly: 0 },
};
const NOT_SUGGESTABLE = '没有找到这位推荐人选，或对方已不再接受推荐';

/** The vacancy's middle category ('4-02') is among the person's wishes'. */
function closeOccupation(seeker: MatchSeeker, occupationCode: string): boolean {
  const middle = occupationCode.split('-').slice(0, 2).join('-');
  return seeker.occupationCodes.some((c) => c.split('-').slice(0, 2).join('-') === middle);
}

async function openVacancyOf(
  ctx: Parameters<Handler<'matching', 'suggestedCandidates'>>[1],
  id: string,
): Promise<VacancyRecord> {
  const vacancy = await ownVacancy(ctx, id);
  if (!(await isOpen(ctx.db, vacancy, ctx.now))) {
    throw new AppError('CONFLICT', '岗位正在招聘时才能查看推荐人选和邀请投递');
  }
  return vacancy;
}

async function hiredCount(db: Database, vacancyId: string): Promise<number> {
  const { total } = (await db
    .collection('applications')
    .where({ vacancyId, status: 'hired' })
    .count()) as { total: number };
  return total;
}

/** Open registrations of these people, consent kept. */
async function openRegistrationsOf(
  db: Database,
  openids: readonly string[],
): Promise<RegistrationRecord[]> {
  const out: RegistrationRecord[] = [];
  for (let i = 0; i < openids.length; i += 100) {
    const chunk = openids.slice(i, i + 100);
    const _ = command();
    out.push(
      ...(await rows<RegistrationRecord>(
        db
          .collection('registrations')
          .where({ openid: _.in(chunk) })
          .limit(1000),
      )),
    );
  }
  // The status is checked here: a condition on it would gather every open registration.
  return out.filter((r) => OPEN_STATUSES.includes(r.status) && r.consentWithdrawnAt == null);
}

interface Scored {
  registration: RegistrationRecord;
  score: number;
  reasons: string[];
}

/**
 * How a person fits the vacancy for an employer: the matcher's score without the key-group
 * bonuses (an employer ranks by fit for the job), or null when the matcher would not offer it
 * to them or their wishes are not near its occupation. Recent pushes do not matter here.
 */
function fit(
  registration: RegistrationRecord,
  applied: readonly { vacancyId: string; openid: string }[],
  vacancy: VacancyRecord,
  hired: number,
  now: Date,
): Scored | null {
  // Stored tags (refreshed daily): the list may hold many people.
  const seeker = seekerOf(registration, applied, []);
  if (!closeOccupation(seeker, vacancy.occupationCode)) return null;
  const result = score(seeker, vacancyOf(vacancy, hired), {
    today: dateKey(now),
    weights: MATCH_WEIGHTS_FOR_EMPLOYERS,
  });
  if ('excluded' in result) return null;
  return { registration, score: result.score, reasons: employerReasons(result.reasons) };
}

async function invitedAmong(db: Database, vacancyId: string): Promise<Set<string>> {
  const found = await rows<{ registrationId: string }>(
    db
      .collection('match_invitations')
      .where({ vacancyId })
      .field({ registrationId: true })
      .limit(1000),
  );
  return new Set(found.map((i) => i.registrationId));
}

const PUBLIC_WELFARE_EXPLANATION =
  '公益性岗位只安置就业困难人员，由就业服务中心按规定推荐和安置，不在这里向用人单位推荐人选。';
const INTERNSHIP_EXPLANATION =
  '见习岗位只面向离校2年内的高校毕业生，由就业服务中心组织推荐，不在这里向用人单位推荐人选。对岗位感兴趣的求职者会出现在“应聘管理”中，您可以邀请其投递。';

/**
 * A vacancy only a key group may take (公益性: 就业困难人员; 见习: 离校2年内 graduates): whoever is
 * suggested or invitable for it by suggestion would be revealed as one of the group.
 */
function keyGroupOnly(vacancy: VacancyRecord): boolean {
  return Boolean(vacancy.flags?.publicWelfare || vacancy.flags?.internship);
}

export const suggestedCandidates: Handler<'matching', 'suggestedCandidates'> = async (
  input,
  ctx,
) => {
  const { db, now } = ctx;
  const vacancy = await openVacancyOf(ctx, input.vacancyId);
  if (keyGroupOnly(vacancy)) {
    // Only 就业困难人员 may take a 公益性岗位: anyone listed here would be revealed as one (and so,
    // perhaps, as disabled or in a 低保 family); likewise a 见习岗位 and recent graduates. The
    // employment centre places people in them.
    return {
      vacancy: { id: vacancy._id, title: vacancy.title },
      candidates: [],
      explanation: vacancy.flags?.publicWelfare
        ? PUBLIC_WELFARE_EXPLANATION
        : INTERNSHIP_EXPLANATION,
    };
  }
  const openids = await preferencesRepo(db).suggestable();
  const registrations = await openRegistrationsOf(db, openids);
  const [applications, hired, invited] = await Promise.all([
    applicationsOf(
      db,
      registrations.map((r) => r.openid),
    ),
    hiredCount(db, vacancy._id),
    invitedAmong(db, vacancy._id),
  ]);
  const mine = applications.filter((a) => a.vacancyId === vacancy._id);
  const scored = registrations
    .map((r) => fit(r, mine, vacancy, hired, now))
    .filter((s): s is Scored => s !== null)
    .sort((a, b) => b.score - a.score || (a.registration._id < b.registration._id ? -1 : 1))
    .slice(0, MAX_CANDIDATES);
  const candidates: Candidate[] = scored.map((s) => ({
    candidateId: s.registration._id,
    ...candidateFacts(s.registration, now),
    reasons: s.reasons,
    invited: invited.has(s.registration._id),
  }));
  return {
    vacancy: { id: vacancy._id, title: vacancy.title },
    candidates,
    explanation: CANDIDATES_EXPLANATION,
  };
};

export const inviteCandidate: Handler<'matching', 'inviteCandidate'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const vacancy = await openVacancyOf(ctx, input.vacancyId);
  const registration = await registrationsRepo(db).find(input.candidateId);
  if (
    !registration ||
    !OPEN_STATUSES.includes(registration.status) ||
    registration.consentWithdrawnAt != null
  ) {
    throw new AppError('NOT_FOUND', NOT_SUGGESTABLE);
  }
  // They marked interest in this very vacancy: that is the basis, not the suggestion switch.
  const interested =
    (await interestsRepo(db).find(interestKey(registration._id, vacancy._id))) !== null;
  // Only 就业困难人员 may take a 公益性岗位 and only 离校2年内 graduates a 见习岗位: were anyone
  // invitable to one by suggestion, the answer (invited, or "不相符") would tell the employer
  // whether that person is one — found out with an id from suggestions on another vacancy. No
  // one is suggested for these (suggestedCandidates), so without the person's own interest the
  // answer is the unknown candidate's, before anything that depends on who they are.
  if (!interested && keyGroupOnly(vacancy)) throw new AppError('NOT_FOUND', NOT_SUGGESTABLE);
  if (!interested && !(await preferencesRepo(db).get(registration.openid)).suggestToEmployers) {
    throw new AppError('NOT_FOUND', NOT_SUGGESTABLE);
  }
  const key = `${vacancy._id}:${registration._id}`;
  const coll = db.collection('match_invitations');
  const [existing] = await rows<{ _id: string }>(coll.where({ _id: key }).limit(1));
  if (existing) return { invited: false, delivery: null };
  const applied = await applicationsOf(db, [registration.openid]);
  if (applied.some((a) => a.vacancyId === vacancy._id)) {
    throw new AppError('CONFLICT', '对方已经投递了这个岗位，请到“应聘管理”查看');
  }
  if (!interested && !fit(registration, [], vacancy, await hiredCount(db, vacancy._id), now)) {
    throw new AppError('CONFLICT', '对方的求职意向与这个岗位不相符，不能邀请');
  }
  try {
    await coll.add({
      data: {
        _id: key,
        vacancyId: vacancy._id,
        companyId: vacancy.companyId,
        registrationId: registration._id,
        openid: registration.openid,
        invitedBy: caller.openid,
        basis: interested ? 'interest' : 'suggestion',
        at: now,
        delivery: null,
      },
    });
  } catch (error) {
    // A double tap: the other call made the invitation and sent the message.
    if (isDuplicateWrite(error)) return { invited: false, delivery: null };
    throw error;
  }
  const delivery = await notify(
    db,
    {
      openid: registration.openid,
      template: 'jobRecommendation',
      data: jobRecommendationData({
        title: vacancy.title,
        companyName: vacancy.companyName,
        count: 1,
        salary: `${vacancy.salaryMin}-${vacancy.salaryMax}元/月`,
        place: townshipLabel(vacancy.township),
        note: interested
          ? '您对该岗位感兴趣，用人单位邀请您投递'
          : '用人单位看到您的求职意向，邀请您投递',
      }),
      page: `packages/seeker/jobs/detail/index?id=${encodeURIComponent(vacancy._id)}`,
      title: '用人单位邀请您投递岗位',
      body: interested
        ? `${vacancy.companyName}看到您对岗位“${vacancy.title}”感兴趣，邀请您投递。点开查看岗位详情，是否投递由您决定。`
        : `${vacancy.companyName}看到您的求职意向与岗位“${vacancy.title}”相符，邀请您投递。点开查看岗位详情，是否投递由您决定。`,
    },
    now,
  );
  // The invitation used one of the person's "岗位推荐" subscriptions: the push count knows it.
  if (delivery === 'subscription') await pushSubscriptionsRepo(db).spend(registration.openid, now);
  await coll.doc(key).update({ data: { delivery } });
  await auditRepo(db).append(
    {
      actorOpenid: caller.openid,
      action: 'matching.inviteCandidate',
      subjectId: registration._id,
      detail: { vacancyId: vacancy._id, delivery, basis: interested ? 'interest' : 'suggestion' },
    },
    now,
  );
  return { invited: true, delivery };
};
