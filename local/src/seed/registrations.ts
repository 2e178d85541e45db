/**
 * Demo registrations, made through the real `registration` function as each citizen would (consent,
 * draft, submit), so the seeded data is exactly what the product makes. ID numbers are generated
 * with a valid check character for fictional people; dates are relative to today, so the demo
 * people keep their ages, tags and working-age status whenever the seed runs.
 *
 * Result (with the demo staff of data.ts):
 *   李秀英 — registered, 任城区就业中心 张敏 (demo-caseworker-370811), 大龄, insurance claim
 *   张伟   — submitted, disability waiting for 张敏's verification, long-term unemployed
 *   孙丽   — registered after 张敏 verified 低保
 *   刘桂兰 — submitted (零就业家庭), 嘉祥县 caseworker
 *   陈志强 — submitted (退役军人), 曲阜市 caseworker
 *   赵大勇 — submitted (返乡农民工), 梁山县 caseworker
 *   钱思远 — graduate living in 高新区, where no 人才服务中心 caseworker works: the supervisor's
 *            unassigned queue
 * 王小雨 (demo-citizen-1) and 周建华 (demo-citizen-8) stay unregistered for the e2e journeys.
 */
import {
  CONSENT_VERSION,
  dateKey,
  dayjs,
  idCardCheckChar,
  inShanghai,
  type draftSectionsSchema,
  type Result,
  type z,
} from '@nuanxin/shared';

import type { LocalCloud } from '../cloud';
import { isInvokeError } from '../invokeError';

type Sections = z.input<typeof draftSectionsSchema>;

