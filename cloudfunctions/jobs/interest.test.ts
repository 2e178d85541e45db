/**
 * 感兴趣: a registered seeker marks an open vacancy they have not applied to (once, however many
 * taps) and takes it back (deleted); the employer of the vacancy sees those interested masked —
 * surname + 某, age band, education, township, nothing else — and may invite them, the interest
 * being the basis even without the suggestion switch; refusals (not registered, a stopped
 * vacancy, already applied, another company, the wrong role) write nothing.
 */
import type { LocalCloud } from '@nuanxin/local';
import { dateKey, dayjs, INTERESTED_EXPLANATION, type ActionName } from '@nuanxin/shared';

import { database, vacanciesRepo } from '../_lib';
import { AS, caller as callerOf, seededCloud } from '../test/support';

const LI = 'demo-citizen-2'; // 李秀英: registered, 任城区 李营街道, wishes 家政服务员 / 保洁员
const ZHANG = 'demo-citizen-3'; // 张伟: registered, long-term unemployed (就业困难)
const UNREGISTERED = 'demo-citizen-1';
const EMPLOYER = AS.employer; // demo-employer-1, 济宁鲁运物流有限公司
const OTHER_EMPLOYER = 'demo-employer-2';
const ZHONGCHENG = 'demo-employer-3'; // 济宁众诚家政服务有限公司

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

function as(openid: string) {
  const call = callerOf(cloud, openid);
  return (fn: 'jobs' | 'matching' | 'employer' | 'registration', action: string, payload = {}) =>
    call(fn, action as ActionName<typeof fn>, payload) as Promise<any>;
}
const coll = (name: string) => cloud.store.collection(name);
const vacancyId = (title: string) => coll('vacancies').find({ title })[0]!._id as string;
const registrationOf = (openid: string) =>
  coll('registrations').find({ openid, status: { $in: ['submitted', 'registered'] } })[0] as any;
const mark = (openid: string, title: string, interested = true) =>
  as(openid)('jobs', 'markInterest', { vacancyId: vacancyId(title), interested });

describe('marking interest (seeker)', () => {
  it('marks once however many taps, lists it with the vacancy’s state, and takes it back', async () => {
    const id = vacancyId('仓库理货员');
    const first = await mark(LI, '仓库理货员');
    expect(first).toEqual({ ok: true, data: { vacancyId: id, interested: true } });
    const again = await mark(LI, '仓库理货员');
    expect(again.data).toEqual({ vacancyId: id, interested: true });
    const li = registrationOf(LI);
    expect(coll('job_interests').find({})).toEqual([
      expect.objectContaining({
        _id: `${li._id}:${id}`,
        registrationId: li._id,
        openid: LI,
        vacancyId: id,
        vacancy: expect.objectContaining({
          title: '仓库理货员',
          companyName: '济宁鲁运物流有限公司',
        }),
      }),
    ]);

    const mine = await as(LI)('jobs', 'myInterests', {});
    expect(mine.data.interests).toEqual([
      {
        vacancyId: id,
        vacancy: {
          title: '仓库理货员',
          companyName: '济宁鲁运物流有限公司',
          townshipLabel: expect.stringContaining('任城区'),
          salaryMin: 3800,
          salaryMax: 4800,
          workTypeLabel: expect.any(String),
        },
        state: 'open',
        stateLabel: '招聘中',
        invited: false,
        markedAt: expect.any(String),
      },
    ]);
    const one = await as(LI)('jobs', 'myInterests', { vacancyId: vacancyId('叉车司机') });
    expect(one.data.interests).toEqual([]);

    const off = await mark(LI, '仓库理货员', false);
    expect(off.data).toEqual({ vacancyId: id, interested: false });
    expect(coll('job_interests').count()).toBe(0);
    expect((await as(LI)('jobs', 'myInterests', {})).data.interests).toEqual([]);
    // Taking back what is not there is no error.
    expect((await mark(LI, '仓库理货员', false)).ok).toBe(true);
  });

  it('shows a closed or expired vacancy as such, and it can still be taken back', async () => {
    await mark(LI, '仓库理货员');
    await mark(LI, '叉车司机');
    await as(EMPLOYER)('employer', 'setVacancyStatus', {
      vacancyId: vacancyId('仓库理货员'),
      event: 'close',
      closeReason: 'filled',
    });
    // Past its last day, before the expiry timer has marked it.
    await cloud.runAs({}, () =>
      vacanciesRepo(database()).update(vacancyId('叉车司机'), {
        validUntil: dateKey(dayjs().subtract(1, 'day').toDate()),
      }),
    );
    const mine = await as(LI)('jobs', 'myInterests', {});
    const states = Object.fromEntries(
      mine.data.interests.map((i: any) => [i.vacancy.title, [i.state, i.stateLabel]]),
    );
    expect(states).toEqual({
      仓库理货员: ['closed', '已停止招聘'],
      叉车司机: ['expired', '已过期'],
    });
    // The employer has nothing to invite to on a stopped vacancy.
    const seen = await as(EMPLOYER)('jobs', 'interested', {});
    expect(seen.data).toEqual({ vacancies: [], people: [], explanation: INTERESTED_EXPLANATION });

    expect((await mark(LI, '仓库理货员', false)).data.interested).toBe(false);
    expect(coll('job_interests').count({ vacancyId: vacancyId('仓库理货员') })).toBe(0);
  });

  it('after applying the interest is left out: the application speaks for them', async () => {
    await mark(LI, '仓库理货员');
    await as(LI)('jobs', 'apply', { vacancyId: vacancyId('仓库理货员') });
    expect((await as(LI)('jobs', 'myInterests', {})).data.interests).toEqual([]);
    expect((await as(EMPLOYER)('jobs', 'interested', {})).data.people).toEqual([]);
  });

  it('refusals write nothing: not registered, stopped, unknown, already applied, wrong role', async () => {
    await as(LI)('jobs', 'apply', { vacancyId: vacancyId('叉车司机') });
    const [closed] = coll('vacancies').find({ status: 'closed' });
    const [expired] = coll('vacancies').find({ status: 'expired' });
    const before = cloud.writeCount();

    const unregistered = await mark(UNREGISTERED, '仓库理货员');
    expect(unregistered).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(unregistered.error.message).toContain('失业登记');

    for (const stopped of [closed, expired]) {
      const res = await as(LI)('jobs', 'markInterest', {
        vacancyId: stopped!._id,
        interested: true,
      });
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: '该岗位已停止招聘' },
      });
    }
    const unknown = await as(LI)('jobs', 'markInterest', {
      vacancyId: 'no-such-vacancy',
      interested: true,
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const applied = await mark(LI, '叉车司机');
    expect(applied).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(applied.error.message).toContain('已投递');

    const invalid = await as(LI)('jobs', 'markInterest', { vacancyId: vacancyId('会计') });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(invalid.error.fields).toHaveProperty('interested');

    for (const who of [EMPLOYER, AS.caseworker, AS.admin]) {
      expect(await mark(who, '仓库理货员')).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(cloud.writeCount()).toBe(before);
    expect(coll('job_interests').count()).toBe(0);
  });

  it('someone who withdrew consent cannot mark, and the employer no longer sees them', async () => {
    await mark(LI, '仓库理货员');
    expect((await as(LI)('registration', 'withdrawConsent', {})).ok).toBe(true);
    const before = cloud.writeCount();
    const res = await mark(LI, '会计');
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(cloud.writeCount()).toBe(before);
    expect((await as(EMPLOYER)('jobs', 'interested', {})).data.people).toEqual([]);
  });
});

