/**
 * Demo vacancies of the five demo companies (data.ts), all verified: 40 published ones across
 * several townships and occupations (some 公益性岗位, 见习岗位, 援助岗位 and ones suited to disabled
 * workers), plus an expired and a closed one for the ledger's 备注. Dates are relative to the
 * seed's clock, so the demo always has open vacancies; deterministic (own random stream, so the
 * other seeded data stay as they were).
 */
import { dateKey, findTownship, inShanghai, type EducationLevel } from '@nuanxin/shared';

import type { LocalCloud } from '../index';

import { DEMO_COMPANIES } from './data';
import { seededRandom } from './random';

type Flag = 'publicWelfare' | 'internship' | 'assistance' | 'disabilityFriendly';

interface DemoVacancy {
  /** Index into DEMO_COMPANIES. */
  company: number;
  title: string;
  occupationCode: string;
  township: string;
  salary: [number, number];
  headcount: number;
  workType?: 'fullTime' | 'partTime' | 'flexible';
  description: string;
  requirements: string;
  benefits: string;
  minEducation?: EducationLevel;
  minExperienceYears?: number;
  certificates?: string[];
  flags?: Flag[];
  status?: 'expired' | 'closed';
}

const LUYUN = 0;
const KANGTAI = 1;
const ZHONGCHENG = 2;
const SHENGCHENG = 3;
const XINGTAN = 4;