/** An 18-digit ID number with a valid check character: region, birth date, 3-digit sequence. */
export function demoIdNumber(region: string, birthDate: string, sequence: string): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${sequence}`;
  return first17 + idCardCheckChar(first17);
}

interface Plan {
  openid: string;
  sections: Sections;
  /** A caseworker's verification after submit: who, and what holds. */
  verify?: { as: string; verified: Record<string, boolean>; note: string };
}

function plans(now: Date): Plan[] {
  const today = inShanghai(now);
  const year = today.year();
  const born = (age: number, monthDay: string) => `${year - age}-${monthDay}`;
  const daysAgo = (days: number) => dateKey(today.subtract(days, 'day').toDate());
  // Left school on the last 30 June at least a month ago: within 2 years, always.
  const graduated = dayjs(`${year}-07-30`).isAfter(dayjs(today.format('YYYY-MM-DD')))
    ? `${year - 1}-06-30`
    : `${year}-06-30`;
  const wishes = (occupations: string[], salaryMin: number, salaryMax: number) => ({
    occupations,
    salaryMin,
    salaryMax,
    commuteKm: 10,
    workTypes: ['fullTime' as const],
    wantsTraining: false,
    trainingNeed: '',
    entrepreneurship: false,
  });
  const noDeclarations = {
    disabled: false,
    disabilityCertNo: null,
    dibao: false,
    zeroEmploymentFamily: false,
    povertyAlleviated: false,
    veteran: false,
    returningMigrant: false,
  };

  const zhangWeiId = demoIdNumber('370811', born(40, '09-03'), '135');
  const qianBirth = `${Number(graduated.slice(0, 4)) - 22}-06-18`;
  return [
    {
      openid: 'demo-citizen-2',
      sections: {
        identity: {
          name: '李秀英',
          idNumber: demoIdNumber('370811', born(48, '05-12'), '042'),
          retirementCategory: 'female55',
          mobile: '13805371002',
          hukouPlace: '山东省济宁市任城区',
          hukouType: 'urban',
          township: '370811005',
          community: '李营社区',
          location: null,
          education: 'seniorHigh',
          graduationDate: null,
        },
        work: {
          lastEmployer: '济宁华纺织造有限公司',
          separationDate: daysAgo(240),
          separationReason: 'contractEnded',
          insured: true,
          claimInsurance: true,
        },
        declarations: noDeclarations,
        wishes: {
          ...wishes(['4-10-01-06', '4-09-08-01'], 2500, 3500),
          workTypes: ['fullTime', 'partTime'],
        },
      },
    },
    {
      openid: 'demo-citizen-3',
      sections: {
        identity: {
          name: '张伟',
          idNumber: zhangWeiId,
          retirementCategory: 'male',
          mobile: '13805371003',
          hukouPlace: '山东省济宁市任城区',
          hukouType: 'urban',
          township: '370811007',
          community: '仙营社区',
          location: null,
          education: 'secondaryVocational',
          graduationDate: null,
        },
        work: {
          lastEmployer: '济宁圣源机械配件厂',
          separationDate: daysAgo(460),
          separationReason: 'dismissed',
          insured: false,
          claimInsurance: false,
        },
        declarations: { ...noDeclarations, disabled: true, disabilityCertNo: `${zhangWeiId}42` },
        wishes: {
          ...wishes(['4-02-06-01', '4-07-02-03'], 2200, 3000),
          wantsTraining: true,
          trainingNeed: '电脑办公',
        },
      },
    },
    {
      openid: 'demo-citizen-7',
      sections: {
        identity: {
          name: '孙丽',
          idNumber: demoIdNumber('370811', born(36, '02-20'), '226'),
          retirementCategory: 'female55',
          mobile: '13805371007',
          hukouPlace: '山东省济宁市任城区',
          hukouType: 'urban',
          township: '370811008',
          community: '金城社区',
          location: null,
          education: 'juniorHigh',
          graduationDate: null,
        },
        work: {
          lastEmployer: '任城区金城超市',
          separationDate: daysAgo(150),
          separationReason: 'resigned',
          insured: true,
          claimInsurance: false,
        },
        declarations: { ...noDeclarations, dibao: true },
        wishes: wishes(['4-01-02-04', '4-01-02-03'], 2000, 3000),
      },
      verify: {
        as: 'demo-caseworker-370811',
        verified: { dibao: true },
        note: '已核对民政部门低保名单',
      },
    },
    {
      openid: 'demo-citizen-4',
      sections: {
        identity: {
          name: '刘桂兰',
          idNumber: demoIdNumber('370829', born(51, '07-08'), '348'),
          retirementCategory: 'female55',
          mobile: '13805371004',
          hukouPlace: '山东省济宁市嘉祥县',
          hukouType: 'rural',
          township: '370829001',
          community: '嘉祥街道南关村',
          location: null,
          education: 'juniorHigh',
          graduationDate: null,
        },
        work: {
          lastEmployer: '嘉祥县石雕工艺品厂',
          separationDate: daysAgo(330),
          separationReason: 'bankruptcy',
          insured: true,
          claimInsurance: true,
        },
        declarations: { ...noDeclarations, zeroEmploymentFamily: true },
        wishes: wishes(['4-10-01-05', '4-09-08-01'], 2000, 2800),
      },
    },
    {
      openid: 'demo-citizen-5',
      sections: {
        identity: {
          name: '陈志强',
          idNumber: demoIdNumber('370881', born(43, '11-30'), '517'),
          retirementCategory: 'male',
          mobile: '13805371005',
          hukouPlace: '山东省济宁市曲阜市',
          hukouType: 'urban',
          township: '370881001',
          community: '鲁城社区',
          location: null,
          education: 'juniorCollege',
          graduationDate: null,
        },
        work: {
          lastEmployer: '曲阜三孔景区物业公司',
          separationDate: daysAgo(90),
          separationReason: 'contractEnded',
          insured: true,
          claimInsurance: false,
        },
        declarations: { ...noDeclarations, veteran: true },
        wishes: { ...wishes(['4-07-05-01', '4-02-07-08'], 3500, 5000), entrepreneurship: true },
      },
    },
    {
      openid: 'demo-citizen-6',
      sections: {
        identity: {
          name: '赵大勇',
          idNumber: demoIdNumber('370832', born(54, '04-16'), '279'),
          retirementCategory: 'male',
          mobile: '13805371006',
          hukouPlace: '山东省济宁市梁山县',
          hukouType: 'rural',
          township: '370832101',
          community: '小路口村',
          location: null,
          education: 'juniorHigh',
          graduationDate: null,
        },
        work: {
          lastEmployer: '苏州工业园区某电子厂',
          separationDate: daysAgo(300),
          separationReason: 'resigned',
          insured: false,
          claimInsurance: false,
        },
        declarations: { ...noDeclarations, returningMigrant: true },
        wishes: wishes(['4-02-05-01', '6-18-02-04'], 3500, 5500),
      },
    },
    {
      openid: 'demo-citizen-9',
      sections: {
        identity: {
          name: '钱思远',
          idNumber: demoIdNumber('370811', qianBirth, '064'),
          retirementCategory: 'female55',
          mobile: '13805371009',
          hukouPlace: '山东省济宁市任城区',
          hukouType: 'urban',
          township: '370871001',
          community: '洸河社区',
          location: null,
          education: 'bachelor',
          graduationDate: graduated,
        },
        work: {
          lastEmployer: '',
          separationDate: null,
          separationReason: 'graduated',
          insured: false,
          claimInsurance: false,
        },
        declarations: noDeclarations,
        wishes: wishes(['4-04-05-01', '4-01-06-01'], 4000, 6000),
      },
    },
  ];
}

async function call(cloud: LocalCloud, openid: string, action: string, payload: unknown) {
  const result = (await cloud.invoke('registration', { action, payload }, { openid })) as Result<{
    registration?: { id: string };
  }>;
  if (!result.ok) {
    throw new Error(`演示数据：${openid} 的 registration.${action} 失败：${result.error.message}`);
  }
  return result.data;
}

/**
 * Registers the demo citizens through the `registration` function. A cloud without that function
 * (a bare store in tests) gets none; returns how many were registered.
 */
export async function registerDemoCitizens(cloud: LocalCloud, now = new Date()): Promise<number> {
  const list = plans(now);
  let count = 0;
  for (const plan of list) {
    try {
      await call(cloud, plan.openid, 'giveConsent', { version: CONSENT_VERSION });
    } catch (error) {
      if (isInvokeError(error) && error.code === 'FUNCTION_NOT_FOUND') return 0;
      throw error;
    }
    await call(cloud, plan.openid, 'saveDraft', { step: 3, sections: plan.sections });
    const submitted = await call(cloud, plan.openid, 'submit', {});
    if (plan.verify) {
      await call(cloud, plan.verify.as, 'verify', {
        registrationId: submitted.registration!.id,
        verified: plan.verify.verified,
        note: plan.verify.note,
      });
    }
    count += 1;
  }
  return count;
}
