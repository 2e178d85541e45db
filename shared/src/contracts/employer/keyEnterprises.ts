/**
 * Key enterprises (重点企业白名单, 002 §9): a named 市场服务中心 staff member serves a company's
 * hiring, as a membership with history like the 包保 of people. Supervisors name and end them.
 */
import { z } from '../../zod';
import { defineAction } from '../define';
import { townshipCodeSchema } from '../user/common';

import { idSchema } from './schemas';

const reason = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(2, { error: `请填写${what}` })
    .max(200, { error: `${what}不超过200个字` });

export const setKeyEnterprise = defineAction({
  fn: 'employer',
  action: 'setKeyEnterprise',
  title: '业务主管把企业列为重点企业并指定（或更换）服务专员',
  input: z.strictObject({
    companyId: idSchema,
    staffOpenid: z.string({ error: '请选择服务专员' }).min(1, { error: '请选择服务专员' }).max(64),
    reason: reason('原因'),
  }),
  output: z.object({ ok: z.literal(true) }),
  roles: ['supervisor'],
  example: {
    companyId: 'company-example',
    staffOpenid: 'demo-market-1',
    reason: '年度重点用工企业',
  },
  writes: true,
});

export const endKeyEnterprise = defineAction({
  fn: 'employer',
  action: 'endKeyEnterprise',
  title: '业务主管结束企业的重点企业服务',
  input: z.strictObject({ companyId: idSchema, reason: reason('结束原因') }),
  output: z.object({ ok: z.literal(true) }),
  roles: ['supervisor'],
  example: { companyId: 'company-example', reason: '用工需求已满足' },
  writes: true,
});

export const enterprisePeriodSchema = z.object({
  staffOpenid: z.string(),
  staffName: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  reason: z.string(),
  endReason: z.string().nullable(),
  assignedByName: z.string(),
});

export const keyEnterpriseSchema = z.object({
  companyId: z.string(),
  companyName: z.string(),
  township: z.string(),
  townshipLabel: z.string(),
  /** The open period; null when the company is no longer a key enterprise. */
  current: enterprisePeriodSchema.nullable(),
  /** Every period, newest first. */
  history: z.array(enterprisePeriodSchema),
  /** The caller is the named staff member. */
  mine: z.boolean(),
});

export const companyOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  townshipLabel: z.string(),
});

export const keyEnterprises = defineAction({
  fn: 'employer',
  action: 'keyEnterprises',
  title: '查看重点企业及其服务专员（含历史）',
  input: z.strictObject({
    /** Part of a company's name: verified companies in scope that can be added. */
    keyword: z.string().trim().max(30, { error: '关键词不超过30个字' }).default(''),
  }),
  output: z.object({
    enterprises: z.array(keyEnterpriseSchema),
    candidates: z.array(companyOptionSchema),
  }),
  roles: ['caseworker', 'supervisor'],
  example: { keyword: '' },
  writes: false,
});

export const marketStaffSchema = z.object({
  openid: z.string(),
  displayName: z.string(),
  townships: z.array(townshipCodeSchema),
  /** '任城区等12个乡镇（街道）'; '全市' with none. */
  areaLabel: z.string(),
  /** Key enterprises they serve now. */
  serving: z.number().int(),
});

export const marketStaff = defineAction({
  fn: 'employer',
  action: 'marketStaff',
  title: '业务主管查看可指定的市场服务中心工作人员',
  input: z.strictObject({
    /** Only those who may serve this company (their townships cover it). */
    companyId: idSchema.nullable().default(null),
  }),
  output: z.object({ staff: z.array(marketStaffSchema) }),
  roles: ['supervisor'],
  example: {},
  writes: false,
});
