/**
 * Every collection and index of the document database, in one manifest. The local cloud creates
 * them from here (unique indexes enforced, hash indexes on the declared fields, 2dsphere for geo);
 * for production it is the checklist for the CloudBase console (see README: 部署).
 */
export type IndexDirection = 1 | -1 | '2dsphere';

export interface IndexSpec {
  name: string;
  /** Field paths in order. A unique index treats a missing field as null, as CloudBase does. */
  keys: Record<string, IndexDirection>;
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  /** What it holds, in Chinese, for the console checklist. */
  title: string;
  indexes: IndexSpec[];
}

export const COLLECTIONS = [
  {
    name: 'users',
    title: '用户与角色（按 openid）',
    indexes: [
      { name: 'openid_unique', keys: { openid: 1 }, unique: true },
      { name: 'role', keys: { role: 1 } },
    ],
  },
  {
    name: 'invitations',
    title: '工作人员邀请码',
    indexes: [{ name: 'code_unique', keys: { code: 1 }, unique: true }],
  },
  {
    name: 'companies',
    title: '用人单位（企业）',
    indexes: [
      { name: 'uscc_unique', keys: { uscc: 1 }, unique: true },
      { name: 'township', keys: { township: 1 } },
      { name: 'location_geo', keys: { location: '2dsphere' } },
    ],
  },
  {
    name: 'training_institutions',
    title: '培训机构',
    indexes: [
      { name: 'township', keys: { township: 1 } },
      { name: 'location_geo', keys: { location: '2dsphere' } },
    ],
  },
  {
    name: 'consents',
    title: '个人信息处理单独同意（版本、时间、撤回）',
    indexes: [{ name: 'openid_purpose', keys: { openid: 1, purpose: 1 } }],
  },
  {
    name: 'registrations',
    title: '失业登记（含草稿；身份证号加密，按 HMAC 查重）',
    indexes: [
      // One open record per person: 'draft:<openid>' | 'id:<HMAC of ID number>' | 'closed:<_id>'.
      { name: 'active_key_unique', keys: { activeKey: 1 }, unique: true },
      { name: 'openid', keys: { openid: 1 } },
      { name: 'caseworker_status', keys: { caseworkerOpenid: 1, status: 1 } },
      { name: 'township_status', keys: { township: 1, status: 1 } },
      // The daily timer pages through open registrations by status in _id order.
      { name: 'status', keys: { status: 1 } },
      // Every registration of one ID number, whichever WeChat account made it (one person, one
      // 包保 caseworker): the ID number's HMAC, kept after the active key is released.
      { name: 'id_hash', keys: { idHash: 1 } },
    ],
  },
  {
    name: 'registration_log',
    title: '失业登记办理记录（状态变化：谁、何时、为什么）',
    indexes: [{ name: 'registration_at', keys: { registrationId: 1, at: 1 } }],
  },
  {
    name: 'caseload_memberships',
    title: '包保关系（开始、结束、原因；只增不删）',
    indexes: [
      { name: 'caseworker_ended', keys: { caseworkerOpenid: 1, endedAt: 1 } },
      { name: 'registration_ended', keys: { registrationId: 1, endedAt: 1 } },
    ],
  },
  {
    name: 'caseload_counters',
    title: '包保责任人在办人数计数（_id 为责任人 openid；在事务中增减，用于人数上限）',
    indexes: [],
  },
  {
    name: 'insurance_claims',
    title: '失业保险金申领（随登记一并提交）',
    indexes: [
      { name: 'registration', keys: { registrationId: 1 } },
      { name: 'caseworker_status', keys: { caseworkerOpenid: 1, status: 1 } },
    ],
  },
  {
    name: 'messages',
    title: '站内消息（订阅消息无额度时的替代）',
    indexes: [{ name: 'openid_at', keys: { openid: 1, at: -1 } }],
  },
  {
    name: 'jobs',
    title: '定时任务进度（分批处理的断点，按任务名一条）',
    indexes: [],
  },
  {
    name: 'vacancies',
    title: '岗位（企业岗位需求台账）',
    indexes: [
      { name: 'company_status', keys: { companyId: 1, status: 1 } },
      { name: 'township_status', keys: { township: 1, status: 1 } },
      // The daily expiry timer: open vacancies by status and date.
      { name: 'status_valid_until', keys: { status: 1, validUntil: 1 } },
    ],
  },
  {
    name: 'vacancy_log',
    title: '岗位办理记录（状态变化：谁、何时、为什么）',
    indexes: [{ name: 'vacancy_at', keys: { vacancyId: 1, at: 1 } }],
  },
  {
    name: 'ad_screening_events',
    title: '清理歧视性招聘信息记录（拦截或审核不通过；类别和用语，不含个人信息）',
    indexes: [{ name: 'at', keys: { at: -1 } }],
  },
  {
    name: 'audit_log',
    title: '审计日志（工作人员查看个人信息、角色变更等）',
    indexes: [
      { name: 'actor_at', keys: { actorOpenid: 1, at: -1 } },
      { name: 'subject_at', keys: { subjectId: 1, at: -1 } },
    ],
  },
] as const satisfies readonly CollectionSpec[];

export type CollectionName = (typeof COLLECTIONS)[number]['name'];

export const COLLECTION_NAMES: readonly CollectionName[] = COLLECTIONS.map((c) => c.name);
