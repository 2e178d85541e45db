/**
 * Spreading the month's pushes (000 §4(6): at least 3 positions a month; a 公益性岗位 for 就业困难
 * 人员; 000 §5(3): a 见习岗位 for recent graduates), the "岗位推荐" template's fields, and the
 * caseworker's tasks (a hire to confirm, a push to tell) as lifecycles.
 */
import {
  HIRE_CONFIRMATION_STATUSES,
  jobRecommendationData,
  pushesDue,
  pushPlan,
  pushTaskState,
  transitionHireConfirmation,
  transitionPushTask,
  type PushRecord,
} from '@nuanxin/shared';

const ordinary = { difficult: false, wantsInternship: false };
const push = (at: string, publicWelfare = false, internship = false): PushRecord => ({
  at,
  publicWelfare,
  internship,
});
const due = (pushes: PushRecord[], needs: typeof ordinary, now: string) =>
  pushesDue(
    pushPlan(pushes, now.slice(0, 7), needs, `${now}T10:00:00+08:00`),
    `${now}T10:00:00+08:00`,
  );

describe('pushesDue: one around the 1st, the 11th and the 21st of a month', () => {
  it.each([
    // day of March (31 days), pushes so far → how many now
    ['2026-03-01', 0, 1],
    ['2026-03-01', 1, 0],
    ['2026-03-10', 1, 0],
    ['2026-03-11', 1, 1],
    ['2026-03-20', 2, 0],
    ['2026-03-21', 2, 1],
    ['2026-03-31', 2, 1],
    // Behind (a new registrant, failed runs): everything owed at once.
    ['2026-03-25', 0, 3],
    ['2026-03-15', 0, 2],
    // Met: nothing more.
    ['2026-03-31', 3, 0],
  ])('%s with %i pushed → %i', (day, done, expected) => {
    const pushes = Array.from({ length: done }, () => push('2026-03-01T10:00:00+08:00'));
    expect(due(pushes, ordinary, day).count).toBe(expected);
  });

  it('a 30-day month: the third is due on the 21st, not before', () => {
    const two = [push('2026-04-01T10:00:00+08:00'), push('2026-04-11T10:00:00+08:00')];
    expect(due(two, ordinary, '2026-04-20').count).toBe(0);
    expect(due(two, ordinary, '2026-04-21').count).toBe(1);
  });

  it('a 公益性岗位 owed to a 就业困难人员 takes the next slot, or comes on top once three went out', () => {
    const difficult = { difficult: true, wantsInternship: false };
    expect(due([], difficult, '2026-03-01')).toEqual({
      count: 1,
      general: 1,
      publicWelfare: true,
      internship: false,
    });
    const three = [1, 11, 21].map((d) =>
      push(`2026-03-${String(d).padStart(2, '0')}T10:00:00+08:00`),
    );
    expect(due(three, difficult, '2026-03-22')).toEqual({
      count: 1,
      general: 0, // on top: only a 公益性岗位 may fill it
      publicWelfare: true,
      internship: false,
    });
    const met = [...three, push('2026-03-22T10:00:00+08:00', true)];
    expect(due(met, difficult, '2026-03-23').count).toBe(0);
  });

  it('both owed and behind: both, on top of the count if need be', () => {
    const both = { difficult: true, wantsInternship: true };
    expect(due([], both, '2026-03-01')).toEqual({
      count: 1,
      general: 1,
      publicWelfare: true,
      internship: true,
    });
    const two = [push('2026-03-01T10:00:00+08:00'), push('2026-03-11T10:00:00+08:00')];
    expect(due(two, both, '2026-03-21')).toEqual({
      count: 2,
      general: 1,
      publicWelfare: true,
      internship: true,
    });
  });

  it('a past month is over (missed), a month not yet begun owes nothing', () => {
    const plan = pushPlan([], '2026-02', ordinary, '2026-03-01T10:00:00+08:00');
    expect(pushesDue(plan, '2026-03-01T10:00:00+08:00').count).toBe(0);
  });

  it('months are Shanghai’s: 00:30 on April 1st there is March 31st in UTC', () => {
    const now = '2026-03-31T16:30:00Z';
    const plan = pushPlan([], '2026-04', ordinary, now);
    expect(pushesDue(plan, now)).toMatchObject({ count: 1 });
  });
});

describe('岗位推荐 template', () => {
  it('cuts every field to 20 characters, keeping how many positions a message names', () => {
    const data = jobRecommendationData({
      title: '一个名字非常非常非常非常非常长的仓储物流管理岗位',
      companyName: '济宁市某某某某某某某某某某物流股份有限公司',
      count: 3,
      salary: '3000-4500元/月',
      place: '任城区 许庄街道',
      note: '意向职业一致：仓储管理员',
    });
    for (const field of Object.values(data))
      expect([...field.value].length).toBeLessThanOrEqual(20);
    expect(data.thing1!.value.endsWith('等3个岗位')).toBe(true);
    expect(data).toMatchObject({
      thing3: { value: '3000-4500元/月' },
      thing4: { value: '任城区 许庄街道' },
      thing5: { value: '意向职业一致：仓储管理员' },
    });
  });

  it('one position: its title as it is', () => {
    const data = jobRecommendationData({
      title: '仓储管理员',
      companyName: '济宁鲁运物流有限公司',
      count: 1,
      salary: '面议',
      place: '任城区',
      note: '',
    });
    expect(data.thing1).toEqual({ value: '仓储管理员' });
    expect(data.thing5).toEqual({ value: '无' });
  });
});

describe('the caseworker’s tasks as lifecycles', () => {
  it.each(HIRE_CONFIRMATION_STATUSES)('a hire to confirm, from %s', (from) => {
    const confirm = transitionHireConfirmation(from, { type: 'confirm' });
    const decline = transitionHireConfirmation(from, { type: 'decline', reason: '入职前放弃' });
    if (from === 'pending') {
      expect(confirm).toEqual({ ok: true, to: 'confirmed' });
      expect(decline).toEqual({ ok: true, to: 'notEmployed' });
    } else {
      expect(confirm.ok).toBe(false);
      expect(decline.ok).toBe(false);
    }
  });

  it('not employed needs the reason', () => {
    expect(transitionHireConfirmation('pending', { type: 'decline', reason: '  ' })).toEqual({
      ok: false,
      reason: '请写明未入职的原因',
    });
  });

  it.each([
    [{ caseworkerTask: false, toldAt: null }, 'none', false],
    [{ caseworkerTask: true, toldAt: null }, 'open', true],
    [{ caseworkerTask: true, toldAt: new Date() }, 'told', false],
  ])('a push %j is %s; telling it is allowed: %s', (push, state, allowed) => {
    expect(pushTaskState(push)).toBe(state);
    expect(transitionPushTask(pushTaskState(push)).ok).toBe(allowed);
  });
});
