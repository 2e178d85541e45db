/**
 * Timer triggers: CloudBase's 7-field cron (second minute hour day month weekday year) is read in
 * UTC+8 while functions run in UTC; the scheduler fires the function with the cloud's timer event,
 * as a timer (no user), bounded by the function's timeout.
 */
import type { FunctionLoader } from '../src';
import { isInvokeError, nextFireTime, parseTimerCron } from '../src';

import { newCloud, rejection } from './helpers';

const at = (iso: string): Date => new Date(iso);
const next = (cron: string, after: string): string | undefined =>
  nextFireTime(cron, at(after))?.toISOString();

describe('7-field cron in UTC+8', () => {
  it.each([
    [
      '09:00 every day is 01:00Z',
      '0 0 9 * * * *',
      '2024-01-01T00:30:00Z',
      '2024-01-01T01:00:00.000Z',
    ],
    [
      'past today’s 09:00 it is tomorrow',
      '0 0 9 * * * *',
      '2024-01-01T02:00:00Z',
      '2024-01-02T01:00:00.000Z',
    ],
    [
      'Shanghai midnight is 16:00Z the day before',
      '0 0 0 * * * *',
      '2024-01-01T12:00:00Z',
      '2024-01-01T16:00:00.000Z',
    ],
    [
      'seconds field counts',
      '30 15 10 * * * *',
      '2024-03-01T00:00:00Z',
      '2024-03-01T02:15:30.000Z',
    ],
    ['every 15 minutes', '0 */15 * * * * *', '2024-03-01T00:07:00Z', '2024-03-01T00:15:00.000Z'],
    [
      'weekday is the Shanghai weekday (Monday 08:00 = Monday 00:00Z)',
      '0 0 8 * * 1 *',
      '2024-01-07T20:00:00Z',
      '2024-01-08T00:00:00.000Z',
    ],
    [
      '1st of the month 02:00 Shanghai is the day before in UTC',
      '0 0 2 1 * * *',
      '2024-01-15T00:00:00Z',
      '2024-01-31T18:00:00.000Z',
    ],
    [
      'year field restricts to a later year',
      '0 0 0 1 1 * 2026',
      '2024-06-01T00:00:00Z',
      '2025-12-31T16:00:00.000Z',
    ],
    [
      'year ranges and lists',
      '0 0 12 1 6 * 2023,2027-2028',
      '2024-06-01T00:00:00Z',
      '2027-06-01T04:00:00.000Z',
    ],
  ])('%s', (_title, cron, after, expected) => {
    expect(next(cron, after)).toBe(expected);
  });

  it('a cron whose years are all past never fires again', () => {
    expect(nextFireTime('0 0 0 1 1 * 2020', at('2024-01-01T00:00:00Z'))).toBeNull();
  });

  it.each([
    ['six fields (the year is required)', '0 0 9 * * *', /应为 7 段/],
    ['a year outside 1970–2099', '0 0 9 * * * 2200', /年份/],
    ['an hour out of range', '0 0 25 * * * *', /cron 无效/],
  ])('rejects %s with a Chinese message', (_title, cron, message) => {
    expect(() => parseTimerCron(cron)).toThrow(message);
  });
});

describe('the scheduler', () => {
  it('runTimer fires the function with { Type: "Timer", TriggerName, Time } as a trigger, without a user', async () => {
    const local = await newCloud();
    try {
      await local.scheduler.runTimer('tick', at('2024-05-01T01:00:00.000Z'));
      expect(
        local.store
          .collection('ticks')
          .find({})
          .map(({ event, source, openid }) => ({ event, source, openid })),
      ).toEqual([
        {
          event: { Type: 'Timer', TriggerName: 'morning', Time: '2024-05-01T01:00:00Z' },
          source: 'wx_trigger',
          openid: null,
        },
      ]);
    } finally {
      await local.close();
    }
  });

  it('start() fires the trigger at its next cron time by the injected clock', async () => {
    // The clock says it is 08:59:59.4 in Shanghai: the 09:00 trigger is 0.6 s away.
    const offset = at('2024-05-01T00:59:59.400Z').getTime() - Date.now();
    const local = await newCloud({ clock: () => new Date(Date.now() + offset) });
    try {
      local.scheduler.start();
      const deadline = Date.now() + 5000;
      while (local.store.collection('ticks').count() === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      local.scheduler.stop();
      const [tick] = local.store.collection('ticks').find({});
      expect(tick?.event).toEqual({
        Type: 'Timer',
        TriggerName: 'morning',
        Time: '2024-05-01T01:00:00Z',
      });
    } finally {
      await local.close();
    }
  });

  it('a timer invocation is bounded by the function timeout', async () => {
    const functions: FunctionLoader = {
      stuck: {
        config: {
          timeout: 0.2,
          triggers: [{ name: 'nightly', type: 'timer', config: '0 0 3 * * * *' }],
        },
        load: () => ({ main: () => new Promise(() => undefined) }),
      },
    };
    const local = await newCloud({ functions });
    try {
      const error = await rejection(local.scheduler.runTimer('stuck'));
      expect(isInvokeError(error) && error.code).toBe('FUNCTION_TIMEOUT');
    } finally {
      await local.close();
    }
  });

  it('an invalid cron in a config.json fails when the cloud is created, not at fire time', async () => {
    const functions: FunctionLoader = {
      broken: {
        config: { triggers: [{ name: 'bad', type: 'timer', config: '0 0 9 * * *' }] },
        load: () => ({ main: async () => null }),
      },
    };
    await expect(newCloud({ functions })).rejects.toThrow(/应为 7 段/);
  });

  it('runTimer on a function without a timer trigger says so', async () => {
    const local = await newCloud();
    try {
      await expect(local.scheduler.runTimer('echo')).rejects.toThrow(
        '云函数 echo 没有配置定时触发器',
      );
    } finally {
      await local.close();
    }
  });
});
