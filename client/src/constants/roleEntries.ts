/**
 * What each role finds on the home page. Every entry leads into that role's subpackage, so a
 * citizen's phone never downloads the staff pages. `key` is stable: the home page renders it as
 * `id="entry-<key>"` for the browser tests.
 */
import type { Role } from '@nuanxin/shared';

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
      description: '看看为您推荐的合适岗位',
      url: '/packages/seeker/jobs/index',
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
      key: 'applications',
      title: '应聘管理',
      description: '查看和处理求职者的应聘',
      url: '/packages/employer/applications/index',
    },
  ],
  caseworker: [
    {
      key: 'my-seekers',
      title: '我的包保对象',
      description: '查看您负责帮扶的求职者',
      url: '/packages/caseworker/my-seekers/index',
    },
    {
      key: 'tasks',
      title: '待办工单',
      description: '处理求助和待办事项',
      url: '/packages/caseworker/tasks/index',
    },
    {
      key: 'visits-today',
      title: '今日回访',
      description: '今天需要联系的包保对象',
      url: '/packages/caseworker/visits-today/index',
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
      description: '各包保责任人的服务情况',
      url: '/packages/supervisor/workload/index',
    },
  ],
  admin: [
    {
      key: 'invitations',
      title: '生成工作人员邀请码',
      description: '邀请工作人员绑定账号',
      url: '/packages/admin/invitations/index',
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
