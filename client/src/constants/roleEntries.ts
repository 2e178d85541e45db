/**
 * What each role finds on the home page. Every entry leads into that role's subpackage, so a
 * citizen's phone never downloads the staff pages. `key` is stable: the home page renders it as
 * `id="entry-<key>"` for the browser tests.
 */
import type { Role, Whoami } from '@nuanxin/shared';

export interface RoleEntry {
  key: string;
  title: string;
  /** One short line under the title: what the user can do there. */
  description: string;
  url: string;
}

export const ROLE_ENTRIES: Record<Role, readonly RoleEntry[]> = {
  citizen: [
    {
      key: 'registration',
      title: '失业登记',
      description: '办理失业登记，享受就业服务',
      url: '/packages/seeker/registration/index',
    },
    {
      key: 'jobs',
      title: '推荐岗位',
      description: '浏览招聘中的岗位，在线投递简历',
      url: '/packages/seeker/jobs/index',
    },
    {
      key: 'applications',
      title: '我的投递',
      description: '查看投递进度和企业答复',
      url: '/packages/seeker/applications/index',
    },
    {
      key: 'training',
      title: '职业培训',
      description: '报名免费的技能培训',
      url: '/packages/seeker/training/index',
    },
    {
      key: 'help-requests',
      title: '我的求助',
      description: '遇到困难，找包保责任人',
      url: '/packages/seeker/help-requests/index',
    },
    {
      key: 'company-onboarding',
      title: '企业招聘',
      description: '单位入驻，或用邀请码加入',
      url: '/packages/employer/company/index',
    },
  ],
  employer: [
    {
      key: 'company',
      title: '企业信息',
      description: '填写和维护单位资料',
      url: '/packages/employer/company/index',
    },
    {
      key: 'post-job',
      title: '发布岗位',
      description: '发布招聘岗位，等待审核',
      url: '/packages/employer/post-job/index',
    },
    {
      key: 'vacancies',
      title: '我的岗位',
      description: '审核进度、暂停、续期、关闭',
      url: '/packages/employer/vacancies/index',
    },
    {
      key: 'applications',
      title: '应聘管理',
      description: '查看和处理求职者的应聘',
      url: '/packages/employer/applications/index',
    },
    {
      key: 'colleagues',
      title: '单位同事',
      description: '邀请同事一起招聘',
      url: '/packages/employer/colleagues/index',
    },
    {
      // A training institution's own account is its 用人单位 account (linked by USCC).
      key: 'training-courses',
      title: '培训机构',
      description: '培训机构管理课程、考勤和结业',
      url: '/packages/training/courses/index',
    },
  ],
  caseworker: [
    {
      key: 'my-seekers',
      title: '我的包保对象',
      description: '回访到期、131服务和帮扶计划',
      url: '/packages/caseworker/my-seekers/index',
    },
    {
      key: 'tasks',
      title: '待办工单',
      description: '答复求助、确认入职、告知推送岗位',
      url: '/packages/caseworker/tasks/index',
    },
    {
      key: 'visits-today',
      title: '今日回访',
      description: '今天到期和已逾期的回访',
      url: '/packages/caseworker/visits-today/index',
    },
    {
      key: 'training-offers',
      title: '培训需求',
      description: '有培训需求的人，推荐培训机构',
      url: '/packages/training/offers/index',
    },
    {
      key: 'training-courses',
      title: '培训课程',
      description: '发布课程、考勤结业、发证跟踪',
      url: '/packages/training/courses/index',
    },
  ],
  supervisor: [
    {
      key: 'unassigned',
      title: '待分配人员',
      description: '为新登记人员指定包保责任人',
      url: '/packages/supervisor/unassigned/index',
    },
    {
      key: 'ledger',
      title: '统计台账',
      description: '登记、推荐、培训、就业台账',
      url: '/packages/supervisor/ledger/index',
    },
    {
      key: 'workload',
      title: '工作量',
      description: '各责任人的人数、逾期和上限，调整包保',
      url: '/packages/supervisor/workload/index',
    },
    {
      key: 'push-stats',
      title: '岗位推送统计',
      description: '推送提供就业岗位数，按月份、乡镇查到人',
      url: '/packages/supervisor/push-stats/index',
    },
    {
      key: 'service-stats',
      title: '包保服务统计',
      description: '走访慰问、临时救助、回访等人次，按乡镇查到人',
      url: '/packages/supervisor/service-stats/index',
    },
    {
      key: 'training-courses',
      title: '培训课程',
      description: '发布课程、考勤结业、发证跟踪',
      url: '/packages/training/courses/index',
    },
  ],
  admin: [
    {
      key: 'invitations',
      title: '生成工作人员邀请码',
      description: '邀请工作人员绑定账号',
      url: '/packages/admin/invitations/index',
    },
    {
      // The whole city's 包保 statistics (the supervisors' page; casework.stats allows admins).
      key: 'service-stats',
      title: '包保服务统计',
      description: '全市走访慰问、临时救助、回访等人次',
      url: '/packages/supervisor/service-stats/index',
    },
  ],
};

/** A short line under the greeting, per role. */
export const ROLE_WELCOME: Record<Role, string> = {
  citizen: '登记失业、找工作、学技能，我们陪您一起办。',
  employer: '发布岗位、处理应聘，招到合适的人。',
  caseworker: '今天的包保服务都在这里。',
  supervisor: '随时掌握包保服务的进展。',
  admin: '管理工作人员账号与权限。',
};

/** The 市场服务中心's work: company and vacancy review, the vacancy ledger, key enterprises. */
export const MARKET_ENTRIES: readonly RoleEntry[] = [
  {
    key: 'vacancy-review',
    title: '企业与岗位审核',
    description: '核验新企业，审核待审岗位',
    url: '/packages/market/review/index',
  },
  {
    key: 'vacancy-ledger',
    title: '岗位需求台账',
    description: '全部岗位的状态和备注',
    url: '/packages/market/ledger/index',
  },
  {
    key: 'key-enterprises',
    title: '重点企业服务',
    description: '重点企业和服务专员',
    url: '/packages/market/enterprises/index',
  },
];

/**
 * The entries a user sees: their role's, except that 市场服务中心 caseworkers (who hold no 包保
 * of people) see the market centre's work instead, and supervisors see it as well.
 */
export function entriesFor(whoami: Pick<Whoami, 'role' | 'org'>): readonly RoleEntry[] {
  if (whoami.role === 'caseworker' && whoami.org === 'market') return MARKET_ENTRIES;
  if (whoami.role === 'supervisor') return [...ROLE_ENTRIES.supervisor, ...MARKET_ENTRIES];
  return ROLE_ENTRIES[whoami.role];
}
