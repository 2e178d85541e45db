import { INSTITUTION_KINDS } from '../../training/course';
import { z } from '../../zod';
import { defineAction } from '../define';
import { usccSchema } from '../employer/schemas';
import { townshipCodeSchema } from '../user/common';

import { institutionViewSchema, trainingIdSchema } from './schemas';

const institutionRow = institutionViewSchema.extend({
  /** The institution's USCC: the 用人单位 account of the same code manages its courses. */
  uscc: z.string().nullable(),
  /** A verified 用人单位 with this USCC exists (the institution can log in itself). */
  hasAccount: z.boolean(),
  canEdit: z.boolean(),
});

/**
 * The training institutions a course may be published for: all of them for 就业中心 staff and
 * supervisors (an online platform teaches citywide), the caller's own for an institution.
 */
export const institutions = defineAction({
  fn: 'training',
  action: 'institutions',
  title: '培训机构列表（工作人员看全市，培训机构看本机构）',
  input: z.strictObject({}),
  output: z.object({
    institutions: z.array(institutionRow),
    /** The caller's courses go to the 就业中心 for review before seekers see them. */
    coursesReviewed: z.boolean(),
  }),
  roles: ['employer', 'caseworker', 'supervisor'],
  example: {},
  writes: false,
});

/**
 * 就业中心 staff add or correct an institution. Its USCC links it to the 用人单位 account of the
 * same code, which then manages the institution's courses and attendance itself.
 */
export const saveInstitution = defineAction({
  fn: 'training',
  action: 'saveInstitution',
  title: '就业中心新增或修改培训机构（按统一社会信用代码关联机构自己的账号）',
  input: z.strictObject({
    id: trainingIdSchema.nullable().default(null),
    name: z
      .string()
      .trim()
      .min(4, { error: '请填写机构全称' })
      .max(60, { error: '机构名称不超过60个字' }),
    kind: z.enum(INSTITUTION_KINDS, { error: '请选择机构类型' }),
    township: townshipCodeSchema,
    address: z.string().trim().max(100, { error: '地址不超过100个字' }).default(''),
    phone: z
      .string()
      .trim()
      .regex(/^[\d-]{0,20}$/, { error: '电话只能包含数字和“-”' })
      .default(''),
    uscc: usccSchema.nullable().default(null),
  }),
  output: z.object({ institution: institutionRow }),
  roles: ['caseworker', 'supervisor'],
  example: {
    name: '任城区示例职业培训学校',
    kind: 'private',
    township: '370811002',
    address: '任城区示例路2号',
    phone: '0537-2345678',
  },
  writes: true,
});
