/**
 * The demo city's people and organisations: fictional names, real places (济宁市 divisions). Staff
 * of each organisation cover townships, as the 包保 assignment will need.
 */
import { COUNTIES, townshipsOf, type Role, type StaffOrg } from '@nuanxin/shared';
import { USCC_ALPHABET, usccCheckChar } from '@nuanxin/shared/src/identity/uscc';

import type { Random } from './random';

export interface DemoUser {
  openid: string;
  role: Role;
  displayName: string;
  org: StaffOrg | null;
  townships: string[];
  /** Who this account is, for the dev login page. */
  demoNote: string;
}

const CASEWORKER_NAMES = [
  '张敏',
  '李娜',
  '王静',
  '刘洋',
  '陈磊',
  '杨帆',
  '赵丽',
  '黄强',
  '周婷',
  '吴刚',
  '徐华',
  '孙悦',
];

export function staffUsers(): DemoUser[] {
  const caseworkers = COUNTIES.map((county, i) => ({
    openid: `demo-caseworker-${county.code}`,
    role: 'caseworker' as const,
    displayName: CASEWORKER_NAMES[i % CASEWORKER_NAMES.length]!,
    org: 'employment' as const,
    townships: townshipsOf(county.code).map((t) => t.code),
    demoNote: `${county.name}就业中心 包保责任人`,
  }));
  const renCheng = townshipsOf('370811').map((t) => t.code);
  const hiTech = townshipsOf('370871').map((t) => t.code);
  return [
    {
      openid: 'demo-admin',
      role: 'admin',
      displayName: '刘海燕',
      org: 'employment',
      townships: [],
      demoNote: '市就业中心 系统管理员',
    },
    {
      openid: 'demo-supervisor',
      role: 'supervisor',
      displayName: '孙建国',
      org: 'employment',
      // 任城区 and the 高新区 next to it; the 高新区 has no 人才服务中心 caseworker, so its graduates
      // wait in this supervisor's unassigned queue.
      townships: [...renCheng, ...hiTech],
      demoNote: '任城区、高新区就业中心 业务主管',
    },
    ...caseworkers,
    {
      openid: 'demo-market-1',
      role: 'caseworker',
      displayName: '郑凯',
      org: 'market',
      townships: [...renCheng, ...hiTech],
      demoNote: '市场服务中心 企业服务专员',
    },
    {
      openid: 'demo-talent-1',
      role: 'caseworker',
      displayName: '冯雪',
      org: 'talent',
      townships: renCheng,
      demoNote: '人才服务中心 高校毕业生服务',
    },
    {
      openid: 'demo-skills-1',
      role: 'caseworker',
      displayName: '何军',
      org: 'skills',
      townships: [],
      demoNote: '职鉴中心 职业技能鉴定',
    },
  ];
}

/**
 * Citizens of the key groups the policies name (000 §1(1), 001 §2, 004 §4), with the township they
 * live in. All but 王小雨 and 周建华 (kept for the e2e journeys) are registered by the seed through
 * the registration function (registrations.ts).
 */
export const DEMO_CITIZENS: { displayName: string; demoNote: string; township: string }[] = [
  { displayName: '王小雨', demoNote: '离校2年内未就业高校毕业生', township: '370811002' },
  { displayName: '李秀英', demoNote: '就业困难人员（大龄，女48岁）', township: '370811005' },
  { displayName: '张伟', demoNote: '残疾失业人员', township: '370811007' },
  { displayName: '刘桂兰', demoNote: '零就业家庭成员', township: '370829001' },
  { displayName: '陈志强', demoNote: '复员退役军人', township: '370881001' },
  { displayName: '赵大勇', demoNote: '返乡农民工', township: '370832101' },
  { displayName: '孙丽', demoNote: '低保家庭成员', township: '370811008' },
  { displayName: '周建华', demoNote: '长期失业人员（失业1年以上）', township: '370811006' },
  {
    displayName: '钱思远',
    demoNote: '离校2年内未就业高校毕业生（高新区，待分配包保责任人）',
    township: '370871001',
  },
];

export function citizenUsers(): DemoUser[] {
  return DEMO_CITIZENS.map((c, i) => ({
    openid: `demo-citizen-${i + 1}`,
    role: 'citizen',
    displayName: c.displayName,
    org: null,
    townships: [],
    demoNote: c.demoNote,
  }));
}

export interface DemoCompany {
  name: string;
  uscc: string;
  industry: string;
  township: string;
  contact: string;
}

export function usccFor(random: Random, regionCode = '370800'): string {
  // 9 (工商) 1 (企业) + 6-digit region + 9-character organisation code + check.
  let body = `91${regionCode}`;
  for (let i = 0; i < 9; i += 1) body += USCC_ALPHABET[random.int(0, 30)];
  return body + usccCheckChar(body);
}

export const DEMO_COMPANIES: Omit<DemoCompany, 'uscc'>[] = [
  { name: '济宁鲁运物流有限公司', industry: 'G', township: '370811002', contact: '王经理' },
  { name: '济宁康泰食品有限公司', industry: 'C', township: '370812003', contact: '韩主任' },
  { name: '济宁众诚家政服务有限公司', industry: 'O', township: '370811007', contact: '宋女士' },
  { name: '山东圣城机械制造有限公司', industry: 'C', township: '370871001', contact: '马工' },
  { name: '曲阜杏坛文旅发展有限公司', industry: 'R', township: '370881001', contact: '孔经理' },
];

export const DEMO_INSTITUTIONS: {
  name: string;
  kind: 'technical_school' | 'private' | 'online';
  township: string;
}[] = [
  { name: '济宁市技师学院（示例）', kind: 'technical_school', township: '370811008' },
  { name: '任城区阳光职业培训学校', kind: 'private', township: '370811011' },
  { name: '兖州区巧手家政培训中心', kind: 'private', township: '370812001' },
  { name: '济宁职业技能线上培训平台', kind: 'online', township: '370811002' },
];
