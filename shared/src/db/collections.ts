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
