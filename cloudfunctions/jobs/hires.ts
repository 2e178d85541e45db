/**
 * Hired → the seeker's caseworker confirms (issue 5 Applications): the employer's word alone does
 * not close an unemployment registration (000 §1(4): registrations change status on what the
 * caseworker finds). The hire opens a task for the person's 包保 caseworker — once per
 * application — who confirms it with the person (casework.confirmHire).
 *
 * The task is written in the same transaction as the move to 'hired' (`move`'s `also`): a
 * function that dies at any point leaves either both or neither, never a hire nobody confirms.
 * The caseworker's notice goes after the commit; should that be lost, the task is still on their
 * tasks page.
 */
import { isActive, requestNoticeData } from '@nuanxin/shared';

import {
  hireConfirmationsRepo,
  notify,
  type ApplicationRecord,
  type HireConfirmationRecord,
  type RegistrationRecord,
  type Store,
} from '../_lib';

export const CASEWORKER_TASKS_PAGE = 'packages/caseworker/tasks/index';

/**
 * The confirmation task a hire of `a` opens, or null when there is nothing for the caseworker to
 * move (already employed, or no longer registered).
 */
export function hireConfirmationOf(
  a: ApplicationRecord,
  record: RegistrationRecord | null,
  now: Date,
): HireConfirmationRecord | null {
  if (!record || !isActive(record.status)) return null;
  return {
    _id: a._id,
    registrationId: record._id,
    openid: a.openid,
    vacancyId: a.vacancyId,
    companyId: a.companyId,
    vacancy: { title: a.vacancy.title, companyName: a.vacancy.companyName },
    personName: record.identity.name ?? a.applicant.name,
    hiredAt: now,
    status: 'pending',
    note: null,
    decidedAt: null,
    decidedBy: null,
    decidedByName: null,
  };
}

/** Inside the hire's transaction: the task commits with the move to 'hired'. */
export function openHireConfirmation(task: HireConfirmationRecord) {
  return (tx: Store): Promise<void> => hireConfirmationsRepo(tx).put(task);
}

/** After the commit: tells the person's caseworker that a hire waits for them. */
export async function tellCaseworkerOfHire(
  db: Store,
  task: HireConfirmationRecord,
  record: RegistrationRecord,
  now: Date,
): Promise<void> {
  if (!record.caseworkerOpenid) return;
  // No name in the push itself; the caseworker reads who in the app.
  await notify(
    db,
    {
      openid: record.caseworkerOpenid,
      template: 'requestAlert',
      data: requestNoticeData({
        subject: '包保对象入职待确认',
        result: '待确认',
        note: '企业已确认录用入职，请联系本人核实',
        at: now,
      }),
      page: CASEWORKER_TASKS_PAGE,
      title: '包保对象入职待确认',
      body: `${record.identity.name ?? '您的包保对象'}已被${task.vacancy.companyName}确认入职“${task.vacancy.title}”。请联系本人核实，确认后其失业登记转为已就业，回访改为每年一次。`,
    },
    now,
  );
}
