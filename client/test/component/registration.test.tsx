/**
 * 失业登记, the citizen's journey: separate consent first (declining stores nothing), a form in
 * four steps each checked against the contract's schema at its fields, drafts saved and resumed,
 * submission that asks for the result notification first and puts the cloud's complaint back at
 * its field, the result with the named caseworker, and the citizen's rights on 我的登记.
 *
 * The cloud is a stubbed `fetch` that answers like the contracts: every payload the pages send
 * is parsed with the action's input schema, every answer with its output schema.
 */
import Taro from '@tarojs/taro';
import { act, fireEvent, render } from '@testing-library/react';

import {
  CONSENT_VERSION,
  contracts,
  dateKey,
  dayjs,
  DECLARATION_EVIDENCE,
  idCardCheckChar,
  KEY_GROUP_LABELS,
  REGISTRATION_CONSENT,
  REGISTRATION_STATUS_LABELS,
  type OwnRegistration,
  type RegistrationStatus,
} from '@nuanxin/shared';

import FormPage from '../../src/packages/seeker/registration/form/index';
import LandingPage from '../../src/packages/seeker/registration/index';
import MinePage from '../../src/packages/seeker/registration/mine/index';
import ResultPage from '../../src/packages/seeker/registration/result/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { cloudCalls, settle, stubFetch, tap, typeInto, type FakeResponse } from './helpers';

// ---------------------------------------------------------------- fixtures

/** A valid 18-digit number: region 370811, the birth date, a sequence (odd: man, even: woman). */
function idNumber(birth: string, sequence: string): string {
  const first17 = `370811${birth}${sequence}`;
  return first17 + idCardCheckChar(first17);
}
const MAN = idNumber('19850312', '031');
const WOMAN = idNumber('19850312', '042');
/** The last character changed: the check character no longer matches. */
const WRONG = MAN.slice(0, 17) + (MAN.endsWith('1') ? '2' : '1');

const CONSENT = contracts.registration.getConsent.output.parse({
  notice: REGISTRATION_CONSENT,
  accepted: { version: CONSENT_VERSION, acceptedAt: '2026-11-20T01:00:00.000Z' },
  withdrawnAt: null,
});
const NO_CONSENT = { ...CONSENT, accepted: null };

const FULL_DRAFT: OwnRegistration['draft'] = {
  identity: {
    name: '王小雨',
    idNumber: MAN,
    retirementCategory: 'male',
    mobile: '13800000000',
    hukouPlace: '山东省济宁市任城区',
    hukouType: 'urban',
    township: '370811002',
    community: '许庄社区',
    location: null,
    education: 'seniorHigh',
    graduationDate: null,
  },
  work: {
    lastEmployer: '济宁鲁运物流有限公司',
    separationDate: '2026-09-30',
    separationReason: 'contractEnded',
    insured: true,
    claimInsurance: true,
  },
  declarations: {
    disabled: false,
    disabilityCertNo: null,
    dibao: true,
    zeroEmploymentFamily: false,
    povertyAlleviated: false,
    veteran: false,
    returningMigrant: false,
  },
  wishes: {
    occupations: ['4-02-07-08'],
    salaryMin: 3000,
    salaryMax: 5000,
    commuteKm: 10,
    workTypes: ['fullTime'],
    wantsTraining: false,
    trainingNeed: '',
    entrepreneurship: false,
  },
};

const CASEWORKER = {
  name: '张敏',
  org: 'employment' as const,
  orgLabel: '公共就业服务中心',
  phone: '0537-12333',
};

function makeRegistration(
  overrides: Partial<Omit<OwnRegistration, 'status'>> & { status?: RegistrationStatus } = {},
): OwnRegistration {
  const status = overrides.status ?? 'draft';
  return contracts.registration.getMine.output.parse({
    registration: {
      id: 'reg-1',
      status,
      statusLabel: REGISTRATION_STATUS_LABELS[status],
      step: 0,
      draft: {},
      tags: [],
      pendingVerifications: [],
      caseworker: null,
      claimInsurance: false,
      submittedAt: status === 'draft' ? null : '2026-11-21T02:00:00.000Z',
      registeredAt: status === 'registered' ? '2026-11-21T02:00:00.000Z' : null,
      closedAt: null,
      closeReasonLabel: null,
      nextSteps: [],
      updatedAt: '2026-11-21T02:00:00.000Z',
      ...overrides,
    },
  }).registration!;
}

type Action = keyof typeof contracts.registration;
type Answer = (payload: any) => FakeResponse['body'] | Error;

const ok = (data: unknown) => ({ ok: true, data });
const refused = (code: string, message: string, fields?: Record<string, string>) => ({
  ok: false,
  error: { code, message, ...(fields ? { fields } : {}) },
});

/**
 * The registration function as the contracts describe it: a payload that breaks the action's
 * input schema fails the test, and so does an answer that breaks its output schema.
 */
