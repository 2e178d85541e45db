/**
 * zod 4 configured once with its zh-CN locale, so every generic message a user can see is in
 * Chinese. Import `z` from here (or from the package root), never from 'zod' directly, so the
 * locale is always installed before a schema runs.
 */
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

import { fail, type Fail, type FieldErrors } from './result';

// Only the zh-CN locale: `z.locales` would pull every language into the bundles.
z.config(zhCN());

export { z };

/** Flatten a zod error into `{ 'a.b': '消息' }`, first message per path. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** A VALIDATION result whose message names the first problem, fields listing all of them. */
export function validationFailure(error: z.ZodError): Fail {
  const fields = fieldErrors(error);
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? `（${first.path.map(String).join('.')}）` : '';
  const message = first ? `${first.message}${where}` : undefined;
  return fail('VALIDATION', message, fields);
}
