import {
  APPLICATION_STATUSES,
  type ApplicationEvent,
  type ApplicationStatus,
  BLOCKED_AD_REASON,
  COMPANY_STATUSES,
  COMPANY_TABLE,
  NOT_YET_PUBLIC_CLOSE_REASON,
  transitionCompany,
  transitionApplication,
  transitionVacancy,
  type VacancyCheck,
  type VacancyEvent,
  VACANCY_STATUS_LABELS,
  VACANCY_STATUSES,
  type VacancyStatus,
} from '@nuanxin/shared/src/vacancy';

const clean: VacancyCheck = {
  screening: { blocked: false, needsReview: false },
  companyVerified: true,
};
const flagged: VacancyCheck = { ...clean, screening: { blocked: false, needsReview: true } };
const unverified: VacancyCheck = { ...clean, companyVerified: false };
const blocked: VacancyCheck = { ...clean, screening: { blocked: true, needsReview: false } };
const renewal = { validUntil: '2026-06-30', today: '2026-05-01', latest: '2026-07-30', ...clean };

const VACANCY_EVENTS: Record<string, VacancyEvent> = {
  submit: { type: 'submit', ...clean },
  approve: { type: 'approve' },
  reject: { type: 'reject', reason: '岗位描述不完整' },
  pause: { type: 'pause' },
  resume: { type: 'resume', ...clean },
  close: { type: 'close', reason: 'filled' },
  expire: { type: 'expire' },
  edit: { type: 'edit', ...clean },
  renew: { type: 'renew', ...renewal },
};

/** Where each event leads from each status (clean screening, verified company); '—' = refused. */
const EXPECTED: Record<VacancyStatus, Record<keyof typeof VACANCY_EVENTS, VacancyStatus | '—'>> = {
  // prettier-ignore
  draft:         { submit: 'published', approve: '—', reject: '—', pause: '—', resume: '—', close: '—', expire: '—', edit: 'draft', renew: '—' },
  // prettier-ignore
  pendingReview: { submit: '—', approve: 'published', reject: 'rejected', pause: '—', resume: '—', close: '—', expire: 'expired', edit: 'pendingReview', renew: '—' },
  // prettier-ignore
  published:     { submit: '—', approve: '—', reject: '—', pause: 'paused', resume: '—', close: 'closed', expire: 'expired', edit: 'published', renew: 'published' },
  // prettier-ignore
  paused:        { submit: '—', approve: '—', reject: '—', pause: '—', resume: 'published', close: 'closed', expire: 'expired', edit: 'paused', renew: '—' },
  // prettier-ignore
  closed:        { submit: '—', approve: '—', reject: '—', pause: '—', resume: '—', close: '—', expire: '—', edit: '—', renew: '—' },
  // prettier-ignore
  expired:       { submit: '—', approve: '—', reject: '—', pause: '—', resume: '—', close: 'closed', expire: '—', edit: '—', renew: 'published' },
  // prettier-ignore
  rejected:      { submit: 'published', approve: '—', reject: '—', pause: '—', resume: '—', close: '—', expire: '—', edit: 'rejected', renew: '—' },
};

const vacancyCases = VACANCY_STATUSES.flatMap((from) =>
  Object.keys(VACANCY_EVENTS).map((event) => [from, event, EXPECTED[from][event]!] as const),
);

describe('vacancy lifecycle: every status × event', () => {
  it.each(vacancyCases)('%s + %s → %s', (from, event, to) => {
    const result = transitionVacancy(from, VACANCY_EVENTS[event]!);
    if (to === '—') {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain(VACANCY_STATUS_LABELS[from]);
    } else {
      expect(result).toMatchObject({ ok: true, to });
    }
  });
});

