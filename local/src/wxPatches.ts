/**
 * The per-invocation APIs of the wx-server-sdk module object, replaced once per module copy:
 * getWXContext reads the invocation context, callFunction runs the callee in-process, openapi
 * goes to the local outbox, getTempFileURL signs links to the local file store (files.ts), and
 * downloadFile / deleteFile read and remove its files.
 * Everything else in the SDK stays as shipped.
 */
import { isPlainObject } from './clone';
import { currentInvocation, type Invocation } from './context';
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
  wx.getTempFileURL = async (options: unknown) => {
    const invocation = currentInvocation();
    if (!invocation) throw new Error('本地云：cloud.getTempFileURL 只能在云函数调用中使用');
    return { fileList: tempFileUrls(invocation, options), errMsg: 'getTempFileURL:ok' };
  };
  wx.downloadFile = async (options: unknown) => {
    const invocation = currentInvocation();
    if (!invocation) throw new Error('本地云：cloud.downloadFile 只能在云函数调用中使用');
    return downloadFile(invocation, options);
  };
  wx.deleteFile = async (options: unknown) => {
    const invocation = currentInvocation();
    if (!invocation) throw new Error('本地云：cloud.deleteFile 只能在云函数调用中使用');
    return { fileList: deleteFiles(invocation, options), errMsg: 'deleteFile:ok' };
  };
  Object.defineProperty(wx, WX_PATCHED, { value: true });
}

/** The SDK's TCB_ERR_CODE for a bad parameter and for a missing file. */
const INVALID_PARAM = -501007;
const STORAGE_FILE_NONEXIST = -503003;
/** CloudBase answers at most this many fileIDs per call (getTempFileURL, deleteFile). */
const TEMP_URL_MAX_FILES = 50;

interface TempFileUrlItem {
  fileID: string;
  tempFileURL: string;
  maxAge: number | undefined;
  status: number;
  errMsg: string;
}

/**
 * As CloudBase answers `getTempFileURL`: one item per fileID, status 0 with a link, or -503003
 * "storage file not exists" with an empty link. Items are fileID strings or `{ fileID, maxAge }`
 * (both keys required, as @cloudbase/node-sdk checks); anything else fails the whole call.
 */
function tempFileUrls(invocation: Invocation, options: unknown): TempFileUrlItem[] {
  if (!isPlainObject(options) || !Array.isArray(options.fileList)) {
    throw sdkError('getTempFileURL', INVALID_PARAM, 'fileList必须是非空的数组');
  }
  if (options.fileList.length > TEMP_URL_MAX_FILES) {
    throw sdkError('getTempFileURL', INVALID_PARAM, `fileList 最多 ${TEMP_URL_MAX_FILES} 个`);
  }
  const requests = options.fileList.map((item: unknown) => {
    if (typeof item === 'string') return { fileID: item, maxAge: undefined };
    if (isPlainObject(item) && 'fileID' in item && 'maxAge' in item) {
      return { fileID: String(item.fileID), maxAge: Number(item.maxAge) };
    }
    throw sdkError(
      'getTempFileURL',
      INVALID_PARAM,
      'fileList 的元素如果是对象，必须是包含 fileID 和 maxAge 的对象',
    );
  });
  const { files } = invocation.backend;
  return requests.map(({ fileID, maxAge }) => {
    const path = files.pathOf(fileID);
    if (!path || !files.exists(path)) {
      return {
        fileID,
        tempFileURL: '',
        maxAge,
        status: STORAGE_FILE_NONEXIST,
        errMsg: 'storage file not exists',
      };
    }
    return {
      fileID,
      tempFileURL: files.signedUrl(path, maxAge).url,
      maxAge,
      status: 0,
      errMsg: 'ok',
    };
  });
}

/**
 * As wx-server-sdk answers `downloadFile({ fileID })`: `{ statusCode: 200, fileContent }` with
 * the stored bytes (whatever they are); a file that is not there fails the call with -503003.
 */
function downloadFile(
  invocation: Invocation,
  options: unknown,
): { statusCode: number; fileContent: Buffer } {
  if (!isPlainObject(options) || typeof options.fileID !== 'string' || !options.fileID) {
    throw sdkError('downloadFile', INVALID_PARAM, 'fileID必须是非空的字符串');
  }
  const { files } = invocation.backend;
  const path = files.pathOf(options.fileID);
  const bytes = path ? files.bytes(path) : null;
  if (!bytes) throw sdkError('downloadFile', STORAGE_FILE_NONEXIST, 'storage file not exists');
  return { statusCode: 200, fileContent: bytes };
}

interface DeleteFileItem {
  fileID: string;
  status: number;
  errMsg: string;
}

/**
 * As wx-server-sdk answers `deleteFile({ fileList })`: one item per fileID, status 0 when it was
 * removed, -503003 when there was no such file. At most 50 non-empty strings, or the call fails.
 */
function deleteFiles(invocation: Invocation, options: unknown): DeleteFileItem[] {
  if (!isPlainObject(options) || !Array.isArray(options.fileList)) {
    throw sdkError('deleteFile', INVALID_PARAM, 'fileList必须是非空的数组');
  }
  const list: unknown[] = options.fileList;
  if (list.some((item) => typeof item !== 'string' || item === '')) {
    throw sdkError('deleteFile', INVALID_PARAM, 'fileList的元素必须是非空的字符串');
  }
  if (list.length > TEMP_URL_MAX_FILES) {
    throw sdkError('deleteFile', INVALID_PARAM, `fileList 最多 ${TEMP_URL_MAX_FILES} 个`);
  }
  const { files } = invocation.backend;
  return (list as string[]).map((fileID) => {
    const path = files.pathOf(fileID);
    return path && files.remove(path)
      ? { fileID, status: 0, errMsg: 'ok' }
      : { fileID, status: STORAGE_FILE_NONEXIST, errMsg: 'storage file not exists' };
  });
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
