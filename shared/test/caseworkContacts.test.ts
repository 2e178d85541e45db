/**
 * Issue 7: the follow-up schedule derived from the registration status and the recorded contacts
 * (001 §3(一)3), the "131" services among contacts, and the request lifecycle.
 */
import {
  followUpReminderData,
  requestNoticeData,
  applies131,
  appliesPushPlan,
  followUpOf,
  intervalLabel,
  progress131,
  servicesOf,
  transitionRequest,
  yuanOf,
  type ContactFacts,
} from '../src';

const contact = (
  kind: ContactFacts['kind'],
  at: string,
  more: Partial<ContactFacts> = {},
): ContactFacts => ({ kind, at, outcome: 'reached', situation: null, ...more });

describe('follow-up schedule from status and contacts', () => {
  it.each([
    ['registered', 'unemployed', '2026-04-10', 1],
    ['submitted', 'unemployed', '2026-04-10', 1],
    ['flexible', 'flexible', '2026-09-10', 6],
    ['employed', 'employed', '2027-03-10', 12],
  ] as const)('a %s person is %s, due %s', (status, situation, due, months) => {
    const f = followUpOf({ status, statusSince: '2026-03-10 10:00', contacts: [] }, '2026-03-20')!;
    expect(f).toMatchObject({ situation, due, intervalMonths: months, lastContactAt: null });
  });

  it.each(['draft', 'cancelled'] as const)('a %s registration is not followed up', (status) => {
    expect(
      followUpOf({ status, statusSince: '2026-03-10', contacts: [] }, '2026-03-20'),
    ).toBeNull();
  });

  it('a reached follow-up restarts the clock; an unanswered call does not', () => {
    const base = { status: 'registered' as const, statusSince: '2026-01-05 09:00' };
    const reached = followUpOf(
      { ...base, contacts: [contact('followUp', '2026-02-20 10:00')] },
      '2026-03-10',
    )!;
    expect(reached).toMatchObject({ due: '2026-03-20', state: 'notDue', overdueDays: 0 });
    const missed = followUpOf(
      {
        ...base,
        contacts: [contact('followUp', '2026-02-20 10:00', { outcome: 'unreachable' })],
      },
      '2026-03-10',
    )!;
    expect(missed).toMatchObject({ due: '2026-02-05', state: 'overdue', overdueDays: 33 });
  });

  it('guidance and visits count as follow-ups; referrals and relief do not', () => {
    const base = { status: 'registered' as const, statusSince: '2026-01-05 09:00' };
    const due = (kind: ContactFacts['kind']) =>
      followUpOf({ ...base, contacts: [contact(kind, '2026-01-25 10:00')] }, '2026-01-26')!.due;
    expect(due('guidance')).toBe('2026-02-25');
    expect(due('visit')).toBe('2026-02-25');
    expect(due('followUp')).toBe('2026-02-25');
    expect(due('jobReferral')).toBe('2026-02-05');
    expect(due('trainingReferral')).toBe('2026-02-05');
    expect(due('relief')).toBe('2026-02-05');
  });

  it('a recorded 暂无就业意愿 reschedules to half a year; a later status change wins', () => {
    const notSeeking = contact('followUp', '2026-02-01 10:00', { situation: 'notSeeking' });
    const registered = followUpOf(
      { status: 'registered', statusSince: '2026-01-05', contacts: [notSeeking] },
      '2026-02-02',
    )!;
    expect(registered).toMatchObject({ situation: 'notSeeking', due: '2026-08-01' });
    // Found work on 03-01 (status change after the contact): yearly from then.
    const employed = followUpOf(
      { status: 'employed', statusSince: '2026-03-01 09:00', contacts: [notSeeking] },
      '2026-03-02',
    )!;
    expect(employed).toMatchObject({ situation: 'employed', due: '2027-03-01' });
  });

  it('an employed person whose follow-up finds them out of work is followed monthly', () => {
    const f = followUpOf(
      {
        status: 'employed',
        statusSince: '2026-01-10',
        contacts: [contact('followUp', '2026-06-15 11:00', { situation: 'unemployed' })],
      },
      '2026-07-20',
    )!;
    expect(f).toMatchObject({ situation: 'unemployed', due: '2026-07-15', overdueDays: 5 });
  });

  it('the clock uses Shanghai dates: a call at 01:00 Shanghai on the 1st is that day', () => {
    const f = followUpOf(
      {
        status: 'registered',
        statusSince: '2026-01-05',
        // 2026-02-28 17:00 UTC = 03-01 01:00 Shanghai
        contacts: [contact('followUp', '2026-02-28T17:00:00Z')],
      },
      '2026-03-31T16:30:00Z', // 04-01 00:30 Shanghai: due today
    )!;
    expect(f).toMatchObject({ due: '2026-04-01', state: 'dueToday' });
  });

  it('labels the intervals', () => {
    expect([1, 6, 12, 3].map(intervalLabel)).toEqual(['每月', '每半年', '每年', '每3个月']);
  });
});

