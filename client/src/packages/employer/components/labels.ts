/** Names shown to employers that the shared package keeps as codes only. */
import Taro from '@tarojs/taro';

import type { IndustrySection } from '@nuanxin/shared';

/** GB/T 4754-2017 国民经济行业分类, the 门类 (sections) A–T. */
export const INDUSTRY_LABELS: Record<IndustrySection, string> = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
};

export function industryLabel(code: string): string {
  return (INDUSTRY_LABELS as Record<string, string>)[code] ?? code;
}

/** "请先修改上方标红的内容：…" — the names of the fields that still have a complaint. */
export function fixHint(errors: Record<string, string>, labels: Record<string, string>): string {
  const names = Object.keys(errors)
    .map((field) => labels[field.split('.')[0] ?? field] ?? field)
    .filter((label, i, all) => all.indexOf(label) === i);
  return `请先修改上方标红的内容：${names.join('、')}`;
}

/** Announced (Taro.eventCenter) when a vacancy was saved, so 我的岗位 below refreshes. */
export const VACANCY_SAVED = 'employer:vacancySaved';

const VACANCIES_PAGE = 'packages/employer/vacancies/index';

/** Back to 我的岗位: the page below when it is there, else a fresh one. */
export function toMyVacancies(): void {
  const pages = Taro.getCurrentPages?.() ?? [];
  const below = pages[pages.length - 2]?.route ?? '';
  if (below.replace(/^\//, '') === VACANCIES_PAGE) void Taro.navigateBack();
  else void Taro.redirectTo({ url: `/${VACANCIES_PAGE}` });
}
