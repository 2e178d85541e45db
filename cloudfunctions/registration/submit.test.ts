/**
 * A citizen registers: consent first (单独同意), the form saved as a draft and resumed, strict
 * checks on submit that write nothing when they refuse, the working-age rule, one active
 * registration per ID number, and the result with a named caseworker.
 */
import type { LocalCloud } from '@nuanxin/local';
import { CONSENT_VERSION } from '@nuanxin/shared';

import {
  birthDateFor,
  consent,
  daysAgo,
  makeGraduate,
  makeSeeker,
  register,
  callAs,
} from '../test/registration';
import { seededCloud } from '../test/support';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

const ME = 'wx-seeker-0001';
const call = (openid = ME) => callAs(cloud, openid);

describe('consent (单独同意) comes before any personal data', () => {
  it.each(['saveDraft', 'submit', 'correct'] as const)(
    '%s without consent is FORBIDDEN, tells what to do, and writes nothing',
    async (action) => {
      const before = cloud.writeCount();
      const payload =
        action === 'saveDraft'
          ? { step: 0, sections: makeSeeker().sections }
          : action === 'correct'
            ? { identity: { mobile: '13900000000' } }
            : {};
      const result = await call()('registration', action, payload);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('同意') },
      });
      expect(cloud.writeCount()).toBe(before);
    },
  );

  it('the notice is versioned; giving consent records version and time, once', async () => {
    const notice = await call()('registration', 'getConsent', {});
    expect(notice).toMatchObject({
      ok: true,
      data: { notice: { version: CONSENT_VERSION }, accepted: null, withdrawnAt: null },
    });
    expect(notice.ok && notice.data.notice.sections.map((s: any) => s.heading)).toEqual([
      '收集什么',
      '为什么收集',
      '谁能看到',
      '保存多久',
    ]);
    const given = await consent(cloud, ME);
    expect(given).toMatchObject({ ok: true, data: { version: CONSENT_VERSION } });
    const before = cloud.writeCount();
    expect(await consent(cloud, ME)).toEqual(given);
    expect(cloud.writeCount()).toBe(before);
    const stored = cloud.store.collection('consents').find({ openid: ME });
    expect(stored).toEqual([
      expect.objectContaining({
        purpose: 'registration',
        version: CONSENT_VERSION,
        withdrawnAt: null,
        acceptedAt: expect.any(Date),
      }),
    ]);
  });

  it('an outdated notice version is refused', async () => {
    const result = await call()('registration', 'giveConsent', { version: '2020-01-v0' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('after withdrawing, saving is refused again and the unsubmitted draft is deleted', async () => {
    await consent(cloud, ME);
    await call()('registration', 'saveDraft', { step: 1, sections: makeSeeker().sections });
    expect(cloud.store.collection('registrations').count({ openid: ME })).toBe(1);

    const withdrawn = await call()('registration', 'withdrawConsent', {});
    expect(withdrawn).toMatchObject({ ok: true, data: { withdrawnAt: expect.any(String) } });
    expect(cloud.store.collection('registrations').count({ openid: ME })).toBe(0);
    expect(await call()('registration', 'getConsent', {})).toMatchObject({
      ok: true,
      data: { accepted: null, withdrawnAt: withdrawn.ok && withdrawn.data.withdrawnAt },
    });
    const saved = await call()('registration', 'saveDraft', { step: 0, sections: {} });
    expect(saved).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Nothing to withdraw twice.
    expect(await call()('registration', 'withdrawConsent', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('a withdrawal after submitting is visible to the caseworker, first on the list; consenting again clears it', async () => {
    const result = await register(cloud, ME, makeSeeker().sections);
    expect(result.ok).toBe(true);
    await call()('registration', 'withdrawConsent', {});

    const list = await call('demo-caseworker-370811')('registration', 'listMine', {});
    expect(list.ok && list.data.people[0]).toMatchObject({
      name: '测试女',
      consentWithdrawn: true,
    });
    expect(
      await call()('registration', 'correct', { identity: { mobile: '13900000001' } }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const history = await call()('registration', 'history', {});
    expect(history.ok && history.data.entries.map((e: any) => e.event)).toContain(
      'consentWithdrawn',
    );

    await consent(cloud, ME);
    const again = await call('demo-caseworker-370811')('registration', 'listMine', {});
    expect(again.ok && again.data.people.find((p: any) => p.name === '测试女')).toMatchObject({
      consentWithdrawn: false,
    });
  });
});

describe('the draft', () => {
  it('is saved in steps, merged field by field, and resumed where the citizen left off', async () => {
    await consent(cloud, ME);
    const seeker = makeSeeker({ name: '王芳' });
    const first = await call()('registration', 'saveDraft', {
      step: 0,
      sections: { identity: { name: '王芳', idNumber: '3708' } },
    });
    expect(first).toMatchObject({
      ok: true,
      data: { registration: { status: 'draft', statusLabel: '草稿', step: 0 } },
    });
    await call()('registration', 'saveDraft', {
      step: 1,
      sections: { identity: { idNumber: seeker.idNumber, mobile: '139 1234 5678' } },
    });
    await call()('registration', 'saveDraft', {
      step: 2,
      sections: { work: seeker.sections.work },
    });

    // Another day: the same draft comes back, own ID number in full.
    const mine = await call()('registration', 'getMine', {});
    expect(mine).toMatchObject({
      ok: true,
      data: {
        registration: {
          status: 'draft',
          step: 2,
          draft: {
            identity: { name: '王芳', idNumber: seeker.idNumber, mobile: '139 1234 5678' },
            work: seeker.sections.work,
          },
          caseworker: null,
          nextSteps: [expect.stringContaining('继续填写')],
        },
      },
    });
    expect(cloud.store.collection('registrations').count({ openid: ME })).toBe(1);
  });

  it('stores the ID number and 残疾人证号 encrypted, never in the clear', async () => {
    await consent(cloud, ME);
    const seeker = makeSeeker();
    await call()('registration', 'saveDraft', {
      step: 2,
      sections: {
        ...seeker.sections,
        declarations: { disabled: true, disabilityCertNo: `${seeker.idNumber}42` },
      },
    });
    const [stored] = cloud.store.collection('registrations').find({ openid: ME });
    const raw = JSON.stringify(stored);
    // Neither the number (in the record and inside the 残疾人证号), nor its first 17 characters
    // (region + YYYYMMDD birth date + sequence), nor its last 12 (YYYYMMDD + sequence + check).
    expect(raw).not.toContain(seeker.idNumber);
    expect(raw).not.toContain(seeker.idNumber.slice(0, 17));
    expect(raw).not.toContain(seeker.idNumber.slice(6));
    expect(raw).not.toContain(seeker.idNumber.slice(6, 14));
    // What staff see instead: the masked form.
    expect(stored!.identity).toMatchObject({
      idMasked: `${seeker.idNumber.slice(0, 6)}********${seeker.idNumber.slice(14)}`,
    });
    expect(stored).toMatchObject({
      identity: { idNumberEnc: expect.stringMatching(/^v1:/), idMasked: expect.any(String) },
      declarations: { disabilityCertNoEnc: expect.stringMatching(/^v1:/) },
    });
  });

  it('bounds what a draft may hold, even unchecked', async () => {
    await consent(cloud, ME);
    const before = cloud.writeCount();
    const result = await call()('registration', 'saveDraft', {
      step: 0,
      sections: { identity: { name: '长'.repeat(40) }, extra: {} },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(cloud.writeCount()).toBe(before);
  });

  it('submit without a draft says to fill the form first', async () => {
    await consent(cloud, ME);
    expect(await call()('registration', 'submit', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('请先填写') },
    });
  });
});

describe('submit', () => {
  it('registers a person with nothing to verify at once, with their caseworker and next steps', async () => {
    cloud.grantSubscription(ME, 'local-registrationResult');
    const result = await register(
      cloud,
      ME,
      makeSeeker({ insured: true, claimInsurance: true }).sections,
    );
    expect(result).toMatchObject({
      ok: true,
      data: {
        registration: {
          status: 'registered',
          statusLabel: '已登记',
          pendingVerifications: [],
          caseworker: {
            name: '张敏',
            org: 'employment',
            orgLabel: '就业中心',
            phone: '0537-12333',
          },
          claimInsurance: true,
          submittedAt: expect.any(String),
          registeredAt: expect.any(String),
        },
      },
    });
    const reg = result.data.registration;
    expect(reg.nextSteps.join('\n')).toContain('张敏');
    expect(reg.nextSteps.join('\n')).toContain('失业保险金');

    const [stored] = cloud.store.collection('registrations').find({ _id: reg.id });
    expect(stored).toMatchObject({
      status: 'registered',
      activeKey: expect.stringMatching(/^id:[0-9a-f]{64}$/),
      caseworkerOpenid: 'demo-caseworker-370811',
      township: '370811002',
      identity: { sex: 'female', birthDate: expect.any(String) },
    });
    expect(cloud.store.collection('caseload_memberships').find({ registrationId: reg.id })).toEqual(
      [
        expect.objectContaining({
          seekerOpenid: ME,
          caseworkerOpenid: 'demo-caseworker-370811',
          org: 'employment',
          endedAt: null,
          endReason: null,
        }),
      ],
    );
    // 000 §1(6): the insurance claim is made with the registration and goes to the caseworker.
    expect(cloud.store.collection('insurance_claims').find({ registrationId: reg.id })).toEqual([
      expect.objectContaining({ caseworkerOpenid: 'demo-caseworker-370811', status: 'submitted' }),
    ]);
    const log = cloud.store.collection('registration_log').find({ registrationId: reg.id });
    expect(log.map((e) => [e.event, e.from, e.to, e.actorRole])).toEqual([
      ['submit', 'draft', 'registered', 'citizen'],
      ['assign', 'registered', 'registered', 'system'],
    ]);
  });

  it('a declared key group waits for verification: submitted, with what will be checked', async () => {
    const seeker = makeSeeker();
    const result = await register(cloud, ME, {
      ...seeker.sections,
      declarations: {
        ...seeker.sections.declarations,
        disabled: true,
        disabilityCertNo: `${seeker.idNumber}42`,
      },
    });
    expect(result).toMatchObject({
      ok: true,
      data: {
        registration: {
          status: 'submitted',
          statusLabel: '待核验',
          registeredAt: null,
          pendingVerifications: [
            { key: 'disabled', label: '残疾', evidence: expect.stringContaining('残疾人证') },
          ],
        },
      },
    });
    // Declared is not yet verified: no 残疾 tag until the caseworker checks.
    expect(result.data.registration.tags).toEqual([]);
    expect(result.data.registration.nextSteps.join('')).toContain('残疾人证');
  });

  it('derives tags from the facts: 大龄 at 40 for women, long-term unemployed after a year', async () => {
    const result = await register(
      cloud,
      ME,
      makeSeeker({ age: 45, separationDate: daysAgo(400) }).sections,
    );
    expect(result.ok && result.data.registration.tags.map((t: any) => t.label)).toEqual([
      '长期失业',
      '大龄',
    ]);
    const [stored] = cloud.store.collection('registrations').find({ openid: ME });
    expect(stored).toMatchObject({ employmentDifficulty: true });
  });

  it('refuses a second submit: the draft became the registration', async () => {
    await register(cloud, ME, makeSeeker().sections);
    const again = await call()('registration', 'submit', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      await call()('registration', 'saveDraft', {
        step: 0,
        sections: { identity: { name: '改名' } },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('更正') },
    });
  });
});

describe('every strict refusal names the field and writes nothing', () => {
  type Sections = ReturnType<typeof makeSeeker>['sections'];
  const seeker = makeSeeker({ sex: 'male' });
  const edit = (change: (s: Sections) => void) => {
    const copy = JSON.parse(JSON.stringify(seeker.sections)) as Sections;
    change(copy);
    return copy;
  };

  it.each([
    ['missing name', edit((s) => delete (s.identity as any).name), 'identity.name', '请填写姓名'],
    [
      'wrong check character',
      edit((s) => {
        const id = s.identity.idNumber;
        s.identity.idNumber = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
      }),
      'identity.idNumber',
      '校验位',
    ],
    [
      '15-digit number',
      edit((s) => (s.identity.idNumber = '370811900101123')),
      'identity.idNumber',
      '18位',
    ],
    [
      'female category for a male ID',
      edit((s) => (s.identity.retirementCategory = 'female55')),
      'identity.retirementCategory',
      '男职工',
    ],
    [
      'a township that does not exist',
      edit((s) => (s.identity.township = '370811999')),
      'identity.township',
      '请从列表中选择',
    ],
    ['a bad mobile', edit((s) => (s.identity.mobile = '12345')), 'identity.mobile', '手机号'],
    [
      'an occupation not in the classification',
      edit((s) => (s.wishes.occupations = ['4-99-99-99'])),
      'wishes.occupations',
      '职业分类大典',
    ],
    [
      'a separation date in the future',
      edit((s) => (s.work.separationDate = '2999-01-01')),
      'work.separationDate',
      '不能晚于今天',
    ],
    [
      'claiming insurance without being insured',
      edit((s) => {
        s.work.insured = false;
        s.work.claimInsurance = true;
      }),
      'work.claimInsurance',
      '未参加失业保险',
    ],
    [
      'a graduate without the graduation date',
      edit((s) => {
        s.identity.education = 'bachelor';
        s.work.separationReason = 'graduated';
        s.identity.graduationDate = null;
      }),
      'identity.graduationDate',
      '毕业',
    ],
    [
      'a 残疾人证号 of someone else',
      edit((s) => {
        (s.declarations as any).disabled = true;
        (s.declarations as any).disabilityCertNo = '11010119900307001X42';
      }),
      'declarations.disabilityCertNo',
      '前18位',
    ],
    [
      'salary range upside down',
      edit((s) => {
        s.wishes.salaryMin = 5000;
        s.wishes.salaryMax = 3000;
      }),
      'wishes.salaryMin',
      '最低期望月薪',
    ],
  ])('%s', async (_what, sections, field, text) => {
    await consent(cloud, ME);
    const saved = await call()('registration', 'saveDraft', { step: 3, sections });
    expect(saved.ok).toBe(true);
    const before = cloud.writeCount();
    const result = await call()('registration', 'submit', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.fields?.[field]).toEqual(expect.stringContaining(text));
    // The message names the first problem, with its form step.
    expect(result.error.message).toMatch(/^(基本信息|工作经历|重点群体申报|求职意向)：/);
    expect(cloud.writeCount()).toBe(before);
    expect(cloud.store.collection('registrations').find({ openid: ME })[0]).toMatchObject({
      status: 'draft',
    });
  });

  it('an empty draft lists every missing field, the first one in the message', async () => {
    await consent(cloud, ME);
    await call()('registration', 'saveDraft', {
      step: 0,
      sections: { identity: { name: '王芳' } },
    });
    const before = cloud.writeCount();
    const result = await call()('registration', 'submit', {});
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '基本信息：请填写身份证号码',
        fields: {
          'identity.idNumber': '请填写身份证号码',
          'identity.mobile': '请填写手机号码',
          'work.insured': expect.any(String),
          'wishes.occupations': expect.any(String),
        },
      },
    });
    expect(cloud.writeCount()).toBe(before);
  });
});

describe('working age: 16 up to the statutory retirement age', () => {
  const refusal = async (sections: ReturnType<typeof makeSeeker>['sections']) => {
    await consent(cloud, ME);
    await call()('registration', 'saveDraft', { step: 3, sections });
    const before = cloud.writeCount();
    const result = await call()('registration', 'submit', {});
    expect(cloud.writeCount()).toBe(before);
    return result;
  };

  it('refuses someone under 16, saying when they turn 16', async () => {
    const result = await refusal(
      makeSeeker({ birthDate: birthDateFor(15), education: 'juniorHigh' }).sections,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { 'identity.idNumber': expect.stringContaining('未满16周岁') },
      },
    });
  });

  it('refuses a man past his retirement date, naming the rule', async () => {
    const result = await refusal(makeSeeker({ sex: 'male', age: 64 }).sections);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { 'identity.idNumber': expect.stringContaining('法定退休年龄') },
      },
    });
  });

  it('the same woman of 52 may register as female55 but not as female50', async () => {
    const seeker = makeSeeker({ age: 52, retirementCategory: 'female50' });
    const result = await refusal(seeker.sections);
    expect(result).toMatchObject({
      ok: false,
      error: { fields: { 'identity.idNumber': expect.stringContaining('50周岁') } },
    });
    seeker.sections.identity.retirementCategory = 'female55';
    await call()('registration', 'saveDraft', { step: 3, sections: seeker.sections });
    expect(await call()('registration', 'submit', {})).toMatchObject({ ok: true });
  });

  it('on the 16th birthday itself registration is allowed', async () => {
    const today = new Date();
    const sixteen = `${Number(birthDateFor(0, '01-01').slice(0, 4)) - 16}`;
    const monthDay = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      month: '2-digit',
      day: '2-digit',
    }).format(today);
    const result = await register(
      cloud,
      ME,
      makeSeeker({ birthDate: `${sixteen}-${monthDay}`, education: 'juniorHigh' }).sections,
    );
    expect(result).toMatchObject({ ok: true });
  });
});

