/**
 * Turns anything thrown inside an action into a result a user can read. Known errors keep their
 * code; the cloud database's duplicate-write becomes CONFLICT; everything else is INTERNAL with
 * the generic message — the stack and the raw database error only go to the function's log.
 */
import { AppError, fail, type Fail } from '@nuanxin/shared';

interface CloudErrorLike {
  code?: unknown;
  errCode?: unknown;
  message?: unknown;
  errMsg?: unknown;
}

function textOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as CloudErrorLike;
  return [e.code, e.errCode, e.message, e.errMsg].filter((v) => v !== undefined).join(' ');
}

/** The cloud answers a unique-index violation with DATABASE_DUPLICATE_WRITE (or E11000 underneath). */
export function isDuplicateWrite(error: unknown): boolean {
  return /DATABASE_DUPLICATE_WRITE|E11000|duplicate key/i.test(textOf(error));
}

export function isCollectionMissing(error: unknown): boolean {
  return /DATABASE_COLLECTION_NOT_EXIST|collection not exist/i.test(textOf(error));
}

export function toFailure(error: unknown, where: string): Fail {
  if (error instanceof AppError) return error.toResult();
  if (isDuplicateWrite(error)) return fail('CONFLICT');
  // Only the log sees the details; the caller gets the generic Chinese message.
  console.error(`[${where}] internal error`, error);
  return fail('INTERNAL');
}
