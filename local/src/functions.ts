/**
 * Finding the cloud functions: every `cloudfunctions/<name>/index.ts` with its `config.json`
 * (timeout, timer trigger, openapi permissions), exactly what gets deployed. Helper folders
 * (`_lib`, `scripts`, anything starting with `_` or `.`) are not functions.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { z } from '@nuanxin/shared';

import { DEFAULT_FUNCTIONS_DIR } from './paths';

export interface TimerTrigger {
  name: string;
  type: 'timer';
  config: string;
}

export interface FunctionConfig {
  timeout?: number;
  triggers?: TimerTrigger[];
  permissions?: { openapi?: string[] };
}

export interface FunctionModule {
  // The event is whatever JSON the caller sent; each function validates it with its contracts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  main(event: any, context: any): Promise<unknown>;
}

export type FunctionLoader = Record<string, { load: () => FunctionModule; config: FunctionConfig }>;

/** CloudBase's limits: timeout 1–900 s (3 s when unset). */
export const DEFAULT_TIMEOUT_SECONDS = 3;

const configSchema = z.object({
  timeout: z.number().positive().max(900).optional(),
  triggers: z
    .array(
      z.object({ name: z.string().min(1), type: z.literal('timer'), config: z.string().min(1) }),
    )
    .max(1, { error: '每个云函数最多一个定时触发器' })
    .optional(),
  permissions: z.object({ openapi: z.array(z.string()).optional() }).optional(),
});

export function parseFunctionConfig(raw: unknown, where: string): FunctionConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${where} 格式不正确：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  return parsed.data;
}

const SKIPPED = new Set(['_lib', 'scripts', 'node_modules']);

export function loadCloudFunctions(dir: string = DEFAULT_FUNCTIONS_DIR): FunctionLoader {
  const loader: FunctionLoader = {};
  if (!existsSync(dir)) return loader;
  for (const name of readdirSync(dir).sort()) {
    if (SKIPPED.has(name) || name.startsWith('_') || name.startsWith('.')) continue;
    const folder = join(dir, name);
    const entry = join(folder, 'index.ts');
    if (!statSync(folder).isDirectory() || !existsSync(entry)) continue;
    const configPath = join(folder, 'config.json');
    const config = existsSync(configPath)
      ? parseFunctionConfig(JSON.parse(readFileSync(configPath, 'utf8')) as unknown, configPath)
      : {};
    loader[name] = {
      config,
      // jest's (or tsx's) require: the function shares the SDK module instance with local/.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      load: () => require(entry) as FunctionModule,
    };
  }
  return loader;
}