export const DEMO_VACANCIES: DemoVacancy[] = [
  // 济宁鲁运物流有限公司 (任城区)
  {
    company: LUYUN,
    title: '仓库理货员',
    occupationCode: '4-02-06-01',
    township: '370811002',
    salary: [3800, 4800],
    headcount: 6,
    description: '负责货物入库、出库的清点、上架和盘点，使用手持终端扫码。',
    requirements: '能适应白夜班轮换，会使用智能手机。',
    benefits: '五险一金，免费工作餐，年底双薪。',
    flags: ['assistance'],
  },
  {
    company: LUYUN,
    title: '叉车司机',
    occupationCode: '6-30-05-01',
    township: '370811012',
    salary: [4800, 6000],
    headcount: 3,
    description: '在仓库内驾驶叉车装卸和转运托盘货物。',
    requirements: '持有效的叉车操作证，有一年以上叉车驾驶经验。',
    benefits: '五险一金，夜班补贴，提供宿舍。',
    minExperienceYears: 1,
    certificates: ['叉车证'],
  },
  {
    company: LUYUN,
    title: '快递派送员',
    occupationCode: '4-02-07-08',
    township: '370811008',
    salary: [5000, 8000],
    headcount: 10,
    description: '负责金城街道片区快件派送和揽收，公司提供电动三轮车。',
    requirements: '熟悉任城区道路，有驾驶电动三轮车经验者优先。',
    benefits: '计件工资，缴纳社保，每月全勤奖。',
  },
  {
    company: LUYUN,
    title: '装卸搬运工',
    occupationCode: '4-02-05-01',
    township: '370811018',
    salary: [4500, 6500],
    headcount: 8,
    description: '负责物流园区车辆的装货和卸货，多劳多得。',
    requirements: '能从事体力劳动，服从班组安排。',
    benefits: '日结或月结可选，提供午餐。',
    workType: 'flexible',
    flags: ['assistance'],
  },
  {
    company: LUYUN,
    title: '客服专员',
    occupationCode: '4-04-05-03',
    township: '370811002',
    salary: [3200, 4200],
    headcount: 4,
    description: '接听客户电话和在线咨询，查询运单，登记投诉并跟进处理。',
    requirements: '普通话标准，会电脑打字；可居家办公，适合肢体残疾人士。',
    benefits: '五险，带薪年假，节日福利。',
    minEducation: 'seniorHigh',
    flags: ['disabilityFriendly'],
  },
  {
    company: LUYUN,
    title: '运输调度员',
    occupationCode: '4-02-02-05',
    township: '370811012',
    salary: [4500, 5500],
    headcount: 2,
    description: '安排车辆和线路，跟踪在途车辆，处理异常情况。',
    requirements: '有物流调度经验，会用办公软件。',
    benefits: '五险一金，双休。',
    minEducation: 'juniorCollege',
    minExperienceYears: 2,
  },
  {
    company: LUYUN,
    title: '会计',
    occupationCode: '2-06-03-00',
    township: '370811002',
    salary: [4500, 6000],
    headcount: 1,
    description: '负责公司日常账务处理、纳税申报和财务报表编制。',
    requirements: '会计相关专业，熟悉财务软件，持初级会计职称优先。',
    benefits: '五险一金，双休，带薪年假。',
    minEducation: 'juniorCollege',
    minExperienceYears: 2,
  },
  {
    company: LUYUN,
    title: '物流专员（见习）',
    occupationCode: '4-02-06-03',
    township: '370811012',
    salary: [2800, 3500],
    headcount: 3,
    description: '高校毕业生就业见习岗位，跟岗学习仓储、运输和单证流程，见习期满可留用。',
    requirements: '离校2年内未就业高校毕业生，物流管理等专业优先。',
    benefits: '见习补贴，购买意外伤害保险，提供工作餐。',
    minEducation: 'juniorCollege',
    flags: ['internship'],
  },
  // 济宁康泰食品有限公司 (兖州区)
  {
    company: KANGTAI,
    title: '食品包装工',
    occupationCode: '6-31-05-00',
    township: '370812003',
    salary: [3500, 4500],
    headcount: 12,
    description: '在流水线上完成食品称重、装袋、封口和装箱。',
    requirements: '持健康证上岗（公司可协助办理），能适应倒班。',
    benefits: '五险，免费班车，提供午餐。',
    flags: ['assistance'],
  },
  {
    company: KANGTAI,
    title: '肉制品加工工',
    occupationCode: '6-01-04-03',
    township: '370812003',
    salary: [4200, 5500],
    headcount: 6,
    description: '负责肉制品分割、腌制和蒸煮等工序的操作。',
    requirements: '能在低温车间工作，有食品加工经验者优先。',
    benefits: '五险一金，低温补贴，提供宿舍。',
  },
  {
    company: KANGTAI,
    title: '质检员',
    occupationCode: '6-31-03-05',
    township: '370812001',
    salary: [4000, 5000],
    headcount: 2,
    description: '对原料、半成品和成品进行抽检，填写检验记录。',
    requirements: '食品、化学相关专业，细心负责。',
    benefits: '五险一金，双休。',
    minEducation: 'secondaryVocational',
  },
  {
    company: KANGTAI,
    title: '设备电工',
    occupationCode: '6-31-01-03',
    township: '370812003',
    salary: [5000, 6500],
    headcount: 2,
    description: '负责车间生产设备和配电系统的日常维护、检修。',
    requirements: '持有效的低压电工作业证，有工厂电工经验。',
    benefits: '五险一金，技能津贴。',
    minExperienceYears: 2,
    certificates: ['低压电工作业证'],
  },
  {
    company: KANGTAI,
    title: '糕点烘焙师',
    occupationCode: '6-02-01-01',
    township: '370812006',
    salary: [4000, 5200],
    headcount: 3,
    description: '负责面包、糕点的和面、成型和烘烤。',
    requirements: '有烘焙经验者优先，无经验可培训。',
    benefits: '五险，提供工作餐，带薪培训。',
  },
  {
    company: KANGTAI,
    title: '直营店营业员',
    occupationCode: '4-01-02-03',
    township: '370812001',
    salary: [3000, 4000],
    headcount: 4,
    workType: 'partTime',
    description: '在鼓楼街道直营店销售公司产品，整理货架，收银。',
    requirements: '热情开朗，可做早班或晚班。',
    benefits: '时薪加销售提成。',
  },
  {
    company: KANGTAI,
    title: '厂区保洁员（公益性岗位）',
    occupationCode: '4-09-08-01',
    township: '370812007',
    salary: [2100, 2400],
    headcount: 2,
    description: '兴隆庄街道开发的公益性岗位，负责厂区周边道路和公共区域保洁。',
    requirements: '面向就业困难人员，身体健康，能按时到岗。',
    benefits: '岗位补贴，缴纳社会保险。',
    flags: ['publicWelfare', 'assistance'],
  },
  {
    company: KANGTAI,
    title: '仓库管理员',
    occupationCode: '4-02-06-01',
    township: '370812105',
    salary: [3600, 4500],
    headcount: 1,
    description: '负责成品库的出入库登记、库存盘点和单据管理。',
    requirements: '会用电脑和表格软件，有仓库管理经验者优先。',
    benefits: '五险一金，双休。',
    minEducation: 'seniorHigh',
  },
  // 济宁众诚家政服务有限公司 (任城区)
  {
    company: ZHONGCHENG,
    title: '家政服务员',
    occupationCode: '4-10-01-06',
    township: '370811007',
    salary: [4000, 6000],
    headcount: 15,
    workType: 'flexible',
    description: '上门提供日常保洁、做饭、照料等家政服务，时间灵活。',
    requirements: '勤快细心，公司提供免费岗前培训。',
    benefits: '服务费按单结算，免费培训考证。',
    flags: ['assistance'],
  },
  {
    company: ZHONGCHENG,
    title: '养老护理员',
    occupationCode: '4-10-01-05',
    township: '370811005',
    salary: [4200, 5500],
    headcount: 8,
    description: '在社区养老服务中心照料老人起居、协助用餐和康复活动。',
    requirements: '有爱心和耐心，持养老护理员证书者优先，无证可参加免费培训。',
    benefits: '五险，护理津贴，提供工作餐。',
    flags: ['assistance'],
  },
  {
    company: ZHONGCHENG,
    title: '社区保洁员（公益性岗位）',
    occupationCode: '4-09-08-01',
    township: '370811006',
    salary: [2000, 2300],
    headcount: 6,
    description: '南张街道公益性岗位，负责社区公共区域的清扫保洁。',
    requirements: '面向就业困难人员和零就业家庭成员，能胜任日常保洁工作。',
    benefits: '岗位补贴，缴纳社会保险。',
    flags: ['publicWelfare', 'assistance'],
  },
  {
    company: ZHONGCHENG,
    title: '写字楼保洁员',
    occupationCode: '4-09-08-01',
    township: '370811013',
    salary: [2500, 3000],
    headcount: 5,
    workType: 'partTime',
    description: '早班写字楼公共区域保洁，每天工作5小时。',
    requirements: '能早起，做事认真。工作强度适中，适合听力残疾人士。',
    benefits: '工资按月发放，提供工装。',
    flags: ['disabilityFriendly'],
  },
  {
    company: ZHONGCHENG,
    title: '小区保安员',
    occupationCode: '4-07-05-01',
    township: '370811016',
    salary: [3000, 3800],
    headcount: 6,
    description: '负责小区门岗值守、巡逻和来访登记。',
    requirements: '持保安员证或入职后考取，能适应轮班。',
    benefits: '五险，提供宿舍和工作餐。',
    certificates: ['保安员证'],
  },
  {
    company: ZHONGCHENG,
    title: '育婴员',
    occupationCode: '4-10-01-01',
    township: '370811011',
    salary: [5000, 7000],
    headcount: 4,
    description: '到客户家中照护婴幼儿，协助家长科学育儿。',
    requirements: '持育婴员职业技能等级证书，有相关工作经验。',
    benefits: '服务费按月结算，免费进修培训。',
    minExperienceYears: 1,
    certificates: ['育婴员证'],
  },
  {
    company: ZHONGCHENG,
    title: '医院陪护员',
    occupationCode: '4-14-01-02',
    township: '370811008',
    salary: [4500, 6000],
    headcount: 6,
    workType: 'flexible',
    description: '在合作医院为住院病人提供生活照护。',
    requirements: '有爱心，能适应医院排班，公司提供医疗护理员培训。',
    benefits: '按天计酬，免费培训。',
  },
  {
    company: ZHONGCHENG,
    title: '园林绿化工（公益性岗位）',
    occupationCode: '4-09-10-01',
    township: '370811102',
    salary: [1900, 2200],
    headcount: 4,
    description: '长沟镇公益性岗位，负责镇区道路两侧绿化带的修剪、浇水和除草。',
    requirements: '面向就业困难人员，本镇及周边居民优先。',
    benefits: '岗位补贴，缴纳社会保险。',
    flags: ['publicWelfare', 'assistance'],
  },
  // 山东圣城机械制造有限公司 (高新区)
  {
    company: SHENGCHENG,
    title: '装配钳工',
    occupationCode: '6-20-01-01',
    township: '370871001',
    salary: [5000, 7000],
    headcount: 8,
    description: '按图纸完成液压件和工程机械部件的装配与调试。',
    requirements: '能看懂机械图纸，有装配经验，无经验可学徒。',
    benefits: '五险一金，全勤奖，提供宿舍。',
  },
  {
    company: SHENGCHENG,
    title: '电子设备装接工',
    occupationCode: '6-25-04-07',
    township: '370871002',
    salary: [4200, 5500],
    headcount: 10,
    description: '负责控制柜电子元器件的插装、焊接和接线。',
    requirements: '视力良好，手工灵巧，公司提供岗前培训；车间为坐姿作业，适合下肢残疾人士。',
    benefits: '五险一金，免费班车。',
    flags: ['disabilityFriendly', 'assistance'],
  },
  {
    company: SHENGCHENG,
    title: '电焊工',
    occupationCode: '6-18-02-04',
    township: '370871003',
    salary: [6000, 8500],
    headcount: 5,
    description: '结构件二氧化碳保护焊和氩弧焊。',
    requirements: '持有效的熔化焊接与热切割作业证，有两年以上焊接经验。',
    benefits: '五险一金，高温补贴，提供宿舍。',
    minExperienceYears: 2,
    certificates: ['焊工证'],
  },
  {
    company: SHENGCHENG,
    title: '数控车工',
    occupationCode: '6-18-01-01',
    township: '370871001',
    salary: [5500, 7500],
    headcount: 4,
    description: '操作数控车床加工轴类、盘类零件。',
    requirements: '会编程和调机，有数控车床操作经验。',
    benefits: '五险一金，技能津贴，年底奖金。',
    minEducation: 'secondaryVocational',
    minExperienceYears: 1,
  },
  {
    company: SHENGCHENG,
    title: '机修钳工',
    occupationCode: '6-31-01-02',
    township: '370871004',
    salary: [5200, 6800],
    headcount: 2,
    description: '负责车间机加工设备的维护保养和故障维修。',
    requirements: '有设备维修经验，能适应值班。',
    benefits: '五险一金，夜班补贴。',
    minExperienceYears: 3,
  },
  {
    company: SHENGCHENG,
    title: '质量检验员（见习）',
    occupationCode: '2-02-31-01',
    township: '370871001',
    salary: [3000, 3800],
    headcount: 2,
    description: '高校毕业生就业见习岗位，学习产品检验标准和检测设备使用，表现优秀可转正。',
    requirements: '离校2年内未就业高校毕业生，机械类专业优先。',
    benefits: '见习补贴，意外伤害保险，提供宿舍。',
    minEducation: 'juniorCollege',
    flags: ['internship'],
  },
  {
    company: SHENGCHENG,
    title: '涂装工',
    occupationCode: '6-18-03-03',
    township: '370871005',
    salary: [4800, 6200],
    headcount: 3,
    description: '负责工件表面处理和喷涂作业。',
    requirements: '能按要求佩戴防护用品，有涂装经验者优先。',
    benefits: '五险一金，岗位津贴，每年职业健康体检。',
  },
  {
    company: SHENGCHENG,
    title: '厂区保安员',
    occupationCode: '4-07-05-01',
    township: '370871001',
    salary: [3200, 3800],
    headcount: 2,
    description: '负责厂区门岗、车辆登记和夜间巡逻。',
    requirements: '持保安员证，能适应夜班。',
    benefits: '五险，提供食宿。',
    certificates: ['保安员证'],
    flags: ['assistance'],
  },
  // 曲阜杏坛文旅发展有限公司 (曲阜市)
  {
    company: XINGTAN,
    title: '景区讲解员',
    occupationCode: '4-13-01-03',
    township: '370881001',
    salary: [3500, 5000],
    headcount: 5,
    description: '在三孔景区为游客讲解儒家文化和景点历史。',
    requirements: '普通话二级甲等以上，热爱传统文化，公司提供讲解词培训。',
    benefits: '五险，讲解提成，节假日加班费。',
    minEducation: 'juniorCollege',
  },
  {
    company: XINGTAN,
    title: '餐厅服务员',
    occupationCode: '4-03-02-05',
    township: '370881002',
    salary: [3000, 3800],
    headcount: 8,
    description: '在游客中心餐厅负责点餐、传菜和餐区整理。',
    requirements: '热情礼貌，能适应节假日上班。',
    benefits: '包吃住，满勤奖。',
    flags: ['assistance'],
  },
  {
    company: XINGTAN,
    title: '中式烹调师',
    occupationCode: '4-03-02-01',
    township: '370881002',
    salary: [5000, 7000],
    headcount: 2,
    description: '负责孔府菜和鲁菜的制作，参与菜品研发。',
    requirements: '有中式烹调师证书和三年以上厨房工作经验。',
    benefits: '五险一金，包吃住。',
    minExperienceYears: 3,
    certificates: ['中式烹调师证'],
  },
  {
    company: XINGTAN,
    title: '酒店客房服务员',
    occupationCode: '4-03-01-02',
    township: '370881001',
    salary: [3000, 3600],
    headcount: 6,
    description: '负责酒店客房的清洁整理和布草更换。',
    requirements: '做事细致，能吃苦耐劳。',
    benefits: '五险，包吃住，带薪年假。',
    flags: ['assistance'],
  },
  {
    company: XINGTAN,
    title: '游客中心售票员',
    occupationCode: '4-02-05-02',
    township: '370881001',
    salary: [2800, 3500],
    headcount: 3,
    workType: 'partTime',
    description: '旺季在游客中心售票、检票和咨询引导，每天工作6小时。',
    requirements: '会使用电脑和收银设备。售票岗为坐姿工作，适合肢体残疾人士。',
    benefits: '时薪制，提供工作餐。',
    flags: ['disabilityFriendly'],
  },
  {
    company: XINGTAN,
    title: '新媒体运营（见习）',
    occupationCode: '4-13-01-05',
    township: '370881002',
    salary: [3000, 4000],
    headcount: 2,
    description: '高校毕业生就业见习岗位，参与景区公众号、短视频的策划和运营。',
    requirements: '离校2年内未就业高校毕业生，会拍摄剪辑短视频者优先。',
    benefits: '见习补贴，意外伤害保险，提供宿舍。',
    minEducation: 'juniorCollege',
    flags: ['internship'],
  },
  {
    company: XINGTAN,
    title: '景区保洁员（公益性岗位）',
    occupationCode: '4-09-08-01',
    township: '370881105',
    salary: [1900, 2300],
    headcount: 5,
    description: '尼山镇公益性岗位，负责尼山圣境周边公共区域保洁。',
    requirements: '面向本镇就业困难人员，身体健康即可。',
    benefits: '岗位补贴，缴纳社会保险。',
    flags: ['publicWelfare', 'assistance'],
  },
  {
    company: XINGTAN,
    title: '茶艺师',
    occupationCode: '4-03-02-07',
    township: '370881001',
    salary: [3200, 4500],
    headcount: 2,
    description: '在景区茶舍为游客冲泡和讲解茶艺。',
    requirements: '持茶艺师证书者优先，无证可培训。',
    benefits: '五险，包工作餐。',
  },
  // Stopped ones, for the ledger's 备注 (never shown to seekers).
  {
    company: LUYUN,
    title: '夜班分拣员',
    occupationCode: '4-02-05-01',
    township: '370811002',
    salary: [4000, 5000],
    headcount: 5,
    description: '“双十一”期间夜班包裹分拣。',
    requirements: '能上夜班。',
    benefits: '夜班补贴。',
    status: 'expired',
  },
  {
    company: KANGTAI,
    title: '节日礼盒包装工',
    occupationCode: '6-31-05-00',
    township: '370812003',
    salary: [3500, 4200],
    headcount: 10,
    workType: 'flexible',
    description: '中秋礼盒临时包装。',
    requirements: '手脚麻利。',
    benefits: '日结。',
    status: 'closed',
  },
];

