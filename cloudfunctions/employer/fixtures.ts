/** Payloads and callers shared by the employer function's tests. */
import type { LocalCloud } from '@nuanxin/local';
import { usccCheckChar, type ActionName } from '@nuanxin/shared';

import { caller as callerOf } from '../test/support';

/** 市场服务中心 staff covering 任城区 and the 高新区 (seed). */
export const MARKET = 'demo-market-1';
/** demo-employer-2's company is in 兖州区, outside the market staff member's townships. */
export const OTHER_EMPLOYER = 'demo-employer-2';

export const uscc = (first17: string) => first17 + usccCheckChar(first17);

export const company = (over: Record<string, unknown> = {}) => ({
  name: '济宁新星电子有限公司',
  uscc: uscc('91370811MA3D5Y8L3'),
  industry: 'C',
  township: '370811002',
  address: '任城区示例路8号',
  contactName: '周经理',
  contactMobile: '13900005371',
  ...over,
});

export const vacancy = (over: Record<string, unknown> = {}) => ({
  title: '电子装配工',
  description: '负责电子元件装配与检验。',
  occupationCode: '6-25-04-07',
  headcount: 5,
  salaryMin: 3800,
  salaryMax: 5000,
  workType: 'fullTime',
  requirements: '初中及以上学历，能适应倒班。',
  benefits: '五险一金',
  ...over,
});

/** Calls as `openid`; results are read loosely, as the assertions say what they must hold. */
export function caller(c: LocalCloud, openid: string) {
  const call = callerOf(c, openid);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read loosely by assertions
  return (action: ActionName<'employer'>, payload: unknown): Promise<any> =>
    call('employer', action, payload);
}
