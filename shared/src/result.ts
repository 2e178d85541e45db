/**
 * The one result shape every cloud-function action returns, and the error codes with their
 * default Chinese messages. A message tells the user what to do; it never carries a stack trace
 * or a database error.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'QUOTA_EXCEEDED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '提交的信息有误，请按提示修改后重试',
  UNAUTHENTICATED: '请先登录微信后再使用',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '该记录已存在或已被他人修改，请刷新后重试',
  QUOTA_EXCEEDED: '已达到次数上限',
  INTERNAL: '系统繁忙，请稍后再试',
};

/** Field path (dot-joined) → Chinese message for that field. */
export type FieldErrors = Record<string, string>;

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
}

export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; error: AppErrorBody };
export type Result<T> = Ok<T> | Fail;

export function ok<T>(data: T): Ok<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message?: string, fields?: FieldErrors): Fail {
  const error: AppErrorBody = { code, message: message ?? ERROR_MESSAGES[code] };
  if (fields && Object.keys(fields).length > 0) error.fields = fields;
  return { ok: false, error };
}

/**
 * Thrown by domain code and handlers to end an action with a known error. The router turns it
 * into a `Fail`; anything else thrown becomes `INTERNAL` with the generic message.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;

  constructor(code: ErrorCode, message?: string, fields?: FieldErrors) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    if (fields) this.fields = fields;
  }

  toResult(): Fail {
    return fail(this.code, this.message, this.fields);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
