/**
 * 推送提供就业岗位数 (暖心活动情况统计表, 004) for supervisors: pushes of one Shanghai month by the
 * township the person lives in, within the supervisor's townships; naming a township lists the
 * people behind the number and each position pushed to them (003 §5(五): real-name and
 * traceable). Counted from the push records themselves, never from a stored counter.
 */
import { AppError, monthKey, townshipLabel } from '@nuanxin/shared';

import { auditRepo, pushesRepo, registrationsRepo, type Handler, type PushRecord } from '../_lib';
import { supervisorScope } from '../registration/access';

import { pushView } from './views';

const NOT_IN_SCOPE = '该乡镇（街道）不在您的管辖范围内';
const UNKNOWN = 'unknown';

export const stats: Handler<'push', 'stats'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const month = input.month ?? monthKey(now);
  const scope = supervisorScope(caller);
  if (input.township && scope !== null && !scope.includes(input.township)) {
    throw new AppError('FORBIDDEN', NOT_IN_SCOPE, { township: NOT_IN_SCOPE });
  }
  const pushes = await pushesRepo(db).ofMonth(month, scope);
  const byTownship = new Map<string, PushRecord[]>();
  for (const p of pushes) {
    const key = p.township ?? UNKNOWN;
    byTownship.set(key, [...(byTownship.get(key) ?? []), p]);
  }
  const townships = [...byTownship.entries()]
    .map(([township, list]) => ({
      township,
      townshipLabel: township === UNKNOWN ? '未填写' : townshipLabel(township),
      pushes: list.length,
      people: new Set(list.map((p) => p.registrationId)).size,
      subscription: list.filter((p) => p.channel === 'subscription').length,
      inApp: list.filter((p) => p.channel === 'inApp').length,
      publicWelfare: list.filter((p) => p.publicWelfare).length,
      internship: list.filter((p) => p.internship).length,
    }))
    .sort((a, b) => a.township.localeCompare(b.township));

  let details = null;
  if (input.township) {
    const list = byTownship.get(input.township) ?? [];
    const ids = [...new Set(list.map((p) => p.registrationId))];
    const records = new Map((await registrationsRepo(db).byIds(ids)).map((r) => [r._id, r]));
    details = ids
      .map((id) => ({
        registrationId: id,
        name: records.get(id)?.identity.name ?? '',
        townshipLabel: townshipLabel(input.township!),
        pushes: list
          .filter((p) => p.registrationId === id)
          .sort((a, b) => +new Date(a.at) - +new Date(b.at))
          .map(pushView),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    // The names behind the number are personal data: the read is on record before it is shown.
    await auditRepo(db).append(
      {
        actorOpenid: caller.openid,
        action: 'push.stats',
        detail: { month, township: input.township, ids: ids.slice(0, 300).join(',') },
      },
      now,
    );
  }
  return {
    month,
    total: pushes.length,
    people: new Set(pushes.map((p) => p.registrationId)).size,
    townships,
    details,
  };
};