function cloud(answers: Partial<Record<Action, Answer>>, subscribe?: () => FakeResponse | Error) {
  return stubFetch((request) => {
    if (request.url === '/_dev/subscribe') {
      return subscribe ? subscribe() : { body: { ok: true, data: { quotas: {} } } };
    }
    const { action, payload } = request.body as { action: Action; payload: unknown };
    const contract = contracts.registration[action];
    const input = contract.input.safeParse(payload);
    if (!input.success) throw new Error(`${action}: payload breaks the contract: ${input.error}`);
    const answer = answers[action];
    if (!answer) throw new Error(`unexpected call registration.${action}`);
    const body = answer(payload);
    if (body instanceof Error) return body;
    const reply = body as { ok: boolean; data?: unknown };
    if (reply.ok) contract.output.parse(reply.data);
    return { body };
  });
}

function payloadsOf(requests: { url: string; body: unknown }[], action: Action): unknown[] {
  return requests
    .filter((r) => r.url === '/cloud/registration')
    .map((r) => r.body as { action: string; payload: unknown })
    .filter((b) => b.action === action)
    .map((b) => b.payload);
}

// ---------------------------------------------------------------- page helpers

const $ = (container: Element, selector: string) => container.querySelector(selector);
const field = (container: Element, name: string) => $(container, `#field-${name}`)!;
const errorAt = (container: Element, name: string) =>
  $(container, `#field-${name} .field-error`)?.textContent ?? null;

