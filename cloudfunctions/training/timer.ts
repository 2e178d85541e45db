/**
 * Daily at 00:30 Asia/Shanghai (config.json), just after the confirm deadlines (the end of a
 * day): seats offered from a waitlist and not confirmed in time go to the next person waiting;
 * free seats still left with people waiting are given out; certificates not issued within 2
 * months of passing (000 §3(7)) are flagged once, and the 就业中心 and 职鉴中心 staff covering
 * the course's township are told how many. Each step runs even when another failed.
 */
import { certificateOverdueData, dateKey } from '@nuanxin/shared';

import {
  allRows,
  bookingsRepo,
  certificatesRepo,
  coursesRepo,
  notify,
  seatsRepo,
  usersRepo,
  type CertificateRecord,
  type Database,
  type UserRecord,
} from '../_lib';

import { fillSeats, lapsePromotion } from './seats';

export const CERTIFICATES_PAGE = 'packages/training/certificates/index';
const PAGE = 100;

export interface DailyResult {
  lapsed: number;
  promoted: number;
  flagged: number;
  told: number;
}

/**
 * The steps are independent: a step that fails (or one booking or course in it) is logged and
 * the others still run — a stuck promotion must not keep overdue certificates from being
 * flagged. When anything failed, the run reports it at the end.
 */
export async function dailyTraining(db: Database, now: Date): Promise<DailyResult> {
  const result: DailyResult = { lapsed: 0, promoted: 0, flagged: 0, told: 0 };
  const failures: string[] = [];
  const attempt = async (what: string, step: () => Promise<void>): Promise<void> => {
    try {
      await step();
    } catch (error) {
      failures.push(what);
      console.error(`[training.timer] ${what} failed`, error);
    }
  };
  const courses = coursesRepo(db);

  await attempt('lapsing promotions', async () => {
    const failed = new Set<string>();
    for (;;) {
      const page = await bookingsRepo(db).promotionsDue(now, PAGE);
      const due = page.filter((b) => !failed.has(b._id));
      let progressed = 0;
      for (const booking of due) {
        await attempt(`lapsing booking ${booking._id}`, async () => {
          try {
            const course = await courses.find(booking.courseId);
            if (await lapsePromotion(db, booking, course, now)) {
              result.lapsed += 1;
              progressed += 1;
            }
          } catch (error) {
            failed.add(booking._id);
            throw error;
          }
        });
      }
      if (page.length < PAGE || progressed === 0) break;
    }
  });

  // Seats freed while nobody was promoted (a raised capacity, a lapse above, a race).
  await attempt('filling seats', async () => {
    const upcoming = await courses.upcoming(now);
    const seats = new Map(
      (await seatsRepo(db).byIds(upcoming.map((c) => c._id))).map((s) => [s._id, s]),
    );
    for (const course of upcoming) {
      const s = seats.get(course._id);
      if (!s || s.waiting <= 0 || s.taken >= s.capacity) continue;
      await attempt(`filling seats of ${course._id}`, async () => {
        result.promoted += (await fillSeats(db, course, now)).length;
      });
    }
  });

  await attempt('flagging overdue certificates', async () => {
    const overdue = await certificatesRepo(db).newlyOverdue(dateKey(now), 1000);
    if (overdue.length === 0) return;
    for (const task of overdue) {
      await certificatesRepo(db).update(task._id, { overdueFlaggedAt: now });
    }
    result.flagged = overdue.length;
    result.told = await tellStaff(db, overdue, now);
  });

  if (failures.length > 0) {
    throw new Error(
      `training daily run: ${failures.length} step(s) failed: ${failures.join('; ')}`,
    );
  }
  return result;
}

/** 就业中心 caseworkers and supervisors covering the township, and the 职鉴中心 (citywide or its townships). */
function responsibleFor(staff: readonly UserRecord[], township: string): UserRecord[] {
  return staff.filter((u) => {
    const covers = u.townships.length === 0 || u.townships.includes(township);
    if (u.role === 'supervisor') return covers;
    if (u.org === 'skills') return covers;
    return u.org === 'employment' && u.townships.includes(township);
  });
}

async function tellStaff(
  db: Database,
  tasks: readonly CertificateRecord[],
  now: Date,
): Promise<number> {
  const staff = [
    ...(await usersRepo(db).caseworkers()).filter(
      (u) => u.org === 'employment' || u.org === 'skills',
    ),
    ...(await allRows<UserRecord>(db.collection('users').where({ role: 'supervisor' }))),
  ];
  const perStaff = new Map<string, { user: UserRecord; tasks: CertificateRecord[] }>();
  for (const task of tasks) {
    for (const user of responsibleFor(staff, task.township)) {
      const entry = perStaff.get(user.openid) ?? { user, tasks: [] };
      entry.tasks.push(task);
      perStaff.set(user.openid, entry);
    }
  }
  for (const { user, tasks: mine } of perStaff.values()) {
    const earliestDue = mine.map((t) => t.dueDate).sort()[0]!;
    await notify(
      db,
      {
        openid: user.openid,
        template: 'certificateOverdue',
        data: certificateOverdueData({ count: mine.length, earliestDue, at: now }),
        page: CERTIFICATES_PAGE,
        title: '培训结业证书办理超期',
        body: `您负责范围内有${mine.length}名考核合格人员的结业证书超过2个月未发放（最早应于${earliestDue}前发放），请尽快办理。`,
      },
      now,
    );
  }
  return perStaff.size;
}
