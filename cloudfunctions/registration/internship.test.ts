/**
 * The 就业见习 question (000 §5(3): "面向有就业见习意愿的离校2年内未就业高校毕业生至少推荐1个就业
 * 见习岗位"): a recent graduate's answer is stored with the registration and correctable; anyone
 * else's is dropped. One rule (`wantsInternship`) then decides, for matching, the push run and the
 * caseworker's plan: a recent graduate who said no is neither owed nor offered a 见习岗位; one who
 * said yes or nothing (registrations from before the question) is, as before; nobody else ever.
 */
import type { LocalCloud } from '@nuanxin/local';
import { CONSENT_VERSION } from '@nuanxin/shared';

import { addVacancy, recommend } from '../push/fixtures';
import {
  callAs,
  daysAgo,
  fixClock,
  makeGraduate,
  makeSeeker,
  registered,
} from '../test/registration';
import { caller, seededCloud } from '../test/support';

// Sunday 2026-03-01 10:00 in Shanghai: the first day of a month, as in the push tests.
const MARCH_1 = new Date('2026-03-01T02:00:00Z');
/** The 人才服务中心 caseworker of 许庄街道, who serves recent graduates there. */
const TALENT = 'demo-talent-1';

let cloud: LocalCloud;
beforeEach(async () => {
  fixClock(MARCH_1);
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  await cloud.close();
});

const coll = (name: string) => cloud.store.collection(name);
const recordOf = (id: string) => coll('registrations').find({ _id: id })[0] as any;
const call = (openid: string) => callAs(cloud, openid);
/** The person's page on the caseworker's workbench, read loosely. */
async function workbench(caseworker: string, registrationId: string): Promise<any> {
  const res: any = await caller(cloud, caseworker)('casework', 'person', { registrationId });
  expect(res.ok).toBe(true);
  return res.data.person;
}

/** Runs the matching timer until its refresh queue is empty. */
async function drainMatching() {
  for (let runs = 0; runs < 20 && coll('match_queue').count() > 0; runs += 1) {
    await cloud.scheduler.runTimer('matching');
  }
  expect(coll('match_queue').count()).toBe(0);
}

/** A registration form whose wishes carry the 见习 answer (absent: not answered). */
function withAnswer<S extends { wishes: object }>(sections: S, answer?: unknown): S {
  const wishes = {
    ...sections.wishes,
    ...(answer === undefined ? {} : { wantsInternship: answer }),
  };
  return { ...sections, wishes };
}

describe('the registration keeps the answer of recent graduates only', () => {
  it('a recent graduate’s “no” is stored and comes back in 我的登记 (the draft view)', async () => {
    const id = await registered(cloud, 'wx-intern-no', withAnswer(makeGraduate().sections, false));
    expect(recordOf(id).wishes.wantsInternship).toBe(false);
    const mine = await call('wx-intern-no')('registration', 'getMine', {});
    expect(mine.data.registration.draft.wishes.wantsInternship).toBe(false);
    expect(mine.data.registration.tags.map((t: any) => t.key)).toContain('recentGraduate');
  });

  it('anyone else’s answer is dropped, not refused: a non-graduate, a graduate of 3 years ago', async () => {
    const plain = await registered(
      cloud,
      'wx-intern-plain',
      withAnswer(makeSeeker().sections, true),
    );
    expect(recordOf(plain).wishes).not.toHaveProperty('wantsInternship');
    const earlier = makeGraduate({ age: 27, graduationDate: daysAgo(3 * 366) });
    const old = await registered(cloud, 'wx-intern-old', withAnswer(earlier.sections, true));
    expect(recordOf(old).tags).not.toContain('recentGraduate');
    expect(recordOf(old).wishes).not.toHaveProperty('wantsInternship');
  });

  it('only a yes or a no: any other value is refused at the field and nothing is written', async () => {
    const graduate = makeGraduate();
    const saved = await call('wx-intern-bad')('registration', 'giveConsent', {
      version: CONSENT_VERSION,
    });
    expect(saved.ok).toBe(true);
    const before = cloud.writeCount();
    const draft = await call('wx-intern-bad')('registration', 'saveDraft', {
      step: 3,
      sections: withAnswer(graduate.sections, 'yes'),
    });
    expect(draft).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(Object.keys(draft.error.fields)).toEqual([
      expect.stringMatching(/wishes\.wantsInternship$/),
    ]);
    expect(cloud.writeCount()).toBe(before);

    await registered(cloud, 'wx-intern-bad', graduate.sections);
    const stored = cloud.writeCount();
    const corrected = await call('wx-intern-bad')('registration', 'correct', {
      wishes: { ...graduate.sections.wishes, wantsInternship: 1 },
    });
    expect(corrected).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(Object.keys(corrected.error.fields)).toEqual([
      expect.stringMatching(/wishes\.wantsInternship$/),
    ]);
    expect(cloud.writeCount()).toBe(stored);
  });
});