/** jsdom's Blob has no `text()`. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

async function blur(container: Element, value: string) {
  const input = container.querySelector('taro-input-core')!;
  await act(async () => {
    input.dispatchEvent(new CustomEvent('blur', { detail: { value } }));
  });
}

async function pickDate(container: Element, value: string) {
  const picker = container.querySelector('taro-picker-core')!;
  await act(async () => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  });
}

async function fillIdentity(container: Element, id = MAN) {
  await typeInto(field(container, 'name'), '王小雨');
  await typeInto(field(container, 'idNumber'), id);
  await typeInto(field(container, 'mobile'), '13800000000');
  await typeInto(field(container, 'hukouPlace'), '山东省济宁市任城区');
  await tap($(container, '#hukou-urban'));
  await tap($(container, '#county-370811'));
  await tap($(container, '#township-370811002'));
  await typeInto(field(container, 'community'), '许庄社区');
  await tap($(container, '#education-seniorHigh'));
}

const currentStep = (container: Element) =>
  $(container, '#form-steps [aria-current="step"]')?.id ?? null;

let redirect: jest.SpyInstance;
let switchTab: jest.SpyInstance;

beforeEach(() => {
  jest.restoreAllMocks();
  clearSession();
  setDemoOpenid('demo-citizen-8');
  redirect = jest.spyOn(Taro, 'redirectTo');
  switchTab = jest.spyOn(Taro, 'switchTab');
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never);
});

// ---------------------------------------------------------------- landing and consent

describe('landing: separate consent before anything is typed', () => {
  it('shows the notice with its 4 sections and version; agreeing sends that version', async () => {
    let consented = false;
    const { requests } = cloud({
      getConsent: () => ok(consented ? CONSENT : NO_CONSENT),
      giveConsent: (payload) => {
        consented = true;
        return ok({ version: payload.version, acceptedAt: '2026-11-22T01:00:00.000Z' });
      },
      getMine: () => ok({ registration: null }),
    });
    const { container } = render(<LandingPage />);
    await settle();

    expect($(container, '#consent-title')?.textContent).toBe(REGISTRATION_CONSENT.title);
    for (const section of REGISTRATION_CONSENT.sections) {
      expect($(container, '#consent-notice')?.textContent).toContain(section.heading);
      expect($(container, '#consent-notice')?.textContent).toContain(section.body);
    }
    expect($(container, '#consent-version')?.textContent).toContain(CONSENT_VERSION);

    await tap($(container, '#consent-agree'));
    await settle();

    expect(cloudCalls(requests)).toEqual([
      'registration.getConsent',
      'registration.giveConsent',
      'registration.getMine',
    ]);
    expect(payloadsOf(requests, 'giveConsent')).toEqual([{ version: CONSENT_VERSION }]);
    // Nothing registered yet: straight on to the form.
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/seeker/registration/form/index' });
  });

  it('declining calls nothing, stores nothing and goes back home', async () => {
    const { requests } = cloud({ getConsent: () => ok(NO_CONSENT) });
    const storedBefore = Taro.getStorageInfoSync().keys;
    const { container } = render(<LandingPage />);
    await settle();

    await tap($(container, '#consent-decline'));
    await settle();

    expect(cloudCalls(requests)).toEqual(['registration.getConsent']);
    expect(Taro.getStorageInfoSync().keys).toEqual(storedBefore);
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
    expect(redirect).not.toHaveBeenCalled();
  });

  it('asks again after a withdrawal, saying so', async () => {
    cloud({ getConsent: () => ok({ ...CONSENT, withdrawnAt: '2026-11-21T03:00:00.000Z' }) });
    const { container } = render(<LandingPage />);
    await settle();
    expect($(container, '#consent-before')?.textContent).toContain('撤回同意');
    expect($(container, '#consent-agree')).not.toBeNull();
  });

  it('with consent and a draft saved on step 3 offers to continue there', async () => {
    cloud({
      getConsent: () => ok(CONSENT),
      getMine: () => ok({ registration: makeRegistration({ step: 2, draft: FULL_DRAFT }) }),
    });
    const { container } = render(<LandingPage />);
    await settle();
    expect($(container, '#registration-continue')?.closest('.van-button')?.textContent).toBe(
      '继续填写（上次填到第3步）',
    );
    await tap($(container, '#registration-continue'));
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/seeker/registration/form/index' });
  });

  it.each(['submitted', 'registered'] as const)(
    'with consent and a %s registration opens 我的登记',
    async (status) => {
      cloud({
        getConsent: () => ok(CONSENT),
        getMine: () => ok({ registration: makeRegistration({ status, draft: FULL_DRAFT }) }),
      });
      render(<LandingPage />);
      await settle();
      expect(redirect).toHaveBeenCalledWith({ url: '/packages/seeker/registration/mine/index' });
    },
  );

  it('shows a failed load with a retry', async () => {
    let fail = true;
    cloud({
      getConsent: () => (fail ? refused('INTERNAL', '系统繁忙，请稍后再试') : ok(NO_CONSENT)),
    });
    const { container } = render(<LandingPage />);
    await settle();
    expect($(container, '#page-error-message')?.textContent).toBe('系统繁忙，请稍后再试');
    fail = false;
    await tap($(container, '#page-retry'));
    await settle();
    expect($(container, '#consent-agree')).not.toBeNull();
  });
});

// ---------------------------------------------------------------- the form

function formCloud(extra: Partial<Record<Action, Answer>> = {}, draft?: OwnRegistration) {
  return cloud({
    getConsent: () => ok(CONSENT),
    getMine: () => ok({ registration: draft ?? null }),
    saveDraft: (payload) =>
      ok({ registration: makeRegistration({ step: payload.step, draft: payload.sections }) }),
    ...extra,
  });
}

describe('form: each step checked at its fields', () => {
  it('explains a wrong ID number at the field when it is left, and does not move on', async () => {
    const { requests } = formCloud();
    const { container } = render(<FormPage />);
    await settle();

    await typeInto(field(container, 'idNumber'), WRONG);
    await blur(field(container, 'idNumber'), WRONG);
    expect(errorAt(container, 'idNumber')).toBe('身份证号校验位不正确，请核对最后一位');

    await fillIdentity(container, WRONG);
    await tap($(container, '#form-next'));
    await settle();

    expect(errorAt(container, 'idNumber')).toBe('身份证号校验位不正确，请核对最后一位');
    expect(currentStep(container)).toBe('step-1');
    expect(cloudCalls(requests)).toEqual(['registration.getConsent', 'registration.getMine']);

    // Fixed: the complaint goes at once, sex and birth date show.
    await typeInto(field(container, 'idNumber'), MAN);
    expect(errorAt(container, 'idNumber')).toBeNull();
    expect($(container, '#id-summary')?.textContent).toBe('男 · 出生日期 1985年3月12日');
  });

  it('names every missing answer of step 1 without calling the cloud', async () => {
    const { requests } = formCloud();
    const { container } = render(<FormPage />);
    await settle();

    await tap($(container, '#form-next'));

    expect(errorAt(container, 'name')).toBe('请填写身份证上的姓名');
    expect(errorAt(container, 'idNumber')).toBe('请填写身份证号码');
    expect(errorAt(container, 'mobile')).toBe('请输入11位中国大陆手机号码');
    expect(errorAt(container, 'hukouType')).toBe('请选择户口性质');
    expect(errorAt(container, 'township')).toBe('请选择居住的乡镇（街道）');
    expect(errorAt(container, 'education')).toBe('请选择学历');
    expect($(container, '#form-fix-hint')?.textContent).toContain('身份证号码');
    expect(currentStep(container)).toBe('step-1');
    expect(cloudCalls(requests)).toEqual(['registration.getConsent', 'registration.getMine']);
  });

  it('asks a woman for her original retirement age; a man gets "male" without being asked', async () => {
    formCloud();
    const { container } = render(<FormPage />);
    await settle();

    await fillIdentity(container, WOMAN);
    expect($(container, '#id-summary')?.textContent).toBe('女 · 出生日期 1985年3月12日');
    await tap($(container, '#form-next'));
    expect(errorAt(container, 'retirementCategory')).toBe('请选择退休年龄类别');

    await typeInto(field(container, 'idNumber'), MAN);
    expect($(container, '#field-retirementCategory')).toBeNull();
  });

  it('moves on after a complete step 1 and keeps it as a draft', async () => {
    const { requests } = formCloud();
    const { container } = render(<FormPage />);
    await settle();

    await fillIdentity(container);
    await tap($(container, '#form-next'));
    await settle();

    expect(currentStep(container)).toBe('step-2');
    expect($(container, '#form-step-work')).not.toBeNull();
    expect(payloadsOf(requests, 'saveDraft')).toEqual([
      {
        step: 1,
        sections: {
          identity: {
            name: '王小雨',
            idNumber: MAN,
            retirementCategory: 'male',
            mobile: '13800000000',
            hukouPlace: '山东省济宁市任城区',
            hukouType: 'urban',
            township: '370811002',
            community: '许庄社区',
            location: null,
            education: 'seniorHigh',
            graduationDate: null,
          },
          work: { lastEmployer: '', separationDate: null, claimInsurance: false },
        },
      },
    ]);
  });

  it('"保存草稿" sends what has been typed so far with the current step', async () => {
    const { requests } = formCloud();
    const { container } = render(<FormPage />);
    await settle();

    await typeInto(field(container, 'name'), '王小雨');
    await typeInto(field(container, 'idNumber'), '37081119850312');
    await tap($(container, '#county-370811'));
    await tap($(container, '#township-370811002'));
    await tap($(container, '#location-township'));
    await tap($(container, '#form-save'));
    await settle();

    expect(payloadsOf(requests, 'saveDraft')).toEqual([
      {
        step: 0,
        sections: {
          identity: {
            name: '王小雨',
            idNumber: '37081119850312',
            mobile: '',
            hukouPlace: '',
            community: '',
            // The township centre, not the person's own position (the h5 map-free choice).
            location: { lng: 116.5787, lat: 35.4182 },
            graduationDate: null,
            township: '370811002',
          },
        },
      },
    ]);
    expect($(container, '#form-saved')?.textContent).toContain('草稿已保存');
  });

  it('asks for insurance, shows the claim only to the insured, and the date only to leavers', async () => {
    formCloud();
    const { container } = render(<FormPage />);
    await settle();
    await fillIdentity(container);
    await tap($(container, '#form-next'));
    await settle();

    await tap($(container, '#form-next'));
    expect(errorAt(container, 'separationReason')).toBe('请选择失业原因');
    expect(errorAt(container, 'insured')).toBe('请选择是否参加了失业保险');

    await tap($(container, '#reason-contractEnded'));
    await tap($(container, '#insured-no'));
    expect($(container, '#field-claimInsurance')).toBeNull();
    await tap($(container, '#form-next'));
    expect(errorAt(container, 'separationDate')).toBe('请选择与原单位解除劳动关系的日期');

    await pickDate(field(container, 'separationDate'), '2026-09-30');
    await tap($(container, '#insured-yes'));
    expect($(container, '#field-claimInsurance')?.textContent).toContain('失业保险金是');
    await tap($(container, '#switch-claimInsurance'));
    await tap($(container, '#form-next'));
    await settle();
    expect(currentStep(container)).toBe('step-3');
  });

  it('asks for the 残疾人证号 when disability is declared and checks it against the ID', async () => {
    const draft = makeRegistration({ step: 2, draft: { ...FULL_DRAFT, declarations: undefined } });
    formCloud({}, draft);
    const { container } = render(<FormPage />);
    await settle();
    expect(currentStep(container)).toBe('step-3');
    expect($(container, '#field-dibao')?.textContent).toContain(DECLARATION_EVIDENCE.dibao);

    await tap($(container, '#switch-disabled'));
    await typeInto(field(container, 'disabilityCertNo'), `${WOMAN}11`);
    await tap($(container, '#form-next'));
    expect(errorAt(container, 'disabilityCertNo')).toBe(
      '残疾人证号的前18位应与身份证号一致，请核对',
    );
    await typeInto(field(container, 'disabilityCertNo'), `${MAN}11`);
    await tap($(container, '#form-next'));
    await settle();
    expect(currentStep(container)).toBe('step-4');
  });

  it('resumes a draft where it was saved, with the answers filled in', async () => {
    formCloud({}, makeRegistration({ step: 3, draft: FULL_DRAFT }));
    const { container } = render(<FormPage />);
    await settle();

    expect(currentStep(container)).toBe('step-4');
    expect($(container, '#occupation-picked')?.textContent).toContain('快递员');
    expect($(container, '#commute-10')?.getAttribute('aria-checked')).toBe('true');
    await tap($(container, '#step-1'));
    expect(
      (field(container, 'name').querySelector('taro-input-core') as HTMLElement & { value: string })
        .value,
    ).toBe('王小雨');
  });

  it('finds occupations by everyday words and keeps at most three', async () => {
    formCloud({}, makeRegistration({ step: 3, draft: { ...FULL_DRAFT, wishes: undefined } }));
    const { container } = render(<FormPage />);
    await settle();

    await typeInto($(container, '#occupation-search')!, '厨师');
    expect($(container, '#occupation-results')?.textContent).toContain('中式烹调师');
    await tap($(container, '#occupation-4-03-02-01'));
    for (const [word, code] of [
      ['保洁', '4-09-08-01'],
      ['快递', '4-02-07-08'],
    ] as const) {
      await typeInto($(container, '#occupation-search')!, word);
      await tap($(container, `#occupation-${code}`));
    }
    expect($(container, '#occupation-search')).toBeNull();
    expect($(container, '#field-occupations')?.textContent).toContain('已选满3个');
  });
});

describe('form: submitting', () => {
  const resumed = () => makeRegistration({ step: 3, draft: FULL_DRAFT });

  it('asks for the result notification first, then saves and submits, then shows the result', async () => {
    const { requests } = formCloud(
      {
        submit: () =>
          ok({ registration: makeRegistration({ status: 'submitted', draft: FULL_DRAFT }) }),
      },
      resumed(),
    );
    const { container } = render(<FormPage />);
    await settle();

    await tap($(container, '#form-submit'));
    await settle();

    expect(requests.map((r) => r.url)).toEqual([
      '/cloud/registration',
      '/cloud/registration',
      '/_dev/subscribe',
      '/cloud/registration',
      '/cloud/registration',
    ]);
    expect(requests[2]?.body).toEqual({
      openid: 'demo-citizen-8',
      templateIds: ['local-registrationResult'],
    });
    expect(cloudCalls(requests).slice(2)).toEqual([
      'registration.saveDraft',
      'registration.submit',
    ]);
    expect(payloadsOf(requests, 'saveDraft')[0]).toMatchObject({ step: 3 });
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/seeker/registration/result/index' });
  });

  it.each([
    [
      'refused',
      () => ({ status: 400, body: { ok: false, error: { code: 'VALIDATION', message: 'x' } } }),
    ],
    ['offline', () => new TypeError('Failed to fetch')],
  ])('submits even when the notification request is %s', async (_, subscribe) => {
    const { requests } = cloud(
      {
        getConsent: () => ok(CONSENT),
        getMine: () => ok({ registration: resumed() }),
        saveDraft: (payload) =>
          ok({ registration: makeRegistration({ step: payload.step, draft: payload.sections }) }),
        submit: () =>
          ok({ registration: makeRegistration({ status: 'registered', draft: FULL_DRAFT }) }),
      },
      subscribe as () => FakeResponse | Error,
    );
    const { container } = render(<FormPage />);
    await settle();
    await tap($(container, '#form-submit'));
    await settle();
    expect(cloudCalls(requests)).toContain('registration.submit');
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/seeker/registration/result/index' });
  });

  it("puts the cloud's complaint about identity.idNumber back on step 1, at the field", async () => {
    const message = '您已于 2045-03-12 达到法定退休年龄';
    formCloud(
      {
        submit: () =>
          refused('VALIDATION', `基本信息：${message}`, { 'identity.idNumber': message }),
      },
      resumed(),
    );
    const { container } = render(<FormPage />);
    await settle();

    await tap($(container, '#form-submit'));
    await settle();

    expect(currentStep(container)).toBe('step-1');
    expect(errorAt(container, 'idNumber')).toBe(message);
    expect($(container, '#form-notice')?.textContent).toBe(`基本信息：${message}`);
    expect(redirect).not.toHaveBeenCalled();
  });

  it('shows a CONFLICT plainly, with a way to 我的登记', async () => {
    const message = '您已有一条有效的失业登记，不能重复登记';
    formCloud({ submit: () => refused('CONFLICT', message) }, resumed());
    const { container } = render(<FormPage />);
    await settle();

    await tap($(container, '#form-submit'));
    await settle();

    expect($(container, '#form-error')?.textContent).toContain(message);
    await tap($(container, '#form-go-mine'));
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/seeker/registration/mine/index' });
  });

  it('checks every step again before submitting and opens the first one that fails', async () => {
    const draft = { ...FULL_DRAFT, work: { ...FULL_DRAFT.work, separationReason: undefined } };
    const { requests } = formCloud({}, makeRegistration({ step: 3, draft }));
    const { container } = render(<FormPage />);
    await settle();
    expect(currentStep(container)).toBe('step-2');

    await tap($(container, '#step-4'));
    expect(currentStep(container)).toBe('step-4');
    await tap($(container, '#form-submit'));
    await settle();

    expect(currentStep(container)).toBe('step-2');
    expect(errorAt(container, 'separationReason')).toBe('请选择失业原因');
    expect(cloudCalls(requests)).toEqual(['registration.getConsent', 'registration.getMine']);
  });

  it('goes back to the consent notice when there is no consent', async () => {
    cloud({ getConsent: () => ok(NO_CONSENT), getMine: () => ok({ registration: null }) });
    render(<FormPage />);
    await settle();
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/seeker/registration/index' });
  });
});

// ---------------------------------------------------------------- result

describe('result', () => {
  it('shows the status, the caseworker and what happens next', async () => {
    const registration = makeRegistration({
      status: 'submitted',
      draft: FULL_DRAFT,
      caseworker: CASEWORKER,
      pendingVerifications: [
        { key: 'dibao', label: KEY_GROUP_LABELS.dibao, evidence: DECLARATION_EVIDENCE.dibao },
      ],
      nextSteps: ['您的包保责任人是公共就业服务中心的张敏', '核验完成后登记即生效'],
    });
    cloud({ getMine: () => ok({ registration }) });
    const { container } = render(<ResultPage />);
    await settle();

    expect($(container, '#result-status')?.textContent).toBe('待核验');
    expect($(container, '#result-pending')?.textContent).toContain('低保家庭');
    expect($(container, '#result-caseworker-name')?.textContent).toBe('张敏');
    expect($(container, '#result-caseworker-org')?.textContent).toBe('公共就业服务中心');
    expect($(container, '#result-caseworker-phone')?.textContent).toBe('0537-12333');
    expect($(container, '#result-next')?.textContent).toContain('核验完成后登记即生效');

    await tap($(container, '#result-mine'));
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/seeker/registration/mine/index' });
    await tap($(container, '#result-home'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('says a supervisor assigns a caseworker within 1 working day when none is assigned', async () => {
    cloud({
      getMine: () =>
        ok({ registration: makeRegistration({ status: 'registered', draft: FULL_DRAFT }) }),
    });
    const { container } = render(<ResultPage />);
    await settle();
    expect($(container, '#result-status')?.textContent).toBe('已登记');
    expect($(container, '#result-caseworker-pending')?.textContent).toContain('1个工作日内');
  });

  it('has an empty state when nothing was submitted', async () => {
    cloud({ getMine: () => ok({ registration: null }) });
    const { container } = render(<ResultPage />);
    await settle();
    expect($(container, '#page-empty')?.textContent).toContain('还没有提交失业登记');
  });
});

// ---------------------------------------------------------------- mine

describe('我的登记', () => {
  const registered = (overrides: Partial<OwnRegistration> = {}) =>
    makeRegistration({
      status: 'registered',
      draft: FULL_DRAFT,
      caseworker: CASEWORKER,
      tags: [{ key: 'older', label: KEY_GROUP_LABELS.older }],
      ...overrides,
    });

  function mineCloud(extra: Partial<Record<Action, Answer>> = {}) {
    return cloud({
      getMine: () => ok({ registration: registered() }),
      getConsent: () => ok(CONSENT),
      ...extra,
    });
  }

  it('shows the whole ID number, the status, tags and caseworker', async () => {
    mineCloud();
    const { container } = render(<MinePage />);
    await settle();
    expect($(container, '#mine-status')?.textContent).toBe('已登记');
    expect($(container, '#mine-idNumber')?.textContent).toBe(MAN);
    expect($(container, '#mine-tags')?.textContent).toContain('大龄');
    expect($(container, '#mine-caseworker-name')?.textContent).toBe('张敏');
    expect($(container, '#mine-section-wishes')?.textContent).toContain('快递员');
  });

  it('corrects the mobile number only; name and ID number are for the window', async () => {
    const { requests } = mineCloud({
      correct: () =>
        ok({
          registration: registered({
            draft: { ...FULL_DRAFT, identity: { ...FULL_DRAFT.identity, mobile: '13900000000' } },
          }),
        }),
    });
    const { container } = render(<MinePage />);
    await settle();

    await tap($(container, '#mine-correct-identity'));
    expect($(container, '#field-locked')?.textContent).toContain('如需更正请到就业服务中心窗口');
    expect(field(container, 'name').textContent).toContain('王小雨');
    expect(field(container, 'idNumber').textContent).toContain(MAN);
    expect(field(container, 'idNumber').querySelector('taro-input-core')).toBeNull();
    expect(field(container, 'hukouPlace').querySelector('taro-input-core')).toBeNull();
    await typeInto(field(container, 'mobile'), '1390000');
    await tap($(container, '#correct-save'));
    expect(errorAt(container, 'mobile')).toBe('请输入11位中国大陆手机号码');

    await typeInto(field(container, 'mobile'), '13900000000');
    await tap($(container, '#correct-save'));
    await settle();

    expect(payloadsOf(requests, 'correct')).toEqual([
      {
        identity: {
          mobile: '13900000000',
          township: '370811002',
          community: '许庄社区',
          location: null,
          education: 'seniorHigh',
          graduationDate: null,
        },
      },
    ]);
    expect($(container, '#mine-mobile')?.textContent).toBe('13900000000');
  });

  it('shows the history', async () => {
    const { requests } = mineCloud({
      history: () =>
        ok({
          entries: [
            {
              at: '2026-11-21T02:00:00.000Z',
              event: 'submit',
              label: '提交登记',
              by: '本人',
              reason: null,
            },
          ],
        }),
    });
    const { container } = render(<MinePage />);
    await settle();
    await tap($(container, '#mine-history'));
    await settle();
    expect(cloudCalls(requests)).toContain('registration.history');
    expect($(container, '#mine-history-list')?.textContent).toContain('2026年11月21日 10:00');
    expect($(container, '#mine-history-list')?.textContent).toContain('提交登记');
  });

  it('exports everything as a JSON file in the browser', async () => {
    const exported = {
      exportedAt: '2026-11-22T02:00:00.000Z',
      data: {
        registration: { id: 'reg-1' },
        requests: [],
        jobInterests: [],
        invitations: [],
        applications: [],
        pushes: [],
        contacts: [],
        assistancePlans: [],
        trainingBookings: [],
        hireConfirmations: [],
        recommendationSettings: {
          personalised: true,
          personalisedLabel: '个性化推荐：已开启',
          suggestToEmployers: false,
          suggestToEmployersLabel: '允许向用人单位推荐我：已关闭',
          updatedAt: null,
        },
      },
    };
    const { requests } = mineCloud({ exportMine: () => ok(exported) });
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:export';
      }),
      revokeObjectURL: jest.fn(),
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { container } = render(<MinePage />);
    await settle();

    await tap($(container, '#mine-export'));
    await settle();

    expect(cloudCalls(requests)).toContain('registration.exportMine');
    expect(click).toHaveBeenCalled();
    expect(JSON.parse(await readText(blobs[0]!))).toEqual(exported);
    expect($(container, '#mine-export-note')?.textContent).toContain(
      '暖心就业-我的登记信息-20261122-1000.json',
    );
  });

  it('asks for cancellation with a note after a confirmation', async () => {
    const { requests } = mineCloud({
      requestCancellation: () =>
        ok({
          registration: registered({
            status: 'cancelled',
            statusLabel: '已注销',
            closedAt: '2026-11-22T02:00:00.000Z',
            closeReasonLabel: '本人申请注销',
          }),
        }),
    });
    const { container } = render(<MinePage />);
    await settle();

    await tap($(container, '#mine-cancel'));
    expect($(container, '#cancel-sheet')?.textContent).toContain('确定申请注销失业登记吗');
    await typeInto(field(container, 'cancelNote'), '已经找到工作');
    await tap($(container, '#cancel-sheet-confirm'));
    await settle();

    expect(payloadsOf(requests, 'requestCancellation')).toEqual([{ note: '已经找到工作' }]);
    expect($(container, '#cancel-sheet')).toBeNull();
    expect($(container, '#mine-status')?.textContent).toBe('已注销');
    expect($(container, '#mine-cancel')).toBeNull();
  });

  it('keeps the registration when the cancellation sheet is closed', async () => {
    const { requests } = mineCloud();
    const { container } = render(<MinePage />);
    await settle();
    await tap($(container, '#mine-cancel'));
    await tap($(container, '#cancel-sheet-cancel'));
    expect($(container, '#cancel-sheet')).toBeNull();
    expect(cloudCalls(requests)).not.toContain('registration.requestCancellation');
  });

  it('withdraws consent after explaining what follows', async () => {
    const { requests } = mineCloud({
      withdrawConsent: () => ok({ withdrawnAt: '2026-11-22T02:00:00.000Z' }),
    });
    const { container } = render(<MinePage />);
    await settle();

    await tap($(container, '#mine-withdraw'));
    const sheet = $(container, '#withdraw-sheet')?.textContent ?? '';
    expect(sheet).toContain('停止处理您的敏感个人信息');
    expect(sheet).toContain('包保责任人会看到');
    await tap($(container, '#withdraw-sheet-confirm'));
    await settle();

    expect(cloudCalls(requests)).toContain('registration.withdrawConsent');
    expect($(container, '#mine-withdrawn')?.textContent).toContain('2026年11月22日 10:00');
    expect($(container, '#mine-withdraw')).toBeNull();
    expect($(container, '#mine-correct-identity')).toBeNull();
  });

  it('shows the cloud refusal inside the sheet', async () => {
    mineCloud({ withdrawConsent: () => refused('INTERNAL', '系统繁忙，请稍后再试') });
    const { container } = render(<MinePage />);
    await settle();
    await tap($(container, '#mine-withdraw'));
    await tap($(container, '#withdraw-sheet-confirm'));
    await settle();
    expect($(container, '#withdraw-sheet-error')?.textContent).toBe('系统繁忙，请稍后再试');
  });

  it('has an empty state without a registration', async () => {
    mineCloud({ getMine: () => ok({ registration: null }) });
    const { container } = render(<MinePage />);
    await settle();
    expect($(container, '#page-empty')?.textContent).toContain('还没有失业登记');
    fireEvent.click($(container, '#mine-start')!);
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/seeker/registration/index' });
  });
});

// ---------------------------------------------------------------- 就业见习 (recent graduates)

describe('the 就业见习 question: only for graduates within 2 years', () => {
  const daysAgo = (days: number) => dateKey(dayjs().subtract(days, 'day').toDate());
  /** FULL_DRAFT as a bachelor who left school `days` ago, with the 见习 answer if given. */
  const graduateDraft = (days: number, answer?: boolean): OwnRegistration['draft'] => ({
    ...FULL_DRAFT,
    identity: { ...FULL_DRAFT.identity, education: 'bachelor', graduationDate: daysAgo(days) },
    wishes: { ...FULL_DRAFT.wishes, ...(answer === undefined ? {} : { wantsInternship: answer }) },
  });

  it('a recent graduate is asked, with what 就业见习 is; the answer is saved with the wishes', async () => {
    const { requests } = formCloud(
      {
        submit: () => ok({ registration: makeRegistration({ status: 'submitted' }) }),
      },
      makeRegistration({ step: 3, draft: graduateDraft(100) }),
    );
    const { container } = render(<FormPage />);
    await settle();

    expect(currentStep(container)).toBe('step-4');
    const question = field(container, 'wantsInternship');
    expect(question.textContent).toContain('愿意参加就业见习吗');
    expect(question.textContent).toContain('积累工作经验');
    expect($(container, '#internship-yes')?.getAttribute('aria-checked')).toBe('false');
    expect($(container, '#internship-no')?.getAttribute('aria-checked')).toBe('false');

    await tap($(container, '#internship-no'));
    expect($(container, '#internship-no')?.getAttribute('aria-checked')).toBe('true');
    await tap($(container, '#form-submit'));
    await settle();
    const saved = payloadsOf(requests, 'saveDraft') as { sections: OwnRegistration['draft'] }[];
    expect(saved.at(-1)?.sections.wishes).toMatchObject({ wantsInternship: false });
    expect(cloudCalls(requests)).toContain('registration.submit');
  });

  it('nobody else is asked, and no answer is made up for them: not a graduate, or left over 2 years ago', async () => {
    for (const draft of [FULL_DRAFT, graduateDraft(800)]) {
      const { requests } = formCloud(
        { submit: () => ok({ registration: makeRegistration({ status: 'submitted' }) }) },
        makeRegistration({ step: 3, draft }),
      );
      const { container, unmount } = render(<FormPage />);
      await settle();
      expect(currentStep(container)).toBe('step-4');
      expect($(container, '#field-wantsInternship')).toBeNull();
      await tap($(container, '#form-submit'));
      await settle();
      const saved = payloadsOf(requests, 'saveDraft') as { sections: OwnRegistration['draft'] }[];
      expect(saved.at(-1)?.sections.wishes).not.toHaveProperty('wantsInternship');
      unmount();
    }
  });

  it('我的登记 shows the answer to a recent graduate (no answer: counted as yes) and corrects it', async () => {
    const graduate = (answer?: boolean) =>
      makeRegistration({
        status: 'registered',
        draft: graduateDraft(100, answer),
        caseworker: CASEWORKER,
        tags: [{ key: 'recentGraduate', label: KEY_GROUP_LABELS.recentGraduate }],
      });
    const { requests } = cloud({
      getMine: () => ok({ registration: graduate() }),
      getConsent: () => ok(CONSENT),
      correct: (payload) => ok({ registration: graduate(payload.wishes.wantsInternship) }),
    });
    const { container } = render(<MinePage />);
    await settle();
    expect($(container, '#mine-wantsInternship')?.textContent).toBe(
      '未填写（按愿意参加为您推荐见习岗位）',
    );

    await tap($(container, '#mine-correct-wishes'));
    expect(field(container, 'wantsInternship').textContent).toContain('就业见习');
    await tap($(container, '#internship-no'));
    await tap($(container, '#correct-save'));
    await settle();
    expect(payloadsOf(requests, 'correct')).toEqual([
      { wishes: expect.objectContaining({ wantsInternship: false }) },
    ]);
    expect($(container, '#mine-wantsInternship')?.textContent).toBe('暂不参加');
  });

  it('我的登记 has no 就业见习 row for anyone else', async () => {
    cloud({
      getMine: () =>
        ok({ registration: makeRegistration({ status: 'registered', draft: FULL_DRAFT }) }),
      getConsent: () => ok(CONSENT),
    });
    const { container } = render(<MinePage />);
    await settle();
    expect($(container, '#mine-section-wishes')).not.toBeNull();
    expect($(container, '#mine-wantsInternship')).toBeNull();
  });
});
