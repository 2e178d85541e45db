/**
 * The only caller of the cloud. Every page calls `call(fn, action, payload)`; the payload and
 * answer types come from the shared contracts, so a wrong action name or field is a compile
 * error. Whatever happens on the way — offline, HTTP 500, an HTML error page, a platform
 * refusal — the page receives a `Result` with a Chinese message, never an exception.
 *
 * The platform split only swaps the transport (weapp: `Taro.cloud.callFunction`; h5:
 * `POST /cloud/<fn>`); `process.env.TARO_ENV` is replaced at build time so the other
 * transport is dropped from the bundle.
 */
import {
  isErrorCode,
  type ActionName,
  type AppErrorBody,
  type Contracts,
  type Fail,
  type FunctionName,
  type InputOf,
  type OutputOf,
  type Result,
} from '@nuanxin/shared';

import { h5Transport } from './h5Transport';
import type { Transport, TransportOutcome } from './transport';
import { weappTransport } from './weappTransport';

export type CallInput<F extends FunctionName, A extends ActionName<F>> = InputOf<Contracts[F][A]>;
export type CallOutput<F extends FunctionName, A extends ActionName<F>> = OutputOf<Contracts[F][A]>;

/** Messages for failures that happen before a cloud function could answer. */
export const TRANSPORT_MESSAGES = {
  network: '网络不可用，请检查网络后重试',
  timeout: '网络超时，请检查网络后重试',
  server: '服务暂时不可用，请稍后重试',
  notJson: '服务返回的内容无法识别，请稍后重试',
} as const;

const transport: Transport = process.env.TARO_ENV === 'h5' ? h5Transport : weappTransport;

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  payload: CallInput<F, A>,
): Promise<Result<CallOutput<F, A>>> {
  let outcome: TransportOutcome;
  try {
    outcome = await transport(fn, { action, payload });
  } catch {
    // Transports do not throw; this is the last guard so a page never sees an exception.
    outcome = { kind: 'network', timeout: false };
  }
  return toResult(outcome) as Result<CallOutput<F, A>>;
}

/** Turn what the transport saw into the one result shape. */
function toResult(outcome: TransportOutcome): Result<unknown> {
  switch (outcome.kind) {
    case 'body':
      return asResult(outcome.body) ?? failure(TRANSPORT_MESSAGES.notJson);
    case 'http': {
      // A gateway may answer an application error with an error status and a proper body.
      const fromBody = outcome.body === undefined ? null : asResult(outcome.body);
      if (fromBody && !fromBody.ok) return fromBody;
      return failure(`${TRANSPORT_MESSAGES.server}（${outcome.status}）`);
    }
    case 'notJson':
      return failure(TRANSPORT_MESSAGES.notJson);
    case 'network':
      return failure(outcome.timeout ? TRANSPORT_MESSAGES.timeout : TRANSPORT_MESSAGES.network);
    case 'platform':
      return failure(TRANSPORT_MESSAGES.server);
  }
}

function failure(message: string): Fail {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accept only `{ ok: true, data }` or `{ ok: false, error: { code, message } }`. */
function asResult(body: unknown): Result<unknown> | null {
  if (!isRecord(body)) return null;
  if (body.ok === true && 'data' in body) return { ok: true, data: body.data };
  if (body.ok === false && isRecord(body.error) && typeof body.error.message === 'string') {
    const { code, message, fields } = body.error;
    const error: AppErrorBody = { code: isErrorCode(code) ? code : 'INTERNAL', message };
    if (isRecord(fields)) {
      error.fields = Object.fromEntries(
        Object.entries(fields).filter((entry): entry is [string, string] => {
          return typeof entry[1] === 'string';
        }),
      );
    }
    return { ok: false, error };
  }
  return null;
}