describe('vacancy submit and edit follow the screening and the company', () => {
  it.each([
    ['clean ad, verified company', clean, 'published'],
    ['ad flagged for review', flagged, 'pendingReview'],
    ['company not yet verified', unverified, 'pendingReview'],
  ] as const)('submit with %s → %s', (_, check, to) => {
    expect(transitionVacancy('draft', { type: 'submit', ...check })).toEqual({ ok: true, to });
  });

  it.each(['draft', 'published', 'paused', 'rejected'] as const)(
    'a blocked ad is refused from %s, on submit or edit',
    (from) => {
      const submit = transitionVacancy(from, { type: 'submit', ...blocked });
      const edit = transitionVacancy(from, { type: 'edit', ...blocked });
      expect(edit).toEqual({ ok: false, reason: BLOCKED_AD_REASON });
      if (from === 'draft' || from === 'rejected') {
        expect(submit).toEqual({ ok: false, reason: BLOCKED_AD_REASON });
      }
    },
  );

  it.each([
    ['published', flagged, 'pendingReview'],
    ['published', clean, 'published'],
    ['paused', flagged, 'pendingReview'],
    ['draft', flagged, 'draft'],
    ['rejected', flagged, 'rejected'],
  ] as const)('an edit of a %s vacancy → %s', (from, check, to) => {
    expect(transitionVacancy(from, { type: 'edit', ...check })).toEqual({ ok: true, to });
  });

  it('a rejection needs a reason the employer will see', () => {
    expect(transitionVacancy('pendingReview', { type: 'reject', reason: '  ' })).toMatchObject({
      ok: false,
    });
  });
});

describe('a vacancy waiting for review', () => {
  it('can be withdrawn but not closed as filled (it was never public)', () => {
    expect(transitionVacancy('pendingReview', { type: 'close', reason: 'filled' })).toEqual({
      ok: false,
      reason: NOT_YET_PUBLIC_CLOSE_REASON,
    });
    expect(transitionVacancy('pendingReview', { type: 'close', reason: 'withdrawn' })).toEqual({
      ok: true,
      to: 'closed',
    });
  });

  it('expires past its date, and renewing it does not skip the review', () => {
    expect(transitionVacancy('pendingReview', { type: 'expire' })).toEqual({
      ok: true,
      to: 'expired',
    });
    for (const check of [flagged, unverified]) {
      expect(transitionVacancy('expired', { type: 'renew', ...renewal, ...check })).toEqual({
        ok: true,
        to: 'pendingReview',
        validUntil: renewal.validUntil,
      });
    }
  });
});

describe('renew and resume run the check again', () => {
  const reviewed: VacancyCheck = { ...flagged, reviewed: true };
  it.each([
    ['clean text, verified company', clean, 'published'],
    ['flagged text staff approved', reviewed, 'published'],
    ['flagged text never approved', flagged, 'pendingReview'],
    ['company not verified', unverified, 'pendingReview'],
    [
      'approved text, company not verified',
      { ...reviewed, companyVerified: false },
      'pendingReview',
    ],
  ] as const)('%s → %s', (_, check, to) => {
    expect(transitionVacancy('expired', { type: 'renew', ...renewal, ...check })).toMatchObject({
      ok: true,
      to,
    });
    expect(transitionVacancy('published', { type: 'renew', ...renewal, ...check })).toMatchObject({
      ok: true,
      to,
    });
    expect(transitionVacancy('paused', { type: 'resume', ...check })).toEqual({ ok: true, to });
  });

  it('an edit that keeps approved wording keeps the vacancy public', () => {
    expect(transitionVacancy('published', { type: 'edit', ...reviewed })).toEqual({
      ok: true,
      to: 'published',
    });
  });

  it('a blocked text is never renewed or resumed', () => {
    expect(transitionVacancy('expired', { type: 'renew', ...renewal, ...blocked })).toEqual({
      ok: false,
      reason: BLOCKED_AD_REASON,
    });
    expect(transitionVacancy('paused', { type: 'resume', ...blocked })).toEqual({
      ok: false,
      reason: BLOCKED_AD_REASON,
    });
  });
});

