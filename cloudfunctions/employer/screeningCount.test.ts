/**
 * 清理歧视性招聘信息数 counts ads, not attempts or phrases: one event per ad per refusal episode
 * (from the first refusal until the ad is next published), with every phrase refused in it
 * listed. See `ScreeningEventRecord` in _lib/repos/vacancies.ts for the rule.
 */
import type { LocalCloud } from '@nuanxin/local';

import { AS, seededCloud } from '../test/support';

import { caller, MARKET, vacancy } from './fixtures';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

const events = () => cloud.store.collection('ad_screening_events').find({}) as any[];
const save = (over: Record<string, unknown>) =>
  caller(cloud, AS.employer)('saveVacancy', vacancy(over));

describe('清理歧视性招聘信息数', () => {
  it('one ad with two refused phrases saved three times counts once, with both phrases', async () => {
    for (let i = 0; i < 3; i += 1) {
      const res = await save({ requirements: '限男性，本地户口' });
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(events()).toEqual([
      expect.objectContaining({
        kind: 'blocked',
        category: 'sex',
        categories: ['sex', 'hukou'],
        phrases: [
          { phrase: '限男性', category: 'sex' },
          { phrase: '本地户口', category: 'hukou' },
        ],
        attempts: 3,
        vacancyId: null,
        endedAt: null,
      }),
    ]);
  });

  it('blocked, fixed into wording staff reject, fixed and approved: one ad, one event', async () => {
    await save({ requirements: '限男性' });
    await save({ requirements: '男性优先，年龄18-35岁' });
    const pending = await save({ requirements: '年龄18-35岁' });
    const id = pending.data.vacancy.id;
    expect(pending.data.vacancy.status).toBe('pendingReview');
    await caller(cloud, MARKET)('review', {
      kind: 'vacancy',
      id,
      decision: 'reject',
      reason: '年龄限制与岗位无关，请删除',
    });
    await save({ id, requirements: '能适应倒班' });
    expect(events()).toEqual([
      expect.objectContaining({
        vacancyId: id,
        kinds: ['blocked', 'rejected'],
        categories: ['sex', 'age'],
        attempts: 3,
        endedAt: expect.any(Date),
      }),
    ]);
  });

  it('a published ad edited into discriminatory wording later is a new ad text cleaned up: counted again', async () => {
    await save({ requirements: '限男性' });
    const id = (await save({})).data.vacancy.id;
    expect(events()).toHaveLength(1);
    await save({ id, requirements: '仅限本地户口' });
    await save({ id, requirements: '仅限本地户口' });
    expect(events().map((e) => [e.vacancyId, e.category, e.attempts])).toEqual([
      [id, 'sex', 1],
      [id, 'hukou', 2],
    ]);
  });

  it('two different ads count twice; double taps on one count once', async () => {
    await Promise.all([
      save({ title: '仓库包装工', requirements: '限男性' }),
      save({ title: '仓库包装工', requirements: '限男性' }),
    ]);
    await save({ title: '前台接待', requirements: '限女性' });
    expect(
      events()
        .map((e) => e.category)
        .sort(),
    ).toEqual(['sex', 'sex']);
    expect(
      events()
        .map((e) => e.attempts)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('holds no personal data', async () => {
    await save({ requirements: '限男性' });
    const json = JSON.stringify(events());
    expect(json).not.toMatch(/demo-employer-1|王经理|138\d{8}/);
  });
});
