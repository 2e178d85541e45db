/**
 * A hire is never lost on its way to the caseworker: the employer's move to 'hired' and the
 * caseworker's confirmation task (入职待确认) commit together, so a function that dies right after
 * the hire still leaves the task; a retry by the employer changes nothing and tells nobody twice.
 *
 * The crash is injected at the database handle the action is given (the platform's side), never
 * in our modules: the transaction commits, and the instance dies before its next step.
 */
import type { LocalCloud } from '@nuanxin/local';

import { database } from '../_lib';
import { addVacancy } from '../push/fixtures';
import { fixClock, makeSeeker, registered } from '../test/registration';
import {
  AS,
  caller as callerOf,
  CRASH,
  diesAfterCommit,
  runHandler,
  seededCloud,
} from '../test/support';

import { moveApplication } from './employer';

// Monday 2026-03-02 10:00 in Shanghai.
const START = new Date('2026-03-02T02:00:00Z');

let cloud: LocalCloud;
beforeEach(async () => {
  fixClock(START);
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

const store = (name: string) => cloud.store.collection(name);
function callAs(openid: string) {
  const call = callerOf(cloud, openid);
  return (fn: 'jobs' | 'casework', action: string, payload: unknown = {}): Promise<any> =>
    call(fn, action as never, payload);
}

/** A registered person whose application the employer has offered: the ids. */
async function offered(openid: string, name: string) {
  const registrationId = await registered(cloud, openid, makeSeeker({ name }).sections);
  const vacancyId = addVacancy(cloud, { title: '仓储管理员' });
  const applied = await callAs(openid)('jobs', 'apply', { vacancyId });
  expect(applied.ok).toBe(true);
  const applicationId = applied.data.application.id as string;
  for (const event of ['invite', 'offer']) {
    const moved = await callAs(AS.employer)('jobs', 'moveApplication', {
      applicationId,
      event,
      note: event === 'invite' ? '3月5日上午9点面试' : '',
    });
    expect(moved.ok).toBe(true);
  }
  return { registrationId, applicationId };
}

/** The employer's hire, run by an instance that dies right after the move to 'hired' commits. */
async function hireAndDie(applicationId: string) {
  await expect(
    runHandler(
      cloud,
      AS.employer,
      moveApplication,
      { applicationId, event: 'hire', note: '', employerNote: null },
      diesAfterCommit,
    ),
  ).rejects.toThrow(CRASH);
}

const hireNotices = () =>
  store('messages').count({ openid: AS.caseworker, title: '包保对象入职待确认' }) +
  cloud.outbox().filter((m) => m.touser === AS.caseworker).length;

describe('a hire and its confirmation task', () => {
  it('a function that dies right after the hire still leaves the caseworker’s task; a retry neither doubles it nor tells anyone twice', async () => {
    const { registrationId, applicationId } = await offered('wx-hire-crash', '入职崩溃');

    await hireAndDie(applicationId);

    const [application] = store('applications').find({ _id: applicationId });
    expect(application).toMatchObject({ status: 'hired' });
    // Hired ⇒ a task for the caseworker, whatever point the function died at.
    expect(store('hire_confirmations').find({ _id: applicationId })).toEqual([
      expect.objectContaining({ registrationId, status: 'pending', personName: '入职崩溃' }),
    ]);
    const tasks = (await callAs(AS.caseworker)('casework', 'tasks', {})).data.tasks as any[];
    expect(tasks.filter((t) => t.kind === 'confirmHire' && t.id === applicationId)).toHaveLength(1);
    // The notice died with the instance; the task on their page stands in for it.
    expect(hireNotices()).toBe(0);

    // The employer, having seen an error, taps 确认入职 again: refused, nothing more anywhere.
    const writes = cloud.writeCount();
    const again = await callAs(AS.employer)('jobs', 'moveApplication', {
      applicationId,
      event: 'hire',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(cloud.writeCount()).toBe(writes);
    expect(store('hire_confirmations').count({ _id: applicationId })).toBe(1);
    expect(hireNotices()).toBe(0);
  });

  it('without a crash: one task and one notice to the caseworker; a repeated hire adds neither', async () => {
    const { applicationId } = await offered('wx-hire-ok', '入职正常');
    const hired = await callAs(AS.employer)('jobs', 'moveApplication', {
      applicationId,
      event: 'hire',
    });
    expect(hired.ok).toBe(true);
    expect(store('hire_confirmations').count({ _id: applicationId })).toBe(1);
    expect(hireNotices()).toBe(1);
    // The application's log has the hire once, committed with the task.
    expect(store('application_log').count({ applicationId, event: 'hire' })).toBe(1);

    await callAs(AS.employer)('jobs', 'moveApplication', { applicationId, event: 'hire' });
    expect(store('hire_confirmations').count({ _id: applicationId })).toBe(1);
    expect(hireNotices()).toBe(1);
  });

  it('a hire of someone no longer registered opens no task, and the hire itself still goes through', async () => {
    const { registrationId, applicationId } = await offered('wx-hire-gone', '已注销');
    // The caseworker closed the registration meanwhile (found work elsewhere).
    await cloud.runAs({}, async () => {
      await database()
        .collection('registrations')
        .doc(registrationId)
        .update({ data: { status: 'employed' } });
    });
    const hired = await callAs(AS.employer)('jobs', 'moveApplication', {
      applicationId,
      event: 'hire',
    });
    expect(hired.ok).toBe(true);
    expect(store('applications').find({ _id: applicationId })[0]).toMatchObject({
      status: 'hired',
    });
    expect(store('hire_confirmations').count({ _id: applicationId })).toBe(0);
    expect(hireNotices()).toBe(0);
  });
});
