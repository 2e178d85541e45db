/**
 * Errors the local database answers with, shaped like the CloudBase server's: an error `code`
 * string and a `message`. The requester throws them the way @cloudbase/node-sdk's request layer
 * throws a TcbError for a response carrying `code`, so wx-server-sdk maps them exactly as in
 * production (e.g. DATABASE_COLLECTION_NOT_EXIST → errCode -502005; a code it does not know, such
 * as DATABASE_DUPLICATE_WRITE, → -501001 with the server message kept in `errMsg`).
 */
export type DbErrorCode =
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'INVALID_PARAM';

export class DbError extends Error {
  readonly code: DbErrorCode;
  requestId = '';

  constructor(code: DbErrorCode, message: string) {
    super(message);
    this.name = 'DbError';
    this.code = code;
  }
}

export function isDbError(error: unknown): error is DbError {
  return error instanceof DbError;
}

export function collectionNotExist(name: string): DbError {
  // The wording of the CloudBase server for a collection that was never created.
  return new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  );
}

export function duplicateWrite(collection: string, index: string, key: string): DbError {
  // Both markers real code looks for: the CloudBase code and MongoDB's E11000 text.
  return new DbError(
    'DATABASE_DUPLICATE_WRITE',
    `[DATABASE_DUPLICATE_WRITE] E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`,
  );
}

export function requestFailed(message: string): DbError {
  return new DbError('DATABASE_REQUEST_FAILED', message);
}

export function invalidParam(message: string): DbError {
  return new DbError('INVALID_PARAM', message);
}

export function transactionConflict(message: string): DbError {
  return new DbError('DATABASE_TRANSACTION_CONFLICT', message);
}
