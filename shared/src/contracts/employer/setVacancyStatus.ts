import { z } from '../../zod';
import { defineAction } from '../define';

import { closeReasonSchema, idSchema, vacancyViewSchema } from './schemas';

export const setVacancyStatus = defineAction({
  fn: 'employer',
  action: 'setVacancyStatus',
  title: '用人单位暂停、恢复、关闭或续期岗位',
  input: z.strictObject({
    vacancyId: idSchema,
    event: z.enum(['pause', 'resume', 'close', 'renew'], { error: '请选择要进行的操作' }),
    /** For close. */
    closeReason: closeReasonSchema.default('filled'),
    /** For renew: the new valid-until date (YYYY-MM-DD). */
    validUntil: z.string().max(10).nullable().default(null),
  }),
  output: z.object({ vacancy: vacancyViewSchema }),
  roles: ['employer'],
  example: { vacancyId: 'vacancy-example', event: 'pause' },
  writes: true,
});
