/**
 * How an invocation can fail. The errCode values are those a caller of wx.cloud.callFunction
 * sees: -501000 no such function, -504003 timed out, -504002 the function threw.
 */
export type InvokeErrorCode =
  'FUNCTION_NOT_FOUND' | 'FUNCTION_TIMEOUT' | 'FUNCTION_ERROR' | 'CLOUD_CLOSED';

/**
 * Why an invocation failed, shaped like the failure a caller of wx.cloud.callFunction sees
 * (errCode/errMsg); `code` says which case it is, `cause` keeps the function's own error.
 */
export class InvokeError extends Error {
  constructor(
    readonly code: InvokeErrorCode,
    readonly errCode: number,
    readonly errMsg: string,
    readonly requestId: string,
    options?: { cause?: unknown },
  ) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`, options);
    this.name = 'InvokeError';
  }
}

export function isInvokeError(error: unknown): error is InvokeError {
  return error instanceof InvokeError;
}
