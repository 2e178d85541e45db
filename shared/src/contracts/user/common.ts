import { ROLES, STAFF_ORGS, STAFF_ROLES } from '../../roles';
import { z } from '../../zod';

export const roleSchema = z.enum(ROLES);
export const staffRoleSchema = z.enum(STAFF_ROLES);
export const staffOrgSchema = z.enum(STAFF_ORGS);

/** 9-digit township code (GB/T 2260 + 3), e.g. 370811002. */
export const townshipCodeSchema = z
  .string()
  .regex(/^\d{9}$/, { error: '乡镇（街道）代码应为9位数字' });

export const whoamiOutput = z.object({
  role: roleSchema,
  roleLabel: z.string(),
  displayName: z.string(),
  org: staffOrgSchema.nullable(),
  orgLabel: z.string().nullable(),
  townships: z.array(townshipCodeSchema),
  /** No record yet: a WeChat user who has not registered anything. */
  isNew: z.boolean(),
});
export type Whoami = z.output<typeof whoamiOutput>;
