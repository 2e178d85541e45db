import { z } from '../../zod';
import { defineAction } from '../define';

import { closeReasonSchema, idSchema, validDaysSchema, vacancyViewSchema } from './schemas';

export const setVacancyStatus = defineAction({
  fn: 'employer',
  action: 'setVacancyStatus',
  title:
    '用人单位暂停、恢复、关闭（已招满或撤回）或续期岗位（恢复、续期时重新检查，需审核的转入审核）',
  input: z.strictObject({
    vacancyId: idSchema,
    event: z.enum(['pause', 'resume', 'close', 'renew'], { error: '请选择要进行的操作' }),
    /** For close; a vacancy waiting for review can only be withdrawn. */
    closeReason: closeReasonSchema.default('filled'),
    /** For renew: the new valid-until date (YYYY-MM-DD); null: `validDays` from today. */
    validUntil: z.string().max(10).nullable().default(null),
    /** For renew: days from the server's today; both null: DEFAULT_VALIDITY_DAYS. */
    validDays: validDaysSchema,
  }),
  output: z.object({ vacancy: vacancyViewSchema }),
  roles: ['employer'],
  example: { vacancyId: 'vacancy-example', event: 'pause' },
  writes: true,
});