describe('"131" from contacts', () => {
  it('guidance and job referrals count; across the Shanghai year boundary', () => {
    const contacts = [
      contact('guidance', '2025-12-31T16:30:00Z'), // 2026-01-01 Shanghai
      contact('jobReferral', '2026-03-01'),
      contact('jobReferral', '2026-04-01'),
      contact('followUp', '2026-04-02'),
      contact('guidance', '2026-12-31T16:30:00Z'), // 2027
    ];
    const p = progress131(servicesOf(contacts), '2026');
    expect(p.summary).toBe('职业指导 1/1 · 岗位推荐 2/3 · 技能培训 0/1');
    expect(progress131(servicesOf(contacts), '2027').guidance.done).toBe(1);
  });

  it("a training referral is not the year's training: only a completed training is", () => {
    const referred = [contact('trainingReferral', '2026-03-01')];
    expect(servicesOf(referred)).toEqual([]);
    expect(progress131(servicesOf(referred), '2026').training).toEqual({
      done: 0,
      target: 1,
      met: false,
    });
  });

  it.each([
    ['unemployed', true, true],
    ['notSeeking', true, false],
    ['flexible', false, false],
    ['employed', false, false],
  ] as const)('%s: 131 applies %s, push plan applies %s', (situation, s131, push) => {
    expect(applies131(situation)).toBe(s131);
    expect(appliesPushPlan(situation)).toBe(push);
  });

  it('shows relief amounts kept in fen as yuan', () => {
    expect([50000, 12345, 1].map(yuanOf)).toEqual(['500', '123.45', '0.01']);
  });
});

describe('request lifecycle', () => {
  it.each([
    ['open', { type: 'answer' }, 'answered'],
    ['answered', { type: 'answer' }, 'answered'],
    ['answered', { type: 'close', by: 'staff' }, 'closed'],
    ['open', { type: 'close', by: 'citizen' }, 'closed'],
    ['answered', { type: 'close', by: 'citizen' }, 'closed'],
    ['closed', { type: 'rate', rated: false }, 'closed'],
  ] as const)('%s + %j → %s', (from, event, to) => {
    expect(transitionRequest(from, event)).toEqual({ ok: true, to });
  });

  it.each([
    ['closed', { type: 'answer' }, '已结束'],
    ['open', { type: 'close', by: 'staff' }, '请先答复'],
    ['closed', { type: 'close', by: 'citizen' }, '已经结束'],
    ['answered', { type: 'rate', rated: false }, '结束后才能评价'],
    ['closed', { type: 'rate', rated: true }, '已经评价'],
  ] as const)('%s + %j is refused (%s)', (from, event, reason) => {
    const result = transitionRequest(from, event);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});

describe('notices of issue 7 fit the template limits', () => {
  it('回访提醒: counts in one thing field, time in Shanghai', () => {
    const data = followUpReminderData({
      due: 12,
      overdue: 3,
      unanswered: 2,
      at: new Date('2026-11-23T00:00:00Z'),
    });
    expect(data).toEqual({
      thing1: { value: '包保对象跟踪回访' },
      thing2: { value: '今日回访12人，逾期3人，求助2条' },
      time3: { value: '2026-11-23 08:00' },
      thing4: { value: '请优先联系逾期人员' },
    });
  });

  it('求助答复/工单提醒: a long answer is cut to 20 characters, the state to 5', () => {
    const data = requestNoticeData({
      subject: '失业保险金',
      result: '超时未答复（1个工作日）',
      note: '您好，失业保险金每月15日前发放到社保卡，如未到账请携带身份证到街道服务站查询。',
      at: '2026-11-23 15:00',
    });
    expect([...data.thing3!.value]).toHaveLength(20);
    expect(data.thing3!.value.endsWith('…')).toBe(true);
    expect(data.phrase2).toEqual({ value: '超时未答复' });
    expect(data.time4).toEqual({ value: '2026-11-23 15:00' });
  });
});
