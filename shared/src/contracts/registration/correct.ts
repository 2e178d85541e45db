import { z } from '../../zod';
import { defineAction } from '../define';

import {
  declarationsSchema,
  identitySchema,
  ownRegistrationSchema,
  wishesSchema,
  workSchema,
} from './schemas';

export const correct = defineAction({
  fn: 'registration',
  action: 'correct',
  title: '更正本人登记信息（身份证号、姓名需到窗口更正）',
  input: z.strictObject({
    identity: z
      .strictObject({
        mobile: identitySchema.shape.mobile,
        township: identitySchema.shape.township,
        community: identitySchema.shape.community,
        // Without the form's defaults: a field left out of a correction stays as it was (with the
        // default, correcting only the mobile would have cleared the location).
        location: identitySchema.shape.location.unwrap(),
        education: identitySchema.shape.education,
        graduationDate: identitySchema.shape.graduationDate.unwrap(),
        // Women only (the ID number fixes the sex): 女职工 (55) ↔ 女干部 (50) decides the
        // statutory retirement age; a man's category is always 'male'.
        retirementCategory: z.enum(['female55', 'female50'], { error: '请选择退休年龄类别' }),
      })
      .partial()
      .optional(),
    work: workSchema.optional(),
    declarations: declarationsSchema.optional(),
    wishes: wishesSchema.optional(),
  }),
  output: z.object({ registration: ownRegistrationSchema }),
  roles: ['citizen'],
  example: { identity: { mobile: '13900000000' } },
  writes: true,
});
