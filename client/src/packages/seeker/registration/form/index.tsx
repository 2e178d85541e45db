/**
 * 失业登记 form: four steps, each checked against the contract's section schema before the next
 * one opens. "保存草稿" keeps whatever has been typed (the cloud keeps it for another day);
 * "下一步" also saves quietly, so a person who drops out half-way finds their answers again.
 * Submitting asks for the result notification first (it must happen inside the tap), saves the
 * last step and submits; a complaint from the cloud is shown at its field, on its step.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

import { FORM_STEPS, formatShanghai, isActive, type FieldErrors } from '@nuanxin/shared';

import { ErrorState, LoadingState } from '../../../../components/PageStatus';
import { call } from '../../../../services/cloud';
import { askRegistrationResultSubscription } from '../../../../services/subscribe';
import { StepIndicator } from '../../components/StepIndicator';
import {
  draftSections,
  emptyForm,
  fixSummary,
  formFromDraft,
  isRecentGraduate,
  placeServerErrors,
  resumeStep,
  STEP_TITLES,
  stepsInDraft,
  validateStep,
  type RegistrationForm,
  type Step,
} from '../model';
import { hasCurrentConsent, REGISTRATION_URLS } from '../navigation';
import { firstErrorSelector, scrollTo } from '../scroll';
import { DeclarationsStep } from '../steps/DeclarationsStep';
import { IdentityStep } from '../steps/IdentityStep';
import { WishesStep } from '../steps/WishesStep';
import { WorkStep } from '../steps/WorkStep';

import './index.less';

const LAST = FORM_STEPS.length - 1;
const TITLES = FORM_STEPS.map((step) => STEP_TITLES[step]);

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };

export default function RegistrationFormPage() {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [form, setForm] = useState<RegistrationForm>(emptyForm);
  const [step, setStep] = useState(0);
  const [reached, setReached] = useState<Set<Step>>(() => new Set(['identity']));
  const [errors, setErrors] = useState<FieldErrors>({});
  /** Above the step: why the citizen was brought here (the cloud's complaint). */
  const [notice, setNotice] = useState('');
  /** Next to the buttons: what went wrong with the last action. */
  const [actionError, setActionError] = useState<{ message: string; conflict?: boolean } | null>(
    null,
  );
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);

  // For the quiet save when the page is left: the latest answers and whether they are saved.
  const latest = useRef({ form, reached, step, dirty: false, ready: false });
  latest.current = { ...latest.current, form, reached, step };
  const saving = useRef<Promise<unknown>>(Promise.resolve());

  const open = useCallback(async () => {
    setLoad({ status: 'loading' });
    const [consent, mine] = await Promise.all([
      call('registration', 'getConsent', {}),
      call('registration', 'getMine', {}),
    ]);
    if (consent.ok && !hasCurrentConsent(consent.data)) {
      // Nothing may be typed before the separate consent (PIPL 第29条).
      void Taro.redirectTo({ url: REGISTRATION_URLS.landing });
      return;
    }
    if (!mine.ok) {
      setLoad({ status: 'error', message: mine.error.message });
      return;
    }
    const registration = mine.data.registration;
    if (registration && isActive(registration.status)) {
      // Already submitted: corrections happen on 我的登记, not by filling the form again.
      void Taro.redirectTo({ url: REGISTRATION_URLS.mine });
      return;
    }
    if (registration?.status === 'draft') {
      const resumeAt = resumeStep(registration);
      const steps = stepsInDraft(registration.draft);
      FORM_STEPS.slice(0, resumeAt + 1).forEach((s) => steps.add(s));
      setForm(formFromDraft(registration.draft));
      setStep(resumeAt);
      setReached(steps);
      setSavedAt(registration.updatedAt);
    }
    latest.current.ready = true;
    setLoad({ status: 'ready' });
  }, []);

  useEffect(() => {
    void open();
  }, [open]);

  /** Saves one after another, so an older draft never overwrites a newer one. */
  const saveDraft = useCallback((atStep: number, current: RegistrationForm, steps: Set<Step>) => {
    const payload = { step: atStep, sections: draftSections(current, steps) };
    const next = saving.current.then(() => call('registration', 'saveDraft', payload));
    saving.current = next.catch(() => undefined);
    return next;
  }, []);

  // Leaving the page with unsaved answers: keep them as a draft (fire and forget).
  useEffect(
    () => () => {
      const { dirty, ready, form: f, reached: r, step: s } = latest.current;
      if (ready && dirty) void saveDraft(s, f, r);
    },
    [saveDraft],
  );

  const currentStep = FORM_STEPS[step]!;

  const update = <S extends Step>(section: S, patch: Partial<RegistrationForm[S]>) => {
    latest.current.dirty = true;
    setForm((prev) => ({ ...prev, [section]: { ...prev[section], ...patch } }));
    const touched = Object.keys(patch);
    setErrors((prev) => {
      if (!touched.some((field) => prev[field])) return prev;
      const next = { ...prev };
      for (const field of touched) delete next[field];
      return next;
    });
    setActionError(null);
  };

  const setFieldError = (field: string, message: string | null) => {
    setErrors((prev) => {
      if (message === null) {
        if (!prev[field]) return prev;
        const { [field]: _, ...rest } = prev;
        return rest;
      }
      return { ...prev, [field]: message };
    });
  };

  const goTo = (index: number) => {
    setStep(index);
    setReached((prev) => new Set([...prev, FORM_STEPS[index]!]));
    setErrors({});
    setNotice('');
    setActionError(null);
    scrollTo(null);
  };

  const showErrors = (index: number, found: FieldErrors, message = '') => {
    setStep(index);
    setErrors(found);
    setNotice(message);
    scrollTo(firstErrorSelector(found));
  };

  const next = () => {
    const found = validateStep(currentStep, form);
    if (Object.keys(found).length > 0) {
      showErrors(step, found);
      return;
    }
    const steps = new Set([...reached, FORM_STEPS[step + 1]!]);
    // Quietly keep what is done so far; the explicit button reports its own outcome.
    void saveDraft(step + 1, form, steps).then((result) => {
      if (result.ok) {
        latest.current.dirty = false;
        setSavedAt(result.data.registration.updatedAt);
      }
    });
    goTo(step + 1);
  };

  const save = async () => {
    if (busy) return;
    setActionError(null);
    setBusy('save');
    const result = await saveDraft(step, form, reached);
    setBusy(null);
    if (!result.ok) {
      const placed = placeServerErrors(result.error.fields ?? {});
      if (placed.step !== null) showErrors(placed.step, placed.errors, result.error.message);
      else setActionError({ message: result.error.message });
      return;
    }
    latest.current.dirty = false;
    setSavedAt(result.data.registration.updatedAt);
    void Taro.showToast({ title: '草稿已保存', icon: 'success' });
  };

  const submit = async () => {
    if (busy) return;
    setActionError(null);
    // Every step again: a resumed draft may hold an answer that no longer passes.
    for (let index = 0; index <= LAST; index += 1) {
      const found = validateStep(FORM_STEPS[index]!, form);
      if (Object.keys(found).length > 0) {
        showErrors(index, found, index === step ? '' : '这一步还有需要修改的内容');
        return;
      }
    }
    // Inside the tap, before any network wait (WeChat refuses it later); never blocks.
    const asked = askRegistrationResultSubscription();
    setBusy('submit');
    await asked.catch(() => false);

    const steps = new Set<Step>(FORM_STEPS);
    const saved = await saveDraft(LAST, form, steps);
    const result = saved.ok ? await call('registration', 'submit', {}) : saved;
    setBusy(null);
    if (result.ok) {
      latest.current.dirty = false;
      latest.current.ready = false;
      void Taro.redirectTo({ url: REGISTRATION_URLS.result });
      return;
    }
    const { code, message, fields } = result.error;
    if (code === 'VALIDATION' && fields) {
      const placed = placeServerErrors(fields);
      if (placed.step !== null) {
        showErrors(placed.step, placed.errors, message);
        return;
      }
    }
    setActionError({ message, conflict: code === 'CONFLICT' });
  };

  if (load.status === 'loading') return <LoadingState />;
  if (load.status === 'error') {
    return <ErrorState message={load.message} onRetry={() => void open()} />;
  }

  const summary = fixSummary(errors);
  const stepView = (() => {
    switch (currentStep) {
      case 'identity':
        return (
          <IdentityStep
            value={form.identity}
            errors={errors}
            onChange={(patch) => update('identity', patch)}
            onFieldError={setFieldError}
          />
        );
      case 'work':
        return (
          <WorkStep
            value={form.work}
            errors={errors}
            onChange={(patch) => update('work', patch)}
            education={form.identity.education}
            graduationDate={form.identity.graduationDate}
            onGraduationDate={(graduationDate) => update('identity', { graduationDate })}
          />
        );
      case 'declarations':
        return (
          <DeclarationsStep
            value={form.declarations}
            errors={errors}
            idNumber={form.identity.idNumber}
            onChange={(patch) => update('declarations', patch)}
          />
        );
      case 'wishes':
        return (
          <WishesStep
            value={form.wishes}
            errors={errors}
            recentGraduate={isRecentGraduate(form.identity)}
            onChange={(patch) => update('wishes', patch)}
          />
        );
    }
  })();

  return (
    <View className="reg-form" id="registration-form">
      <StepIndicator
        titles={TITLES}
        current={step}
        reached={Math.max(...[...reached].map((s) => FORM_STEPS.indexOf(s)))}
        onPick={goTo}
      />
      <Text className="reg-form__heading" id="form-step-title">
        第{step + 1}步（共{FORM_STEPS.length}步）：{STEP_TITLES[currentStep]}
      </Text>
      {notice ? (
        <Text className="reg-form__notice" id="form-notice">
          {notice}
        </Text>
      ) : null}

      {stepView}

      <View className="reg-form__actions">
        {actionError ? (
          <View className="reg-form__error" id="form-error">
            <Text>{actionError.message}</Text>
            {actionError.conflict ? (
              <Text
                className="reg-form__error-link"
                id="form-go-mine"
                onClick={() => void Taro.redirectTo({ url: REGISTRATION_URLS.mine })}
              >
                查看我的登记
              </Text>
            ) : null}
          </View>
        ) : null}
        {!actionError && summary ? (
          <Text className="reg-form__error" id="form-fix-hint">
            {summary}
          </Text>
        ) : null}
        {step < LAST ? (
          <Button type="primary" round block id="form-next" onClick={next}>
            下一步
          </Button>
        ) : (
          <Button
            type="primary"
            round
            block
            id="form-submit"
            loading={busy === 'submit'}
            loadingText="正在提交…"
            onClick={() => void submit()}
          >
            提交登记
          </Button>
        )}
        <View className="reg-form__row">
          {step > 0 ? (
            <Button
              plain
              round
              className="outline-button reg-form__half"
              id="form-back"
              onClick={() => goTo(step - 1)}
            >
              上一步
            </Button>
          ) : null}
          <Button
            plain
            round
            className="outline-button outline-button--primary reg-form__half"
            id="form-save"
            loading={busy === 'save'}
            loadingText="正在保存…"
            onClick={() => void save()}
          >
            保存草稿
          </Button>
        </View>
        <Text className="reg-form__saved" id="form-saved">
          {savedAt
            ? `草稿已保存（${formatShanghai(savedAt, 'M月D日 HH:mm')}），下次打开会接着填`
            : '填写的内容可以随时保存为草稿，下次接着填'}
        </Text>
        {step === LAST ? (
          <Text className="reg-form__hint">
            提交时会询问是否接收「登记结果」通知，允许后登记结果会通过微信服务通知告诉您。
          </Text>
        ) : null}
      </View>
    </View>
  );
}