describe('those interested (employer)', () => {
  it('lists them per open vacancy, masked, without anything else of theirs', async () => {
    await mark(LI, '仓库理货员');
    await mark(ZHANG, '仓库理货员');
    await mark(ZHANG, '叉车司机');
    // Another company's vacancy does not show here.
    await mark(LI, '家政服务员');

    const all = await as(EMPLOYER)('jobs', 'interested', {});
    expect(all.ok).toBe(true);
    expect(all.data.explanation).toBe(INTERESTED_EXPLANATION);
    expect(all.data.vacancies.map((v: any) => [v.title, v.count]).sort()).toEqual([
      ['仓库理货员', 2],
      ['叉车司机', 1],
    ]);
    const li = registrationOf(LI);
    const zhang = registrationOf(ZHANG);
    const one = await as(EMPLOYER)('jobs', 'interested', { vacancyId: vacancyId('仓库理货员') });
    expect(one.data.people).toHaveLength(2);
    expect(one.data.people).toContainEqual({
      candidateId: li._id,
      vacancyId: vacancyId('仓库理货员'),
      maskedName: '李某',
      ageBand: '45–54岁',
      educationLabel: '高中',
      townshipLabel: '任城区 李营街道',
      invited: false,
    });
    expect(one.data.people.map((p: any) => p.candidateId).sort()).toEqual(
      [li._id, zhang._id].sort(),
    );
    const text = JSON.stringify(all.data.people);
    for (const r of [li, zhang]) {
      expect(text).not.toContain(r.identity.name);
      expect(text).not.toContain(r.identity.mobile);
      expect(text).not.toContain(r.identity.idMasked);
    }
    expect(text).not.toMatch(/就业困难|援助对象|离校2年|残疾|低保|score|公里/);

    // Withdrawn: gone from the employer's list.
    await mark(LI, '仓库理货员', false);
    const after = await as(EMPLOYER)('jobs', 'interested', { vacancyId: vacancyId('仓库理货员') });
    expect(after.data.people.map((p: any) => p.candidateId)).toEqual([zhang._id]);
  });

  it('someone who applied never shows, however many applications the list crosses', async () => {
    // 34 open vacancies of the company; 33 other people each interested in one and applied to
    // every other one (over 1000 applications among those interested), then 李秀英, interested
    // in the first, applies to it last.
    const [base] = coll('vacancies').find({ title: '仓库理货员' }) as any[];
    const { _id: _omit, ...fields } = base;
    const ids = Array.from({ length: 34 }, (_, k) =>
      coll('vacancies').insert({ ...fields, title: `批量岗位${k}` }),
    );
    await as(LI)('jobs', 'markInterest', { vacancyId: ids[0], interested: true });
    for (let j = 1; j < ids.length; j += 1) {
      const openid = `wx-many-${j}`;
      coll('job_interests').insert({
        _id: `reg-many-${j}:${ids[j]}`,
        registrationId: `reg-many-${j}`,
        openid,
        vacancyId: ids[j],
        companyId: base.companyId,
        vacancy: { title: `批量岗位${j}`, companyName: base.companyName },
        at: new Date(),
      });
      for (const other of ids) {
        if (other === ids[j]) continue;
        coll('applications').insert({
          openid,
          vacancyId: other,
          companyId: base.companyId,
          status: 'applied',
          appliedAt: new Date(),
        });
      }
    }
    expect(coll('applications').count({ companyId: base.companyId })).toBeGreaterThan(1000);
    const before = await as(EMPLOYER)('jobs', 'interested', {});
    expect(before.data.people.map((p: any) => p.vacancyId)).toEqual([ids[0]]);

    expect((await as(LI)('jobs', 'apply', { vacancyId: ids[0] })).ok).toBe(true);
    const after = await as(EMPLOYER)('jobs', 'interested', {});
    expect(after.data.people).toEqual([]);
    expect(after.data.vacancies).toEqual([]);
  });

  it('another company’s vacancy is not found; other roles are refused', async () => {
    await mark(LI, '仓库理货员');
    const other = await as(OTHER_EMPLOYER)('jobs', 'interested', {
      vacancyId: vacancyId('仓库理货员'),
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const otherAll = await as(OTHER_EMPLOYER)('jobs', 'interested', {});
    expect(otherAll.data.people).toEqual([]);
    for (const who of [LI, AS.caseworker]) {
      expect(await as(who)('jobs', 'interested', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
  });

  it('an interest is the basis of an invitation, once, even without the suggestion switch', async () => {
    // 李秀英 did not agree to be suggested, and 叉车司机 is far from her wishes.
    const forklift = vacancyId('叉车司机');
    const candidateId = registrationOf(LI)._id;
    const before = cloud.writeCount();
    const refused = await as(EMPLOYER)('matching', 'inviteCandidate', {
      vacancyId: forklift,
      candidateId,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(cloud.writeCount()).toBe(before);

    await mark(LI, '叉车司机');
    const invited = await as(EMPLOYER)('matching', 'inviteCandidate', {
      vacancyId: forklift,
      candidateId,
    });
    expect(invited.data).toEqual({ invited: true, delivery: 'inApp' });
    const messages = coll('messages').find({ openid: LI, kind: 'jobRecommendation' }) as any[];
    expect(messages).toHaveLength(1);
    expect(messages[0].body).toContain('感兴趣');
    expect(messages[0].page).toBe(`packages/seeker/jobs/detail/index?id=${forklift}`);
    expect(coll('match_invitations').find({})[0]).toMatchObject({ basis: 'interest' });

    const again = await as(EMPLOYER)('matching', 'inviteCandidate', {
      vacancyId: forklift,
      candidateId,
    });
    expect(again.data).toEqual({ invited: false, delivery: null });
    expect(coll('messages').count({ openid: LI, kind: 'jobRecommendation' })).toBe(1);

    const list = await as(EMPLOYER)('jobs', 'interested', { vacancyId: forklift });
    expect(list.data.people[0]).toMatchObject({ candidateId, invited: true });
    const mine = await as(LI)('jobs', 'myInterests', {});
    expect(mine.data.interests[0]).toMatchObject({ vacancyId: forklift, invited: true });
  });

  it('a 公益性岗位 lists those interested: they chose to say so themselves', async () => {
    await mark(ZHANG, '社区保洁员（公益性岗位）');
    const id = vacancyId('社区保洁员（公益性岗位）');
    const res = await as(ZHONGCHENG)('jobs', 'interested', { vacancyId: id });
    expect(res.data.people).toEqual([
      expect.objectContaining({ candidateId: registrationOf(ZHANG)._id, maskedName: '张某' }),
    ]);
    // Exactly what every interested person shows, nothing that could tell a key group.
    for (const person of res.data.people) {
      expect(Object.keys(person).sort()).toEqual([
        'ageBand',
        'candidateId',
        'educationLabel',
        'invited',
        'maskedName',
        'townshipLabel',
        'vacancyId',
      ]);
    }
    const invited = await as(ZHONGCHENG)('matching', 'inviteCandidate', {
      vacancyId: id,
      candidateId: registrationOf(ZHANG)._id,
    });
    expect(invited.data.invited).toBe(true);
  });
});
