/**
 * `push`: positions pushed to registered seekers (issue 5, Pushes; 000 §4(6) at least 3 a month,
 * a 公益性岗位 for 就业困难人员; 000 §5(3) a 见习岗位 for recent graduates). Hourly from 09:00 to
 * 18:00 (config.json) the timer tops up each seeker's month from their recommendations, resuming
 * its pass where the last run stopped; each person is handled at most once a day. The seeker's
 * consent taps ("有新岗位时通知我") count the subscription messages they may get; supervisors read
 * 推送提供就业岗位数 by month and township down to the people.
 */
import { createFunction } from '../_lib';

import { consent, mine } from './seeker';
import { stats } from './stats';
import { topUp } from './timer';

export const main = createFunction(
  'push',
  { consent, mine, stats },
  { onTimer: (_event, { db, now }) => topUp(db, now) },
);
