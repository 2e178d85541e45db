import type { FieldErrors } from '@nuanxin/shared';

export interface StepProps<T> {
  value: T;
  errors: FieldErrors;
  /** Changes some fields; the page clears their complaints. */
  onChange: (patch: Partial<T>) => void;
  /** Sets (or clears with null) one field's complaint, for checks on leaving a field. */
  onFieldError?: (field: string, message: string | null) => void;
  /**
   * Correcting a submitted registration: what only the service centre may change (name, ID
   * number, hukou, retirement category) is shown, not edited.
   */
  correcting?: boolean;
}

export const WINDOW_NOTE = '以下信息如需更正请到就业服务中心窗口办理（请带上身份证）';