describe('vacancy renewal', () => {
  it('sets the new date', () => {
    expect(transitionVacancy('expired', { type: 'renew', ...renewal })).toEqual({
      ok: true,
      to: 'published',
      validUntil: '2026-06-30',
    });
  });

  it.each([
    ['2026-05-01', '晚于今天'],
    ['2026-08-01', '最长至2026-07-30'],
    ['6月30日', '年-月-日'],
  ])('refuses %s', (validUntil, reason) => {
    const result = transitionVacancy('published', { type: 'renew', ...renewal, validUntil });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('accepts exactly the latest allowed date', () => {
    expect(
      transitionVacancy('published', { type: 'renew', ...renewal, validUntil: renewal.latest }),
    ).toMatchObject({ ok: true });
  });
});

/** Where each company event leads from each status; '—' = refused. */
const COMPANY_EXPECTED = {
  // prettier-ignore
  pending:  { verify: 'verified', reject: 'rejected', resubmit: '—', update: 'pending' },
  // prettier-ignore
  verified: { verify: '—', reject: '—', resubmit: '—', update: '—' },
  // prettier-ignore
  rejected: { verify: '—', reject: '—', resubmit: 'pending', update: '—' },
} as const;

describe('company lifecycle: every status × event', () => {
  it.each(
    COMPANY_STATUSES.flatMap((from) =>
      (['verify', 'reject', 'resubmit', 'update'] as const).map(
        (e) => [from, e, COMPANY_EXPECTED[from][e]] as const,
      ),
    ),
  )('%s + %s → %s', (from, type, to) => {
    const event = type === 'reject' ? { type, reason: '名称不符' } : { type };
    const result = transitionCompany(from, event);
    if (to === '—') expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, to });
    expect(result.ok).toBe(!!COMPANY_TABLE[type][from]);
  });

  it('a rejection needs a reason; a verified company is changed through the 市场服务中心', () => {
    expect(transitionCompany('pending', { type: 'reject', reason: ' ' }).ok).toBe(false);
    const verified = transitionCompany('verified', { type: 'update' });
    expect(verified).toMatchObject({ ok: false, reason: expect.stringContaining('市场服务中心') });
  });
});

const APPLICATION_EVENTS: Record<ApplicationEvent['type'], ApplicationEvent> = {
  view: { type: 'view' },
  invite: { type: 'invite' },
  offer: { type: 'offer' },
  hire: { type: 'hire' },
  reject: { type: 'reject', reason: '岗位已招满' },
  withdraw: { type: 'withdraw' },
};

const APPLICATION_EXPECTED: Record<
  ApplicationStatus,
  Record<ApplicationEvent['type'], ApplicationStatus | '—'>
> = {
  // prettier-ignore
  applied:   { view: 'viewed', invite: 'interview', offer: '—', hire: '—', reject: 'rejected', withdraw: 'withdrawn' },
  // prettier-ignore
  viewed:    { view: '—', invite: 'interview', offer: 'offered', hire: '—', reject: 'rejected', withdraw: 'withdrawn' },
  // prettier-ignore
  interview: { view: '—', invite: '—', offer: 'offered', hire: '—', reject: 'rejected', withdraw: 'withdrawn' },
  // prettier-ignore
  offered:   { view: '—', invite: '—', offer: '—', hire: 'hired', reject: 'rejected', withdraw: 'withdrawn' },
  // prettier-ignore
  hired:     { view: '—', invite: '—', offer: '—', hire: '—', reject: '—', withdraw: '—' },
  // prettier-ignore
  rejected:  { view: '—', invite: '—', offer: '—', hire: '—', reject: '—', withdraw: '—' },
  // prettier-ignore
  withdrawn: { view: '—', invite: '—', offer: '—', hire: '—', reject: '—', withdraw: '—' },
};

const applicationCases = APPLICATION_STATUSES.flatMap((from) =>
  (Object.keys(APPLICATION_EVENTS) as ApplicationEvent['type'][]).map(
    (event) => [from, event, APPLICATION_EXPECTED[from][event]] as const,
  ),
);

describe('application lifecycle: every status × event', () => {
  it.each(applicationCases)('%s + %s → %s', (from, event, to) => {
    const result = transitionApplication(from, APPLICATION_EVENTS[event]);
    if (to === '—') expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, to });
  });

  it('a rejection needs a reason the applicant will see', () => {
    expect(transitionApplication('viewed', { type: 'reject', reason: '' })).toMatchObject({
      ok: false,
    });
  });
});
