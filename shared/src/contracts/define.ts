/**
 * One contract per action: its input and output schemas, the roles allowed to call it and one
 * valid example. The cloud router enforces it, the client takes its types from it, the local
 * gateway publishes it as JSON Schema at `/cloud/_contract`, and the generic fuzz and
 * authorization harnesses walk it, so a new action joins all of them by being registered.
 */
import type { Role } from '../roles';
import type { z } from '../zod';

export interface ActionContract<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  F extends string = string,
  A extends string = string,
> {
  fn: F;
  action: A;
  /** What the action does, in Chinese, for the contract page and the README. */
  title: string;
  input: I;
  output: O;
  /** Roles allowed to call it. Everyone else gets FORBIDDEN. */
  roles: readonly Role[];
  /** One valid input; the fuzz harness mutates it and the tests call it. */
  example: z.input<I>;
  /** Whether the action changes stored data (the fuzz harness checks refusals write nothing). */
  writes: boolean;
}

export function defineAction<
  I extends z.ZodType,
  O extends z.ZodType,
  const F extends string,
  const A extends string,
>(contract: ActionContract<I, O, F, A>): ActionContract<I, O, F, A> {
  return contract;
}

export type InputOf<C> = C extends ActionContract<infer I> ? z.input<I> : never;
export type OutputOf<C> = C extends ActionContract<z.ZodType, infer O> ? z.output<O> : never;
