import { z } from '../../zod';
import { defineAction } from '../define';

import { draftSectionsSchema, ownRegistrationSchema } from './schemas';

export const saveDraft = defineAction({
  fn: 'registration',
  action: 'saveDraft',
  title: '保存失业登记草稿（可分步填写，改日继续）',
  input: z.strictObject({
    /** The form step the citizen is on (0 identity … 3 wishes), to resume there. */
    step: z.number().int().min(0).max(3),
    sections: draftSectionsSchema,
  }),
  output: z.object({ registration: ownRegistrationSchema }),
  roles: ['citizen'],
  example: {
    step: 0,
    sections: { identity: { name: '王小雨', mobile: '13800000000', township: '370811002' } },
  },
  writes: true,
});