const FLAGS: Flag[] = ['publicWelfare', 'internship', 'assistance', 'disabilityFriendly'];

/** Inserts the demo vacancies; the demo companies must be seeded first. Returns how many. */
export function seedVacancies(cloud: LocalCloud, now: Date): number {
  const random = seededRandom(20261122);
  const companies = cloud.store.collection('companies');
  const vacancies = cloud.store.collection('vacancies');
  const log = cloud.store.collection('vacancy_log');
  const today = inShanghai(now);
  const day = (offset: number) => dateKey(today.add(offset, 'day').toDate());
  const at = (offset: number) => today.add(offset, 'day').toDate();

  DEMO_VACANCIES.forEach((v, i) => {
    const name = DEMO_COMPANIES[v.company]!.name;
    const [company] = companies.find({ name, demo: true });
    if (!company) throw new Error(`seed: demo company ${name} is missing`);
    const place = findTownship(v.township);
    if (!place) throw new Error(`seed names an unknown township ${v.township}`);
    // Posted over the last three weeks, open for another 30–70 days (≤ 90 from posting).
    const postedDaysAgo = random.int(0, 20);
    const stopped = v.status !== undefined;
    const createdAt = at(stopped ? -40 - i : -postedDaysAgo);
    const validUntil = v.status === 'expired' ? day(-3) : day(random.int(30, 70));
    const status = v.status ?? 'published';
    const id = vacancies.insert({
      companyId: company._id,
      companyName: name,
      title: v.title,
      description: v.description,
      occupationCode: v.occupationCode,
      headcount: v.headcount,
      salaryMin: v.salary[0],
      salaryMax: v.salary[1],
      workType: v.workType ?? 'fullTime',
      township: v.township,
      location: {
        lng: Math.round((place.lng + (random.next() - 0.5) * 0.01) * 1e5) / 1e5,
        lat: Math.round((place.lat + (random.next() - 0.5) * 0.01) * 1e5) / 1e5,
      },
      requirements: v.requirements,
      minEducation: v.minEducation ?? null,
      minExperienceYears: v.minExperienceYears ?? 0,
      certificates: v.certificates ?? [],
      benefits: v.benefits,
      flags: Object.fromEntries(FLAGS.map((f) => [f, v.flags?.includes(f) === true])),
      validUntil,
      status,
      reviewFindings: [],
      awaitsCompany: false,
      rejectReason: null,
      closeReason: v.status === 'closed' ? 'filled' : null,
      staffNote: null,
      createdBy: `demo-employer-${v.company + 1}`,
      demo: true,
      createdAt,
      updatedAt: stopped ? at(-2) : createdAt,
    });
    const entry = (event: string, from: string | null, to: string, when: Date) =>
      log.insert({
        vacancyId: id,
        event,
        from,
        to,
        actorOpenid: event === 'expire' ? null : `demo-employer-${v.company + 1}`,
        reason: null,
        at: when,
      });
    entry('create', null, 'draft', createdAt);
    entry('submit', 'draft', 'published', createdAt);
    if (v.status === 'expired') entry('expire', 'published', 'expired', at(-2));
    if (v.status === 'closed') entry('close', 'published', 'closed', at(-2));
  });
  return DEMO_VACANCIES.length;
}
