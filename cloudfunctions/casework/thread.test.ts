/**
 * The gaps of issue 7 closed together:
 *  - the citizen adds to their own request while it is open (补充说明): another's is NOT_FOUND, a
 *    closed one is refused, the text is checked; an answered request waits again, its deadline
 *    and escalations counted from the addition, and whoever answers it is told;
 *  - requests asked before registering follow the person to their caseworker;
 *  - confirming a hire commits the move to employed and the decided task together;
 *  - a cap or a plan is never changed without its audit entry;
 *  - contacts count in the township the person lived in when served.
 * Crashes and refusals are injected at the database handle the action is given (the platform's
 * side), never in our modules.
 */
import type { LocalCloud } from '@nuanxin/local';
import { dayjs, type ActionName } from '@nuanxin/shared';

import { database } from '../_lib';
import { addVacancy } from '../push/fixtures';
import { addStaff, fixClock, makeSeeker, registered } from '../test/registration';
import {
  AS,
  bound,
  caller as callerOf,
  CRASH,
  diesAfterCommit,
  runHandler,
  seededCloud,
} from '../test/support';

import { savePlan } from './handlers/people';
import { setCap } from './handlers/supervisor';
import { confirmHire } from './handlers/tasks';

// Friday 2026-11-20 15:00 in Shanghai.
const FRIDAY = new Date('2026-11-20T07:00:00Z');
const REFUSED = '数据库拒绝写入（测试注入）';

