/**
 * What a transport reports back to `cloud.ts`. Transports never throw and never interpret the
 * answer: they only say whether a body arrived, and `cloud.ts` turns every outcome into a
 * `Result` with a Chinese message, once, for both platforms.
 */
export interface CloudEvent {
  action: string;
  payload: unknown;
}

export type TransportOutcome =
  /** A decoded answer from the function (HTTP 2xx with JSON, or callFunction's `result`). */
  | { kind: 'body'; body: unknown }
  /** HTTP error status; `body` is set when the response was still JSON. */
  | { kind: 'http'; status: number; body?: unknown }
  /** The response arrived but was not JSON (a proxy's HTML error page, for example). */
  | { kind: 'notJson'; status: number }
  /** No answer: offline, DNS, connection refused, or the request took too long. */
  | { kind: 'network'; timeout: boolean }
  /** The platform refused the call (weapp `callFunction:fail ...`). */
  | { kind: 'platform'; detail: string };

export type Transport = (fn: string, event: CloudEvent) => Promise<TransportOutcome>;
