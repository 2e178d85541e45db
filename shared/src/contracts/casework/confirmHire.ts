import { z } from '../../zod';
import { defineAction } from '../define';
import { applicationIdSchema } from '../jobs/schemas';

import { workbenchSchema } from './schemas';

export const confirmHireInput = z
  .strictObject({
    applicationId: applicationIdSchema,
    /** true: the person started work (the registration moves to employed); false: they did not. */
    employed: z.boolean({ error: '请选择是否已入职' }),
    note: z.string().trim().max(200, { error: '备注不超过200个字' }).default(''),
  })
  .refine((v) => v.employed || v.note.length >= 2, {
    error: '请写明未入职的原因',
    path: ['note'],
  });

export const confirmHire = defineAction({
  fn: 'casework',
  action: 'confirmHire',
  title: '核实包保对象入职：确认后失业登记转为已就业，回访改为每年一次',
  input: confirmHireInput,
  output: workbenchSchema,
  roles: ['caseworker'],
  example: { applicationId: 'application-example', employed: true, note: '电话核实已入职' },
  writes: true,
});