let cloud: LocalCloud;
beforeEach(async () => {
  fixClock(FRIDAY);
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

function as(openid: string) {
  const call = callerOf(cloud, openid);
  return (action: ActionName<'casework'>, payload: unknown = {}): Promise<any> =>
    call('casework', action, payload);
}
function callAs(openid: string) {
  const call = callerOf(cloud, openid);
  return (fn: 'jobs' | 'casework' | 'registration', action: string, payload: unknown = {}) =>
    call(fn, action as never, payload) as Promise<any>;
}
const at = (shanghai: string) => jest.setSystemTime(dayjs.tz(shanghai, 'Asia/Shanghai').toDate());
const store = (name: string) => cloud.store.collection(name);
const requestOf = (id: string) => store('requests').find({ _id: id })[0] as any;
const alertsTo = (openid: string, text: string) =>
  store('messages')
    .find({ openid, kind: 'requestAlert' })
    .filter((m: any) => String(m.body).includes(text));

async function askAs(openid: string, text = '请问失业保险金什么时候发放？') {
  const res = await as(openid)('ask', { kind: 'insurance', text });
  expect(res.ok).toBe(true);
  return res.data.request.id as string;
}

describe('the citizen adds to their request (补充说明)', () => {
  it('joins the thread in order; an answered request waits again and the caseworker is told', async () => {
    await registered(cloud, 'wx-add-1', makeSeeker({ name: '补充人' }).sections);
    const id = await askAs('wx-add-1');
    const opened = await as('wx-add-1')('requestThread', { requestId: id });
    expect(opened.data.request).toMatchObject({ canAddTo: true });

    // Still waiting: the addition keeps the deadline of the ask.
    at('2026-11-20 15:30');
    const first = await as('wx-add-1')('addToRequest', {
      requestId: id,
      text: '补充：我是10月底离职的。',
    });
    expect(first).toMatchObject({
      ok: true,
      data: { request: { status: 'open', answerDue: '2026-11-23T07:00:00.000Z' } },
    });
    expect(alertsTo(AS.caseworker, '补充：我是10月底离职的。')).toHaveLength(1);

    at('2026-11-20 16:00');
    await as(AS.caseworker)('answer', { requestId: id, text: '离职次月起可以申领。' });
    // Monday 10:00: the citizen asks on.
    at('2026-11-23 10:00');
    const again = await as('wx-add-1')('addToRequest', {
      requestId: id,
      text: '  那需要带什么材料？  ',
    });
    expect(again).toMatchObject({
      ok: true,
      data: {
        request: {
          status: 'open',
          statusLabel: '待答复',
          // From the addition: Monday 10:00 + 1 working day.
          answerDue: '2026-11-24T02:00:00.000Z',
          canAddTo: true,
        },
      },
    });
    expect(alertsTo(AS.caseworker, '那需要带什么材料？')).toHaveLength(1);

    // The caseworker's thread: the citizen's additions in order, answerable again.
    const thread = await as(AS.caseworker)('requestThread', { requestId: id });
    expect(thread.data.canAnswer).toBe(true);
    expect(thread.data.messages.map((m: any) => [m.author, m.text])).toEqual([
      ['本人', '请问失业保险金什么时候发放？'],
      ['本人', '补充：我是10月底离职的。'],
      ['张敏', '离职次月起可以申领。'],
      ['本人', '那需要带什么材料？'],
    ]);
    const box = await as(AS.caseworker)('inbox', {});
    expect(box.data.requests.find((r: any) => r.id === id)).toMatchObject({ status: 'open' });
  });

  it('the deadline and escalations count from the addition, not the original ask', async () => {
    await registered(cloud, 'wx-add-2', makeSeeker({ name: '追问人' }).sections);
    const id = await askAs('wx-add-2');
    at('2026-11-20 16:00');
    await as(AS.caseworker)('answer', { requestId: id, text: '每月15日前发放。' });
    // Wednesday 11:00, three working days after the ask.
    at('2026-11-25 11:00');
    await as('wx-add-2')('addToRequest', { requestId: id, text: '这个月还没有到账。' });
    const run = async (when: string) => {
      at(when);
      await cloud.scheduler.runTimer('casework', new Date());
    };
    const late = () =>
      store('messages')
        .find({ openid: AS.supervisor, kind: 'requestAlert' })
        .filter((m: any) => String(m.title).includes('未答复') && m.body.startsWith('追问人'));
    await run('2026-11-25 12:00');
    expect(requestOf(id).escalationLevel).toBe(0);
    expect(late()).toHaveLength(0);
    await run('2026-11-26 10:59'); // not yet a working day since the addition
    expect(requestOf(id).escalationLevel).toBe(0);
    await run('2026-11-26 11:00');
    expect(requestOf(id).escalationLevel).toBe(1);
    expect(late()).toHaveLength(1);
    expect(late()[0]?.body).toContain('2026-11-25 11:00');
    const box = await as(AS.supervisor)('inbox', {});
    expect(box.data.requests.find((r: any) => r.id === id)).toMatchObject({
      reason: 'escalated',
      overdue: true,
    });
  });

  it('without a caseworker the supervisors are told', async () => {
    const id = await askAs('demo-citizen-9', '毕业生见习岗位怎么报名？');
    await as('demo-citizen-9')('addToRequest', { requestId: id, text: '我是2026届毕业生。' });
    expect(alertsTo(AS.supervisor, '我是2026届毕业生。')).toHaveLength(1);
  });

  it('another’s request is NOT_FOUND, a closed one and bad text are refused in Chinese; nothing is written', async () => {
    await registered(cloud, 'wx-add-3', makeSeeker({ name: '甲某人' }).sections);
    const id = await askAs('wx-add-3');
    const closed = await askAs('wx-add-3', '第二个问题：培训有补贴吗？');
    expect((await as('wx-add-3')('closeRequest', { requestId: closed })).ok).toBe(true);
    const before = cloud.writeCount();
    const refusals = [
      ['wx-add-other', { requestId: id, text: '冒充补充内容' }, 'NOT_FOUND', /没有找到这条求助/],
      ['wx-add-3', { requestId: 'no-such-request', text: '补充内容' }, 'NOT_FOUND', /没有找到/],
      ['wx-add-3', { requestId: closed, text: '再补充一句' }, 'CONFLICT', /已经结束.*重新提交/],
      ['wx-add-3', { requestId: id, text: ' 好 ' }, 'VALIDATION', /至少2个字/],
      ['wx-add-3', { requestId: id, text: '长'.repeat(501) }, 'VALIDATION', /不超过500个字/],
      ['wx-add-3', { requestId: id }, 'VALIDATION', /请填写补充内容/],
    ] as const;
    for (const [openid, payload, code, message] of refusals) {
      const res = await as(openid)('addToRequest', payload);
      expect({ openid, payload, res }).toMatchObject({
        openid,
        payload,
        res: { ok: false, error: { code, message: expect.stringMatching(message) } },
      });
    }
    // Staff do not add to a citizen's request (they answer it).
    const staff = await as(AS.caseworker)('addToRequest', { requestId: id, text: '工作人员' });
    expect(staff).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(cloud.writeCount()).toBe(before);
    expect(store('request_messages').count({ requestId: id })).toBe(1);
    const mine = await as('wx-add-3')('myRequests', {});
    expect(mine.data.requests.find((r: any) => r.id === closed)).toMatchObject({
      canAddTo: false,
    });
  });
});

describe('requests asked before registering', () => {
  it('follow the person to their caseworker: inbox, person timeline, caseload count', async () => {
    const openid = 'wx-before-reg';
    const asked = await as(openid)('ask', {
      kind: 'job',
      text: '我想找仓库的工作，怎么登记？',
      township: '370811002',
    });
    const id = asked.data.request.id as string;
    expect(requestOf(id)).toMatchObject({ registrationId: null, caseworkerOpenid: null });
    expect(
      (await as(AS.caseworker)('inbox', {})).data.requests.map((r: any) => r.id),
    ).not.toContain(id);

    const registrationId = await registered(
      cloud,
      openid,
      makeSeeker({ name: '先问后登' }).sections,
    );
    // The caseworker's inbox is the first to read it: it is theirs now.
    const box = await as(AS.caseworker)('inbox', {});
    expect(box.data.requests.find((r: any) => r.id === id)).toMatchObject({
      reason: 'own',
      registrationId,
      personName: '先问后登',
    });
    expect(requestOf(id)).toMatchObject({ registrationId, caseworkerOpenid: AS.caseworker });
    const person = await as(AS.caseworker)('person', { registrationId });
    expect(JSON.stringify(person.data.timeline)).toContain('我想找仓库的工作');
    expect((await as(AS.caseworker)('requestThread', { requestId: id })).ok).toBe(true);
    const mine = await as(openid)('myRequests', {});
    expect(mine.data.requests[0]).toMatchObject({ id, handler: '张敏' });
    // No longer in the supervisor's unassigned queue.
    const queue = (await as(AS.supervisor)('inbox', {})).data.requests;
    expect(queue.find((r: any) => r.id === id)?.reason).not.toBe('unassigned');
  });

  it('are tied by the hourly timer too, so the caseload counts them', async () => {
    const openid = 'wx-before-reg-2';
    const asked = await as(openid)('ask', {
      kind: 'policy',
      text: '请问灵活就业社保补贴怎么申请？',
      township: '370811002',
    });
    const id = asked.data.request.id as string;
    const registrationId = await registered(cloud, openid, makeSeeker({ name: '定时' }).sections);
    at('2026-11-23 09:00');
    await cloud.scheduler.runTimer('casework', new Date());
    expect(requestOf(id)).toMatchObject({ registrationId });
    const load = await as(AS.caseworker)('caseload', {});
    expect(load.data.people.find((p: any) => p.id === registrationId)).toMatchObject({
      openRequests: 1,
    });
  });
});

/** A store whose audit log refuses writes (inside transactions too). */
function auditRefused<T extends object>(db: T): T {
  return new Proxy(db, {
    get: (target, key) => {
      if (key === 'collection') {
        return (name: string) => {
          const coll = (target as unknown as { collection(n: string): object }).collection(name);
          if (name !== 'audit_log') return coll;
          return new Proxy(coll, {
            get: (c, k) => (k === 'add' ? () => Promise.reject(new Error(REFUSED)) : bound(c, k)),
          });
        };
      }
      if (key === 'runTransaction') {
        return (body: (tx: object) => Promise<unknown>) =>
          (
            target as unknown as {
              runTransaction(b: (tx: object) => Promise<unknown>): Promise<unknown>;
            }
          ).runTransaction((tx) => body(auditRefused(tx)));
      }
      return bound(target, key);
    },
  });
}

describe('writes that commit together', () => {
  it('confirming a hire: a function that dies after its commit leaves the person employed and the task decided', async () => {
    const registrationId = await registered(
      cloud,
      'wx-hire-tx',
      makeSeeker({ name: '入职' }).sections,
    );
    const vacancyId = addVacancy(cloud, { title: '仓储管理员' });
    const applied = await callAs('wx-hire-tx')('jobs', 'apply', { vacancyId });
    const applicationId = applied.data.application.id as string;
    for (const event of ['invite', 'offer', 'hire']) {
      const moved = await callAs(AS.employer)('jobs', 'moveApplication', {
        applicationId,
        event,
        note: event === 'invite' ? '面试' : '',
      });
      expect(moved.ok).toBe(true);
    }
    await expect(
      runHandler(
        cloud,
        AS.caseworker,
        confirmHire,
        { applicationId, employed: true, note: '电话核实已上岗' },
        diesAfterCommit,
      ),
    ).rejects.toThrow(CRASH);
    expect(store('registrations').find({ _id: registrationId })[0]).toMatchObject({
      status: 'employed',
    });
    expect(store('hire_confirmations').find({ _id: applicationId })[0]).toMatchObject({
      status: 'confirmed',
      note: '电话核实已上岗',
    });
    expect(
      store('audit_log').count({ action: 'casework.confirmHire', subjectId: registrationId }),
    ).toBe(1);
    // Done once: a retry is a CONFLICT, not a second move.
    const retry = await as(AS.caseworker)('confirmHire', {
      applicationId,
      employed: true,
      note: '',
    });
    expect(retry).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a cap is not changed when its audit entry cannot be written', async () => {
    const capNow = () =>
      (store('users').find({ openid: AS.caseworker })[0] as any).caseloadCap ?? null;
    const before = capNow();
    await expect(
      runHandler(
        cloud,
        AS.supervisor,
        setCap,
        { caseworkerOpenid: AS.caseworker, cap: 7 },
        auditRefused,
      ),
    ).rejects.toThrow(REFUSED);
    expect(capNow()).toBe(before);
    expect(store('audit_log').count({ action: 'casework.setCap' })).toBe(0);
  });

  it('a plan is not saved when its audit entry cannot be written', async () => {
    const registrationId = await registered(
      cloud,
      'wx-plan-tx',
      makeSeeker({ name: '计划' }).sections,
    );
    await expect(
      runHandler(
        cloud,
        AS.caseworker,
        savePlan,
        {
          registrationId,
          needType: 'jobSearch',
          goals: '三个月内在本区找到仓储类工作',
          nextSteps: '每周推荐两个岗位',
          advisorName: '',
        },
        auditRefused,
      ),
    ).rejects.toThrow(REFUSED);
    expect(store('assistance_plans').count({ registrationId })).toBe(0);
  });
});

describe('statistics by the township of the time', () => {
  it('a person who moves after a contact is still counted in the old township for that period', async () => {
    const registrationId = await registered(
      cloud,
      'wx-move',
      makeSeeker({ name: '搬家' }).sections,
    );
    const recorded = await as(AS.caseworker)('recordContact', {
      registrationId,
      kind: 'guidance',
      channel: 'office',
      outcome: 'reached',
      situation: null,
      amount: null,
      counsellor: '李老师',
      note: '职业指导一次',
    });
    expect(recorded.ok).toBe(true);
    const old = (store('registrations').find({ _id: registrationId })[0] as any).township;
    expect(store('contacts').find({ registrationId })[0]).toMatchObject({ township: old });
    // The person moves to 兖州区 afterwards.
    addStaff(cloud, { openid: 'sup-city', role: 'supervisor', org: 'employment', townships: [] });
    await cloud.runAs({ openid: 'sup-city' }, async () => {
      await database()
        .collection('registrations')
        .doc(registrationId)
        .update({ data: { township: '370812001', identity: { township: '370812001' } } });
    });
    const period = { from: '2026-11-01', to: '2026-11-30', township: null };
    const table = await as('sup-city')('stats', period);
    expect(table.ok).toBe(true);
    const row = (t: string) => table.data.townships.find((r: any) => r.township === t);
    expect(row(old)?.guidance.people).toBeGreaterThanOrEqual(1);
    const drill = await as('sup-city')('stats', {
      ...period,
      drill: { column: 'guidance', township: old },
    });
    expect(drill.data.drill.list.map((p: any) => p.registrationId)).toContain(registrationId);
    const moved = await as('sup-city')('stats', {
      ...period,
      drill: { column: 'guidance', township: '370812001' },
    });
    expect(moved.data.drill.list.map((p: any) => p.registrationId)).not.toContain(registrationId);
  });
});
