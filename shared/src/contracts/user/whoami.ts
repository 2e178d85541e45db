import { ROLES } from '../../roles';
import { z } from '../../zod';
import { defineAction } from '../define';

import { whoamiOutput } from './common';

export const whoami = defineAction({
  fn: 'user',
  action: 'whoami',
  title: '查询当前用户的角色、姓名和所属机构',
  input: z.strictObject({}),
  output: whoamiOutput,
  roles: ROLES,
  example: {},
  writes: false,
});