describe('changing the answer is a correction that refreshes the recommendations', () => {
  it('no → the 见习岗位 leaves the list at the next matching pass; yes → it is back', async () => {
    const graduate = makeGraduate();
    const id = await registered(cloud, 'wx-intern-change', graduate.sections);
    const intern = addVacancy(cloud, { title: '见习文员', flags: { internship: true } });
    // Queued as the employer's publication queues it.
    coll('match_queue').insert({
      _id: `vacancy:${intern}`,
      kind: 'vacancy',
      targetId: intern,
      trigger: 'vacancy',
      enqueuedAt: new Date(),
      cursor: null,
    });
    await drainMatching();
    const listed = () => {
      const r = coll('recommendations').find({ _id: id })[0] as any;
      return [...r.items.map((i: any) => i.vacancyId), r.extras.internship?.vacancyId];
    };
    // Not answered (as every registration before the question): offered, as before.
    expect(listed()).toContain(intern);
    expect(coll('match_queue').count()).toBe(0);

    const no = await call('wx-intern-change')('registration', 'correct', {
      wishes: { ...graduate.sections.wishes, wantsInternship: false },
    });
    expect(no.ok).toBe(true);
    expect(recordOf(id).wishes.wantsInternship).toBe(false);
    expect(coll('match_queue').find({ _id: `registration:${id}` })[0]).toMatchObject({
      trigger: 'wishes',
    });
    const history = await call('wx-intern-change')('registration', 'history', {});
    expect(history.data.entries.map((e: any) => e.label)).toContainEqual(
      expect.stringMatching(/：愿意参加就业见习$/),
    );
    await drainMatching();
    expect(listed()).not.toContain(intern);
    expect((coll('recommendations').find({ _id: id })[0] as any).extras.internship).toBeNull();

    const yes = await call('wx-intern-change')('registration', 'correct', {
      wishes: { ...graduate.sections.wishes, wantsInternship: true },
    });
    expect(yes.ok).toBe(true);
    await drainMatching();
    expect(listed()).toContain(intern);
  });
});

describe('the push run and the caseworker’s plan follow the answer', () => {
  it('said no: no 见习 requirement and no 见习 push; said yes or nothing: owed one and pushed it first', async () => {
    const declined = await registered(
      cloud,
      'wx-intern-p-no',
      withAnswer(makeGraduate({ name: '不见习' }).sections, false),
    );
    const silent = await registered(cloud, 'wx-intern-p-none', makeGraduate().sections);
    const willing = await registered(
      cloud,
      'wx-intern-p-yes',
      withAnswer(makeGraduate({ name: '愿见习' }).sections, true),
    );
    const intern = addVacancy(cloud, { title: '见习文员', flags: { internship: true } });
    const plain = [addVacancy(cloud), addVacancy(cloud), addVacancy(cloud)];
    // A stale list that still names the 见习岗位 for the one who said no: the run holds the rule.
    recommend(cloud, declined, [intern, ...plain], { internship: intern });
    recommend(cloud, silent, plain, { internship: intern });
    recommend(cloud, willing, plain, { internship: intern });

    await cloud.scheduler.runTimer('push', MARCH_1);
    const pushed = (registrationId: string) =>
      (coll('pushes').find({ registrationId }) as any[]).map((p) => p.vacancyId);
    expect(pushed(declined)).toEqual([plain[0]]);
    expect(pushed(silent)).toEqual([intern]);
    expect(pushed(willing)).toEqual([intern]);

    const planOf = async (registrationId: string) =>
      (await workbench(TALENT, registrationId)).pushPlan;
    expect(await planOf(declined)).toMatchObject({ pushes: 1, internship: null });
    expect(await planOf(silent)).toMatchObject({ internship: { done: 1, required: true } });
    expect(await planOf(willing)).toMatchObject({ internship: { done: 1, required: true } });
  });

  it('once the 2 years are over the stored yes no longer counts: no 见习 requirement, no 见习 push', async () => {
    const id = await registered(
      cloud,
      'wx-intern-p-later',
      withAnswer(makeGraduate({ graduationDate: daysAgo(100) }).sections, true),
    );
    expect(recordOf(id).wishes.wantsInternship).toBe(true);
    // Two years and a bit after leaving school: no longer 离校2年内.
    const later = new Date('2028-03-01T02:00:00Z');
    fixClock(later);
    const intern = addVacancy(cloud, {
      title: '见习文员',
      flags: { internship: true },
      validUntil: '2028-12-31',
    });
    const plain = addVacancy(cloud, { validUntil: '2028-12-31' });
    recommend(cloud, id, [intern, plain], { internship: intern });
    await cloud.scheduler.runTimer('push', later);
    expect((coll('pushes').find({ registrationId: id }) as any[]).map((p) => p.vacancyId)).toEqual([
      plain,
    ]);
    const caseworker = recordOf(id).caseworkerOpenid as string;
    const person = await workbench(caseworker, id);
    expect(person.tags.map((t: any) => t.key)).not.toContain('recentGraduate');
    expect(person.pushPlan).toMatchObject({ internship: null });
  });
});
