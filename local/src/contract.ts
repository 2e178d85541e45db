/**
 * `/cloud/_contract`: every registered action with its roles and JSON Schemas, generated from
 * the zod contracts in @nuanxin/shared — the client, the fuzz harness and people read the same.
 */
import { listContracts, z } from '@nuanxin/shared';

export interface ContractEntry {
  fn: string;
  action: string;
  title: string;
  roles: readonly string[];
  writes: boolean;
  input: unknown;
  output: unknown;
  example: unknown;
}

export function contractDocument(): { actions: ContractEntry[] } {
  return {
    actions: listContracts().map((c) => ({
      fn: c.fn,
      action: c.action,
      title: c.title,
      roles: c.roles,
      writes: c.writes,
      input: z.toJSONSchema(c.input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(c.output, { io: 'output', unrepresentable: 'any' }),
      example: c.example,
    })),
  };
}
