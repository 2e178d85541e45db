/**
 * The vacancy's fields that the employer's form (发布岗位) and the market centre's correction
 * (修改岗位（企业可见）) share: the same labels, limits and hints, and the same discrimination
 * screening on leaving a text field (the cloud screens again at every save; see `screenField`).
 */
import { Text } from '@tarojs/components';
import { useState } from 'react';

import { MINIMUM_MONTHLY_WAGE, type FieldErrors } from '@nuanxin/shared';

import { FormField, TextAreaBox, TextBox } from '../../../components/FormField';

import { screenField } from './screening';

import './VacancyFields.less';

/** The fields screened on blur, as the cloud screens them at every save. */
export type Screened = 'title' | 'description' | 'requirements' | 'benefits';

/** An empty box is "not filled in", not zero. */
export function numberOf(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}

/** The form's complaints and screening notices, and the handlers that keep them current. */
export function useVacancyChecks() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notices, setNotices] = useState<Partial<Record<Screened, string>>>({});

  /** A change clears that field's complaint. */
  const edit =
    <T,>(field: string, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setErrors((now) => {
        if (!now[field]) return now;
        const { [field]: _, ...rest } = now;
        return rest;
      });
    };

  /** Leaving a screened field: the law's message at the field, or a softer notice under it. */
  const screen = (field: Screened) => (text: string) => {
    const { block, review } = screenField(text);
    setErrors(({ [field]: _, ...rest }) => (block ? { ...rest, [field]: block } : rest));
    setNotices(({ [field]: _, ...rest }) =>
      review && !block ? { ...rest, [field]: review } : rest,
    );
  };

  return { errors, setErrors, notices, edit, screen };
}

export type VacancyChecks = ReturnType<typeof useVacancyChecks>;

const SCREENED_TEXT: Record<
  Screened,
  { label: string; maxlength: number; optional: boolean; area: boolean }
> = {
  title: { label: '岗位名称', maxlength: 30, optional: false, area: false },
  description: { label: '岗位描述', maxlength: 1000, optional: true, area: true },
  requirements: { label: '其他任职要求', maxlength: 1000, optional: true, area: true },
  benefits: { label: '福利待遇', maxlength: 500, optional: true, area: true },
};

/** A text field of the vacancy that is screened when the writer leaves it. */
export function ScreenedField({
  field,
  value,
  onChange,
  checks,
  placeholder,
}: {
  field: Screened;
  value: string;
  onChange: (value: string) => void;
  checks: VacancyChecks;
  placeholder?: string;
}) {
  const { label, maxlength, optional, area } = SCREENED_TEXT[field];
  const Box = area ? TextAreaBox : TextBox;
  return (
    <FormField name={field} label={label} optional={optional} error={checks.errors[field]}>
      <Box
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onChange={checks.edit(field, onChange)}
        onBlur={checks.screen(field)}
      />
      {checks.notices[field] ? (
        <Text className="vf-screen-hint">{checks.notices[field]}</Text>
      ) : null}
    </FormField>
  );
}

export interface PayValues {
  headcount: string;
  salaryMin: string;
  salaryMax: string;
}

/** 招聘人数, 最低月薪 (never under the local minimum wage) and 最高月薪. */
export function PayFields({
  values,
  onChange,
  checks,
  placeholders = false,
}: {
  values: PayValues;
  onChange: (field: keyof PayValues, value: string) => void;
  checks: VacancyChecks;
  /** Show the examples in empty boxes (a new vacancy). */
  placeholders?: boolean;
}) {
  const set = (field: keyof PayValues) => checks.edit(field, (v: string) => onChange(field, v));
  return (
    <>
      <FormField name="headcount" label="招聘人数" error={checks.errors.headcount}>
        <TextBox
          value={values.headcount}
          type="number"
          maxlength={3}
          unit="人"
          onChange={set('headcount')}
        />
      </FormField>
      <FormField
        name="salaryMin"
        label="最低月薪"
        hint={`不得低于本地月最低工资标准${MINIMUM_MONTHLY_WAGE}元`}
        error={checks.errors.salaryMin}
      >
        <TextBox
          value={values.salaryMin}
          type="number"
          maxlength={6}
          placeholder={placeholders ? `至少${MINIMUM_MONTHLY_WAGE}` : undefined}
          unit="元/月"
          onChange={set('salaryMin')}
        />
      </FormField>
      <FormField name="salaryMax" label="最高月薪" error={checks.errors.salaryMax}>
        <TextBox
          value={values.salaryMax}
          type="number"
          maxlength={6}
          placeholder={placeholders ? '不低于最低月薪' : undefined}
          unit="元/月"
          onChange={set('salaryMax')}
        />
      </FormField>
    </>
  );
}
