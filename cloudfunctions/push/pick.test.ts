/**
 * `choose`: an owed 公益性岗位 or 见习岗位 takes its slot; when none is open, an ordinary position
 * goes out only in an ordinary slot — never one more every day once the month's three are out.
 */
import { pushesDue, pushPlan, type PushRecord } from '@nuanxin/shared';

import type { VacancyRecord } from '../_lib';

import { choose, type Candidate } from './pick';

const candidate = (id: string, publicWelfare = false): Candidate => ({
  vacancy: {
    _id: id,
    flags: { publicWelfare, internship: false, assistance: false, disabilityFriendly: false },
  } as unknown as VacancyRecord,
  reasons: [],
  basis: 'recommended',
});
const difficult = { difficult: true, wantsInternship: false };
const at = (day: string) => `${day}T10:00:00+08:00`;
const push = (day: string, publicWelfare = false): PushRecord => ({
  at: at(day),
  publicWelfare,
  internship: false,
});
const dueOn = (pushes: PushRecord[], day: string) =>
  pushesDue(pushPlan(pushes, day.slice(0, 7), difficult, at(day)), at(day));

describe('choose', () => {
  const three = [push('2026-03-01'), push('2026-03-11'), push('2026-03-21')];

  it('three ordinary pushes out and no 公益性岗位 open: nothing more, day after day', () => {
    for (const day of ['2026-03-22', '2026-03-23', '2026-03-24']) {
      const due = dueOn(three, day);
      expect(due).toMatchObject({ count: 1, general: 0, publicWelfare: true });
      expect(choose([candidate('a'), candidate('b')], due)).toEqual([]);
    }
  });

  it('the owed 公益性岗位 goes out as soon as one is open', () => {
    const due = dueOn(three, '2026-03-22');
    expect(choose([candidate('a'), candidate('w', true)], due).map((c) => c.vacancy._id)).toEqual([
      'w',
    ]);
  });

  it('in an ordinary slot the 公益性岗位 comes first, and an ordinary one fills the slot when none is open', () => {
    const due = dueOn([], '2026-03-01');
    expect(due).toMatchObject({ count: 1, general: 1, publicWelfare: true });
    expect(choose([candidate('a'), candidate('w', true)], due).map((c) => c.vacancy._id)).toEqual([
      'w',
    ]);
    expect(choose([candidate('a'), candidate('b')], due).map((c) => c.vacancy._id)).toEqual(['a']);
  });
});
