/**
 * Hired → the seeker's caseworker confirms (issue 5 Applications): the employer's word alone does
 * not close an unemployment registration (000 §1(4): registrations change status on what the
 * caseworker finds). The hire opens a task for the person's 包保 caseworker — once per
 * application, whatever retries — who confirms it with the person (casework.confirmHire).
 */
import { isActive, requestNoticeData } from '@nuanxin/shared';

import {
  hireConfirmationsRepo,
  notify,
  registrationsRepo,
  type ApplicationRecord,
  type Store,
} from '../_lib';

export const CASEWORKER_TASKS_PAGE = 'packages/caseworker/tasks/index';

/** Opens the confirmation task; false when there is nothing to confirm or it exists already. */
export async function openHireConfirmation(
  db: Store,
  a: ApplicationRecord,
  now: Date,
): Promise<boolean> {
  const record = await registrationsRepo(db).find(a.registrationId);
  // Already employed, or no longer registered: nothing for the caseworker to move.
  if (!record || !isActive(record.status)) return false;
  const created = await hireConfirmationsRepo(db).open({
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
  });
  if (created && record.caseworkerOpenid) {
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
        body: `${record.identity.name ?? '您的包保对象'}已被${a.vacancy.companyName}确认入职“${a.vacancy.title}”。请联系本人核实，确认后其失业登记转为已就业，回访改为每年一次。`,
      },
      now,
    );
  }
  return created;
}
