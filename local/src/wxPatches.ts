/**
 * The per-invocation APIs of the wx-server-sdk module object, replaced once per module copy:
 * getWXContext reads the invocation context, callFunction runs the callee in-process, and
 * openapi goes to the local outbox. Everything else in the SDK stays as shipped.
 */
import { isPlainObject } from './clone';
import { currentInvocation } from './context';
import { isInvokeError } from './invokeError';
import { createOpenApiNamespace } from './openapi';
import type { SdkHandles } from './sdk';

const WX_PATCHED = Symbol.for('nuanxin.local.wx-patched');

/** Replaces the per-invocation APIs of the wx-server-sdk module object (once per module copy). */
export function installWxPatches(sdk: SdkHandles): void {
  const wx = sdk.wx as SdkHandles['wx'] & { [WX_PATCHED]?: true };
  if (wx[WX_PATCHED]) return;
  wx.getWXContext = () => {
    const invocation = currentInvocation();
    return invocation ? { ...invocation.wx } : {};
  };
  wx.callFunction = async (options: unknown) => {
    const invocation = currentInvocation();
    if (!invocation) throw new Error('本地云：cloud.callFunction 只能在云函数调用中使用');
    if (!isPlainObject(options) || typeof options.name !== 'string') {
      throw sdkError(
        'callFunction',
        -1,
        'Params for callFunction must be an object with a string name',
      );
    }
    const data = options.data ?? {};
    try {
      const { result, requestId } = await invocation.backend.callFunction(
        options.name,
        data,
        invocation,
      );
      // The SDK's own success shape: errMsg "callFunction:ok" and requestID (capital ID).
      return { result, errMsg: 'callFunction:ok', requestID: requestId };
    } catch (error) {
      if (!isInvokeError(error)) throw error;
      // As wx-server-sdk turns a failed server response into its error: "<api>:fail <code> …".
      const failure = sdkError(
        'callFunction',
        error.errCode,
        `requestID ${error.requestId}, ${error.errMsg}`,
      );
      Object.assign(failure, { requestID: error.requestId });
      throw failure;
    }
  };
  wx.openapi = createOpenApiNamespace(currentInvocation);
  Object.defineProperty(wx, WX_PATCHED, { value: true });
}

/** wx-server-sdk's ERR_CODE texts used in callFunction failures. */
const CALL_ERR_TEXT: Record<number, string> = {
  [-501000]: '',
  [-504002]: 'functions execute fail',
  [-504003]: '',
};

function sdkError(
  api: string,
  errCode: number,
  errMsg: string,
): Error & { errCode: number; errMsg: string } {
  const error = new Error(
    `${api}:fail ${errCode} ${CALL_ERR_TEXT[errCode] ?? ''}. ${errMsg}`,
  ) as Error & {
    errCode: number;
    errMsg: string;
  };
  error.errCode = errCode;
  error.errMsg = error.message;
  return error;
}
