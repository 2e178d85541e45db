/**
 * Certificate tasks (000 §3(7): certificates within 2 months of passing), followed by the
 * 就业中心 and 职鉴中心 in their scope, by supervisors, and by the institution for its trainees.
 */
import { AppError, formatShanghai } from '@nuanxin/shared';
import { isCertificateOverdue } from '@nuanxin/shared/src/training';

import { auditRepo, certificatesRepo, type Handler } from '../_lib';

import { certificateScope, inCertificateScope } from './access';
import { taskView } from './views';

const TASK_NOT_FOUND = '没有找到这条发证任务，或它不在您的管理范围内';

export const certificates: Handler<'training', 'certificates'> = async (input, ctx) => {
  const { db, now, caller } = ctx;
  const scope = await certificateScope(ctx);
  const inScope = (await certificatesRepo(db).all()).filter((c) => inCertificateScope(scope, c));
  const overdue = (c: (typeof inScope)[number]) => isCertificateOverdue(c, now);
  const shown = inScope
    .filter((c) => {
      switch (input.filter) {
        case 'open':
          return c.status === 'open';
        case 'overdue':
          return overdue(c);
        case 'issued':
          return c.status === 'issued';
        case 'all':
          return true;
      }
    })
    // Overdue first, then by due day: what needs doing soonest is on top.
    .sort(
      (a, b) =>
        Number(overdue(b)) - Number(overdue(a)) ||
        a.dueDate.localeCompare(b.dueDate) ||
        a._id.localeCompare(b._id),
    );
  await auditRepo(db).append(
    {
      actorOpenid: caller.openid,
      action: 'training.certificates',
      detail: {
        count: shown.length,
        ids: shown
          .slice(0, 300)
          .map((c) => c.bookingId)
          .join(','),
      },
    },
    now,
  );
  return {
    tasks: shown.map((c) => taskView(c, now)),
    counts: {
      open: inScope.filter((c) => c.status === 'open').length,
      overdue: inScope.filter(overdue).length,
      issued: inScope.filter((c) => c.status === 'issued').length,
    },
  };
};

export const issueCertificate: Handler<'training', 'issueCertificate'> = async (input, ctx) => {
  const { db, now, caller } = ctx;
  const scope = await certificateScope(ctx);
  const repo = certificatesRepo(db);
  const task = await repo.find(input.taskId);
  if (!task || !inCertificateScope(scope, task)) throw new AppError('NOT_FOUND', TASK_NOT_FOUND);
  if (task.status === 'issued') {
    const when = task.issuedAt ? formatShanghai(task.issuedAt, 'YYYY年M月D日') : '此前';
    const no = task.certificateNo ? `（编号 ${task.certificateNo}）` : '';
    throw new AppError('CONFLICT', `该证书已于${when}登记发放${no}`);
  }
  const patch = {
    status: 'issued' as const,
    certificateNo: input.certificateNo,
    issuedAt: now,
    issuedBy: caller.openid,
  };
  await repo.update(task._id, patch);
  await auditRepo(db).append(
    { actorOpenid: caller.openid, action: 'training.issueCertificate', subjectId: task._id },
    now,
  );
  return { task: taskView({ ...task, ...patch }, now) };
};
