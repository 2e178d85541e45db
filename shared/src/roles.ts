/**
 * Who uses the system. A WeChat user with no record is a citizen; employers come from company
 * onboarding; staff are bound by an admin's invitation code.
 */
export const ROLES = ['citizen', 'employer', 'caseworker', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  citizen: '求职者',
  employer: '用人单位',
  caseworker: '包保责任人',
  supervisor: '业务主管',
  admin: '系统管理员',
};

export const STAFF_ROLES = ['caseworker', 'supervisor', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

/** The staff organisations the policies name (000, 002). */
export const STAFF_ORGS = ['employment', 'market', 'talent', 'skills'] as const;
export type StaffOrg = (typeof STAFF_ORGS)[number];

export const STAFF_ORG_LABELS: Record<StaffOrg, string> = {
  employment: '就业中心',
  market: '市场服务中心',
  talent: '人才服务中心',
  skills: '职鉴中心',
};
