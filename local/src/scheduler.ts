/**
 * Timer triggers. CloudBase timer triggers use a 7-field cron — second, minute, hour, day of
 * month, month, day of week, year — evaluated in UTC+8 (Asia/Shanghai), while the functions
 * themselves run in UTC. The first six fields go to cron-parser in Asia/Shanghai; the year field
 * is filtered here. A fired trigger invokes its function with the cloud's timer event
 * `{ Type: 'Timer', TriggerName, Time }`, bounded by the function's timeout like any invocation.
 */
import { CronExpressionParser } from 'cron-parser';

import { TIME_ZONE, yearKey, yearRange } from '@nuanxin/shared';

import type { Clock } from './ejson';
import type { FunctionLoader, TimerTrigger } from './functions';

const MIN_YEAR = 1970;
const MAX_YEAR = 2099;

function yearPredicate(field: string, source: string): (year: number) => boolean {
  if (field === '*' || field === '?') return () => true;
  const allowed = new Set<number>();
  for (const part of field.split(',')) {
    const match = /^(\*|\d{4})(?:-(\d{4}))?(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`定时触发器 cron 的年份字段无效：${source}`);
    const [, from, to, step] = match;
    const start = from === '*' ? MIN_YEAR : Number(from);
    const end =
      to !== undefined ? Number(to) : from === '*' || step !== undefined ? MAX_YEAR : start;
    const every = step !== undefined ? Number(step) : 1;
    if (start < MIN_YEAR || end > MAX_YEAR || start > end || every < 1) {
      throw new Error(`定时触发器 cron 的年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间：${source}`);
    }
    for (let y = start; y <= end; y += every) allowed.add(y);
  }
  return (year) => allowed.has(year);
}

export interface TimerSchedule {
  /** The first fire time strictly after `after`, or null if the cron never fires again. */
  next(after: Date): Date | null;
}

/** Parses a 7-field CloudBase timer cron; throws a Chinese message when it is invalid. */
export function parseTimerCron(config: string): TimerSchedule {
  const fields = config.trim().split(/\s+/);
  if (fields.length !== 7) {
    throw new Error(`定时触发器 cron 应为 7 段（秒 分 时 日 月 星期 年）：${config}`);
  }
  const six = fields.slice(0, 6).join(' ');
  const allowsYear = yearPredicate(fields[6] as string, config);
  try {
    CronExpressionParser.parse(six, { tz: TIME_ZONE });
  } catch (error) {
    throw new Error(
      `定时触发器 cron 无效：${config}（${error instanceof Error ? error.message : String(error)}）`,
    );
  }
  return {
    next(after) {
      let cursor = after;
      for (let guard = 0; guard <= MAX_YEAR - MIN_YEAR + 1; guard += 1) {
        let fire: Date;
        try {
          fire = CronExpressionParser.parse(six, { currentDate: cursor, tz: TIME_ZONE })
            .next()
            .toDate();
        } catch {
          return null; // e.g. 30 February: the cron never matches.
        }
        const year = Number(yearKey(fire));
        if (year > MAX_YEAR) return null;
        if (allowsYear(year)) return fire;
        // Skip to just before the first Shanghai instant of the next allowed year.
        let nextYear = year + 1;
        while (nextYear <= MAX_YEAR && !allowsYear(nextYear)) nextYear += 1;
        if (nextYear > MAX_YEAR) return null;
        cursor = new Date(yearRange(String(nextYear)).start.getTime() - 1);
      }
      return null;
    },
  };
}

export function nextFireTime(config: string, after: Date): Date | null {
  return parseTimerCron(config).next(after);
}

/** The event CloudBase passes to a function fired by a timer trigger. */
export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

export function timerEvent(trigger: TimerTrigger, at: Date): TimerEvent {
  // The cloud sends the scheduled instant in UTC without milliseconds, e.g. 2024-01-01T01:00:00Z.
  return {
    Type: 'Timer',
    TriggerName: trigger.name,
    Time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

export function timerOf(functions: FunctionLoader, fn: string): TimerTrigger {
  const trigger = functions[fn]?.config.triggers?.find((t) => t.type === 'timer');
  if (!trigger) throw new Error(`云函数 ${fn} 没有配置定时触发器`);
  return trigger;
}

/** Longest setTimeout delay Node accepts; longer waits re-arm. */
const MAX_DELAY = 2 ** 31 - 1;

export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private running = false;

  constructor(
    private readonly functions: FunctionLoader,
    private readonly fire: (fn: string, event: TimerEvent) => Promise<unknown>,
    private readonly clock: Clock,
  ) {
    // Fail at start-up, not at 03:00, when a config.json cron is wrong.
    for (const fn of Object.keys(functions)) {
      for (const trigger of functions[fn]?.config.triggers ?? []) parseTimerCron(trigger.config);
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const fn of Object.keys(this.functions)) {
      if (this.functions[fn]?.config.triggers?.some((t) => t.type === 'timer'))
        this.arm(fn, this.clock());
    }
  }

  stop(): void {
    this.running = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Fires a function's timer trigger now (or as of `at`), as the scheduler would. */
  runTimer(fn: string, at: Date = this.clock()): Promise<unknown> {
    try {
      return this.fire(fn, timerEvent(timerOf(this.functions, fn), at));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private arm(fn: string, after: Date): void {
    if (!this.running) return;
    const trigger = timerOf(this.functions, fn);
    const at = parseTimerCron(trigger.config).next(after);
    if (!at) return;
    const wait = (): void => {
      const delay = at.getTime() - this.clock().getTime();
      const timer = setTimeout(
        () => {
          if (!this.running) return;
          if (this.clock().getTime() < at.getTime()) return wait();
          this.runTimer(fn, at).catch((error: unknown) => {
            console.error(
              `定时触发器 ${fn}/${trigger.name} 执行失败：${error instanceof Error ? error.message : String(error)}`,
            );
          });
          this.arm(fn, at);
        },
        Math.min(Math.max(delay, 0), MAX_DELAY),
      );
      // The scheduler alone must not keep a process (or a jest worker) alive.
      timer.unref();
      this.timers.set(fn, timer);
    };
    wait();
  }
}
