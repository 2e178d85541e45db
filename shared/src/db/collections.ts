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
      // One company holding each 统一社会信用代码. A rejected record releases its code
      // (usccReleased = its own _id), so the real company can register; a missing field is null.
      { name: 'uscc_held_unique', keys: { uscc: 1, usccReleased: 1 }, unique: true },
      { name: 'status', keys: { status: 1 } },
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
      // The institution's own 用人单位 account is the company with the same USCC.
      { name: 'uscc', keys: { uscc: 1 } },
    ],
  },
  {
    name: 'training_courses',
    title: '培训课程（职业、等级、线上理论/线下实操课次、地点、名额、收费、面向人群、报名截止）',
    indexes: [
      { name: 'institution_starts', keys: { institutionId: 1, startsAt: 1 } },
      { name: 'status_starts', keys: { status: 1, startsAt: 1 } },
      { name: 'township_starts', keys: { township: 1, startsAt: 1 } },
    ],
  },
  {
    name: 'training_seats',
    title: '课程名额计数（_id 为课程编号；已占名额、候补人数，在事务中增减，防止超报）',
    indexes: [],
  },
  {
    name: 'training_bookings',
    title: '培训报名（报名、候补、递补、考勤、结业；状态变化见办理记录）',
    indexes: [
      // One active booking per person and course: 'course:<courseId>:<openid>' while active,
      // 'closed:<_id>' once cancelled or lapsed — however many taps or retries happen.
      { name: 'active_key_unique', keys: { activeKey: 1 }, unique: true },
      { name: 'openid_booked_at', keys: { openid: 1, bookedAt: -1 } },
      // The waitlist in order, and a course's roster by status.
      { name: 'course_status_seq', keys: { courseId: 1, status: 1, waitSeq: 1 } },
      // The daily timer: promoted seats past their confirm deadline.
      { name: 'status_confirm_by', keys: { status: 1, confirmBy: 1 } },
      { name: 'registration', keys: { registrationId: 1 } },
    ],
  },
  {
    name: 'training_booking_log',
    title: '培训报名办理记录（状态变化：谁、何时、为什么）',
    indexes: [
      { name: 'booking_at', keys: { bookingId: 1, at: 1 } },
      { name: 'course_at', keys: { courseId: 1, at: 1 } },
    ],
  },
  {
    name: 'training_quota',
    title: '免费培训次数（_id 为 人员:年份，上海时区自然年；确认时计入、开课前取消退回）',
    indexes: [],
  },
  {
    name: 'training_certificates',
    title: '结业证书办理任务（考核合格后2个月内发证；超期提醒就业中心和职鉴中心）',
    indexes: [
      { name: 'booking_unique', keys: { bookingId: 1 }, unique: true },
      { name: 'status_due', keys: { status: 1, dueDate: 1 } },
      { name: 'institution_status', keys: { institutionId: 1, status: 1 } },
    ],
  },
  {
    name: 'training_offers',
    title: '向有培训需求人员推荐培训机构的记录（谁、何时、推荐了哪门课程）',
    indexes: [
      { name: 'offer_key_unique', keys: { offerKey: 1 }, unique: true },
      { name: 'registration_at', keys: { registrationId: 1, at: 1 } },
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
    name: 'company_members',
    title: '用人单位的微信用户（负责人、同事；加入、离开时间，只增不删）',
    indexes: [
      { name: 'company_left', keys: { companyId: 1, leftAt: 1 } },
      { name: 'openid_left', keys: { openid: 1, leftAt: 1 } },
    ],
  },
  {
    name: 'company_invitations',
    title: '用人单位同事邀请码（一次有效，7天过期）',
    indexes: [
      { name: 'code_unique', keys: { code: 1 }, unique: true },
      { name: 'company', keys: { companyId: 1 } },
    ],
  },
  {
    name: 'enterprise_memberships',
    title: '重点企业服务专员（白名单；开始、结束、原因，只增不删）',
    indexes: [
      { name: 'company_ended', keys: { companyId: 1, endedAt: 1 } },
      { name: 'staff_ended', keys: { staffOpenid: 1, endedAt: 1 } },
    ],
  },
  {
    name: 'company_log',
    title: '用人单位办理记录（登记、核验、不通过、修改后重新提交：谁、何时、为什么）',
    indexes: [{ name: 'company_at', keys: { companyId: 1, at: 1 } }],
  },
  {
    name: 'vacancy_log',
    title: '岗位办理记录（状态变化：谁、何时、为什么）',
    indexes: [{ name: 'vacancy_at', keys: { vacancyId: 1, at: 1 } }],
  },
  {
    name: 'applications',
    title: '求职申请（投递：求职者选择共享的信息快照、状态、企业答复）',
    indexes: [
      // One application per person and vacancy, whatever double taps or retries happen.
      { name: 'vacancy_openid_unique', keys: { vacancyId: 1, openid: 1 }, unique: true },
      { name: 'openid_applied_at', keys: { openid: 1, appliedAt: -1 } },
      { name: 'company_status', keys: { companyId: 1, status: 1 } },
      // The daily 7-day reminder and 14-day escalation: unanswered applications (status 已投递 or
      // 企业已查看) sent before a cutoff (appliedAt: opening one does not restart the clock).
      { name: 'status_applied_at', keys: { status: 1, appliedAt: 1 } },
    ],
  },
  {
    name: 'application_log',
    title: '求职申请办理记录（状态变化：谁、何时、为什么）',
    indexes: [{ name: 'application_at', keys: { applicationId: 1, at: 1 } }],
  },
  {
    name: 'hire_confirmations',
    title: '入职待确认（_id 为求职申请编号；企业确认入职后由包保责任人核实，转为已就业）',
    indexes: [{ name: 'registration_status', keys: { registrationId: 1, status: 1 } }],
  },
  {
    name: 'pushes',
    title:
      '岗位推送（_id 为 登记编号:岗位编号，每人每岗只推一次；月份、渠道、公益性/见习、包保责任人告知任务）',
    indexes: [
      { name: 'registration_at', keys: { registrationId: 1, at: 1 } },
      // 推送提供就业岗位数 by month and township (the supervisor's statistics).
      { name: 'month_township', keys: { month: 1, township: 1 } },
      { name: 'openid_at', keys: { openid: 1, at: -1 } },
      // The caseworker's open tasks: pushes that only reached the app.
      { name: 'task_told', keys: { caseworkerTask: 1, toldAt: 1 } },
    ],
  },
  {
    name: 'push_subscriptions',
    title: '“岗位推荐”订阅额度（_id 为 openid；本人每同意一次可推送一次，43101 时清零）',
    indexes: [],
  },
  {
    name: 'ad_screening_events',
    title:
      '清理歧视性招聘信息记录（每条招聘信息每次清理计一条：同一岗位再次被拦截或退回合并，直至公开；类别和用语，不含个人信息）',
    indexes: [
      { name: 'at', keys: { at: -1 } },
      { name: 'company_ad', keys: { companyId: 1, adKey: 1 } },
    ],
  },
  {
    name: 'contacts',
    title: '包保服务记录（回访、职业指导、岗位和培训推荐、走访慰问、临时救助；只增不删）',
    indexes: [
      { name: 'registration_at', keys: { registrationId: 1, at: 1 } },
      { name: 'kind_at', keys: { kind: 1, at: 1 } },
    ],
  },
  {
    name: 'assistance_plans',
    title: '一人一策帮扶计划（每次保存一个版本，最新的为当前计划）',
    indexes: [{ name: 'registration_saved_at', keys: { registrationId: 1, savedAt: -1 } }],
  },
  {
    name: 'requests',
    title: '市民求助工单（类型、状态、答复期限、升级级别、评价）',
    indexes: [
      { name: 'openid_created_at', keys: { openid: 1, createdAt: -1 } },
      { name: 'registration_status', keys: { registrationId: 1, status: 1 } },
      { name: 'township_status', keys: { township: 1, status: 1 } },
      // The timer's escalation pass: unanswered requests, oldest first.
      { name: 'status_created_at', keys: { status: 1, createdAt: 1 } },
    ],
  },
  {
    name: 'request_messages',
    title: '求助工单的往来消息（市民提问、工作人员答复）',
    indexes: [{ name: 'request_at', keys: { requestId: 1, at: 1 } }],
  },
  {
    name: 'request_quota',
    title: '市民待答复求助名额（_id 为 openid；在事务中核对待答复的求助，最多5条）',
    indexes: [],
  },
  {
    name: 'reminders',
    title: '已发送的提醒（_id 为 种类:对象:日期，保证每天只提醒一次）',
    indexes: [],
  },
  {
    name: 'recommendations',
    title: '为您推荐（_id 为登记编号；前10个岗位及推荐理由、公益性/见习岗位各一、计算时间）',
    indexes: [{ name: 'openid', keys: { openid: 1 } }],
  },
  {
    name: 'match_preferences',
    title: '推荐设置（_id 为 openid；是否个性化推荐、是否同意向用人单位推荐本人）',
    indexes: [{ name: 'suggest', keys: { suggestToEmployers: 1 } }],
  },
  {
    name: 'match_queue',
    title: '推荐待刷新队列（新登记、意向变更、新发布岗位；定时任务取出处理）',
    indexes: [{ name: 'enqueued_at', keys: { enqueuedAt: 1 } }],
  },
  {
    name: 'match_invitations',
    title: '用人单位邀请投递（_id 为 岗位:登记编号，每人每岗一次）',
    indexes: [
      { name: 'vacancy_at', keys: { vacancyId: 1, at: -1 } },
      { name: 'openid_at', keys: { openid: 1, at: -1 } },
    ],
  },
  {
    name: 'job_interests',
    title:
      '求职者对岗位感兴趣（_id 为 登记编号:岗位编号，每人每岗一条；用人单位只看到姓氏、年龄段、学历和所在乡镇；取消即删除）',
    indexes: [
      // The employer's read: one vacancy's interested people, or the whole company's.
      { name: 'vacancy_at', keys: { vacancyId: 1, at: -1 } },
      { name: 'company_at', keys: { companyId: 1, at: -1 } },
      // The seeker's own list.
      { name: 'openid_at', keys: { openid: 1, at: -1 } },
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
