/**
 * @nuanxin/local — the local cloud: the real wx-server-sdk with its transport swapped for an
 * in-process store, timer triggers, a subscription-message outbox and an HTTP gateway.
 */
export {
  createLocalCloud,
  isInvokeError,
  InvokeError,
  type Caller,
  type InvokeErrorCode,
  type LocalCloud,
  type LocalCloudOptions,
  type StoreCollectionHandle,
} from './cloud';
export {
  loadCloudFunctions,
  DEFAULT_TIMEOUT_SECONDS,
  type FunctionConfig,
  type FunctionLoader,
  type FunctionModule,
  type TimerTrigger,
} from './functions';
export {
  startGateway,
  DEFAULT_PORT,
  DEFAULT_HOST,
  MAX_BODY_BYTES,
  type Gateway,
  type GatewayOptions,
} from './gateway';
export type { OutboxEntry } from './openapi';
export { nextFireTime, parseTimerCron, timerEvent, type TimerEvent } from './scheduler';
export { PINNED_WX_SERVER_SDK } from './sdk';
export { DEFAULT_DATA_DIR, DEFAULT_FUNCTIONS_DIR, DEFAULT_H5_DIR, REPO_ROOT } from './paths';
export { seedDemo, type SeedOptions } from './seed';
export { demoIdNumber } from './seed/registrations';
