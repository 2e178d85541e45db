/**
 * The router every cloud function is made of: action → contract → caller → role → input schema →
 * handler → output schema. Handlers never see an unvalidated payload or an unauthorized caller,
 * and no result ever carries a stack or a database error.
 */
import {
  fail,
  findContract,
  ok,
  validationFailure,
  type ActionName,
  type Contracts,
  type FunctionName,
  type Result,
  type z,
} from '@nuanxin/shared';

import { callerFrom, type Caller } from './caller';
import { database, wxContext, type Database } from './cloud';
import { toFailure } from './errors';
import { usersRepo } from './repos/users';

export interface ActionContext {
  caller: Caller;
  db: Database;
  /** The instant the invocation started; use it for every timestamp the action writes. */
  now: Date;
}

type ContractOf<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] & {
  input: z.ZodType;
  output: z.ZodType;
};

export type Handler<F extends FunctionName, A extends ActionName<F>> = (
  input: z.output<ContractOf<F, A>['input']>,
  ctx: ActionContext,
) => Promise<z.input<ContractOf<F, A>['output']>>;

export type Handlers<F extends FunctionName> = { [A in ActionName<F>]: Handler<F, A> };

/** A timer trigger's event, as CloudBase sends it. Never accepted from a caller with an openid. */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

export interface FunctionOptions {
  onTimer?: (event: TimerEvent, ctx: { db: Database; now: Date }) => Promise<unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createFunction<F extends FunctionName>(
  fn: F,
  handlers: Handlers<F>,
  options: FunctionOptions = {},
): (event: unknown, context?: unknown) => Promise<Result<unknown>> {
  return async function main(event: unknown): Promise<Result<unknown>> {
    const now = new Date();
    const where = `${fn}`;
    try {
      const { OPENID: openid, SOURCE: source } = wxContext();
      // Only the platform's timer trigger runs timer work: SOURCE 'wx_trigger' is set by WeChat
      // and cannot be sent by a caller. An event that merely says Type: 'Timer' is a bad call.
      if (source === 'wx_trigger' && isRecord(event) && event.Type === 'Timer' && options.onTimer) {
        await options.onTimer(event as unknown as TimerEvent, { db: database(), now });
        return ok(null);
      }
      if (!isRecord(event) || typeof event.action !== 'string') {
        return fail('VALIDATION', '请求格式不正确：缺少要执行的操作（action）');
      }
      const action = event.action;
      const contract = findContract(fn, action);
      const handler = (handlers as Record<string, Handler<F, ActionName<F>>>)[action];
      if (!contract || !handler) return fail('NOT_FOUND', `没有这个操作：${fn}.${action}`);
      if (!openid) return fail('UNAUTHENTICATED');

      const db = database();
      const caller = callerFrom(openid, await usersRepo(db).byOpenid(openid));
      if (!contract.roles.includes(caller.role)) {
        return fail('FORBIDDEN', '您当前的身份不能进行此操作');
      }
      const parsed = contract.input.safeParse(event.payload ?? {});
      if (!parsed.success) return validationFailure(parsed.error);

      const data = await handler(parsed.data as never, { caller, db, now });
      // Parsing the output also strips any field the contract does not name, so a handler cannot
      // leak more than the screen needs.
      const out = contract.output.safeParse(data);
      if (!out.success) {
        console.error(`[${where}.${action}] output does not match its contract`, out.error.issues);
        return fail('INTERNAL');
      }
      return ok(out.data);
    } catch (error) {
      return toFailure(error, where);
    }
  };
}