describe('one active registration per ID number', () => {
  it('50 WeChat users submitting the same ID number at once: exactly one registration', async () => {
    const seeker = makeSeeker();
    const openids = Array.from(
      { length: 50 },
      (_, i) => `wx-same-id-${String(i).padStart(2, '0')}`,
    );
    for (const openid of openids) {
      await consent(cloud, openid);
      const saved = await call(openid)('registration', 'saveDraft', {
        step: 3,
        sections: seeker.sections,
      });
      expect(saved.ok).toBe(true);
    }
    const results = await Promise.all(
      openids.map((openid) => call(openid)('registration', 'submit', {})),
    );
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const loser of losers) {
      expect(loser).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: expect.stringContaining('该身份证号已有有效的失业登记'),
          fields: { 'identity.idNumber': expect.any(String) },
        },
      });
    }
    const open = cloud.store
      .collection('registrations')
      .find({ openid: { $in: openids }, status: { $ne: 'draft' } });
    expect(open).toHaveLength(1);
    // The losers' attempts left nothing behind: one membership, one submit log entry.
    const id = open[0]!._id;
    expect(
      cloud.store.collection('caseload_memberships').count({ seekerOpenid: { $in: openids } }),
    ).toBe(1);
    expect(
      cloud.store
        .collection('registration_log')
        .count({ event: 'submit', registrationId: { $ne: id }, actorOpenid: { $in: openids } }),
    ).toBe(0);
  });

  it('after cancellation the same person can register again', async () => {
    const seeker = makeSeeker();
    await register(cloud, ME, seeker.sections);
    const cancelled = await call()('registration', 'requestCancellation', { note: '' });
    expect(cancelled.ok).toBe(true);
    const again = await register(cloud, ME, seeker.sections);
    expect(again).toMatchObject({ ok: true, data: { registration: { status: 'registered' } } });
    expect(cloud.store.collection('registrations').count({ openid: ME })).toBe(2);
  });
});

describe('graduates', () => {
  it('a 高校毕业生 within 2 years is tagged and goes to the 人才服务中心', async () => {
    const result = await register(cloud, ME, makeGraduate().sections);
    expect(result).toMatchObject({
      ok: true,
      data: {
        registration: {
          tags: [{ key: 'recentGraduate' }],
          caseworker: { name: '冯雪', orgLabel: '人才服务中心' },
        },
      },
    });
    expect(result.data.registration.nextSteps.join('')).toContain('见习');
  });

  it('a 中专 leaver is not a 高校毕业生: no tag, and the 就业中心 serves them', async () => {
    const result = await register(
      cloud,
      ME,
      makeGraduate({ education: 'secondaryVocational', age: 19 }).sections,
    );
    expect(result).toMatchObject({
      ok: true,
      data: { registration: { tags: [], caseworker: { orgLabel: '就业中心' } } },
    });
  });
});
