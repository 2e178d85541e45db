/**
 * The demo city's vocational training (issue 6): about a dozen courses of the four seeded
 * institutions over 济宁市 — varied occupations, free, subsidised and paid, online, offline and
 * blended, dates relative to the seed clock so they are always upcoming. For the demo:
 *   - 电脑办公应用培训班 (online, free) has 1 seat left of 12: 张伟 (demo-citizen-3), who asked
 *     for 电脑办公 training, finds it first; the next person to book joins the waitlist;
 *   - 李秀英 (demo-citizen-2) has a confirmed seat in the 家政服务员 course: "今年已使用 1/3 次";
 *   - a 家政服务员 course ended two months ago: two certificates are overdue, one is still due;
 *   - 兖州区巧手家政培训中心 is run by 济宁众诚家政服务有限公司: the company's 用人单位 account
 *     (demo-employer-3) manages the centre's courses, attendance and results once 就业中心 staff
 *     record the company's USCC on the centre (done here through the training function).
 * Trainees other than the demo citizens are fictional (`demo-trainee-*`).
 */
import { findTownship, inShanghai, type Result } from '@nuanxin/shared';
import { findOccupation } from '@nuanxin/shared/src/data/occupations';
import {
  certificateDueDate,
  countsTowardQuota,
  courseMode,
  courseTimes,
  quotaKey,
  quotaYear,
  type Funding,
  type Session,
  type SkillLevel,
} from '@nuanxin/shared/src/training';

import type { LocalCloud } from '../cloud';
import { isInvokeError } from '../invokeError';

type Doc = Record<string, unknown>;

interface CourseSeed {
  key: string;
  institution: string;
  title: string;
  occupationCode: string;
  level: SkillLevel;
  township: string;
  address: string;
  funding: Funding;
  fee?: number;
  subsidyRule?: string;
  capacity: number;
  targetGroups?: string[];
  description: string;
  /** Days from today to the first session; the deadline is 3 days before it. */
  startsIn: number;
  /** One entry per session: online theory (true) or offline teaching and practice. */
  plan: boolean[];
}

const SCHOOL = '济宁市技师学院（示例）';
const SUNSHINE = '任城区阳光职业培训学校';
const HOUSEKEEPING = '兖州区巧手家政培训中心';
const ONLINE = '济宁职业技能线上培训平台';
/** The demo company that runs 兖州区巧手家政培训中心 (demo-employer-3). */
const RUNNER = '济宁众诚家政服务有限公司';
const SUBSIDY =
  '先由培训机构免收培训费，结业并取得证书后按济宁市职业技能提升补贴规定由财政直接拨付；未取得证书的按规定自付。';

const COURSES: CourseSeed[] = [
  {
    key: 'office',
    institution: ONLINE,
    title: '电脑办公应用培训班（Word/Excel）',
    occupationCode: '3-01-01-01',
    level: 'special',
    township: '370811002',
    address: '',
    funding: 'free',
    capacity: 12,
    description:
      '从开机、打字学起，学会用Word写通知、用Excel做表格和简单统计，适合想做文员、仓库记账的朋友。手机或电脑都能上课。',
    startsIn: 9,
    plan: [true, true, true, true],
  },
  {
    key: 'housekeeping',
    institution: HOUSEKEEPING,
    title: '家政服务员（五级）培训班',
    occupationCode: '4-10-01-06',
    level: 'level5',
    township: '370812001',
    address: '兖州区鼓楼街道建设东路18号二楼实训室',
    funding: 'free',
    capacity: 30,
    targetGroups: ['zeroEmploymentFamily', 'dibao', 'older'],
    description:
      '家庭保洁、衣物洗涤、家庭餐制作、老人和婴幼儿照护基础。结业考核合格颁发职业技能等级证书，培训中心推荐上岗。',
    startsIn: 10,
    plan: [false, false, false, false, false],
  },
  {
    key: 'eldercare',
    institution: SUNSHINE,
    title: '养老护理员（初级）培训班',
    occupationCode: '4-10-01-05',
    level: 'level5',
    township: '370811011',
    address: '任城区阳光职业培训学校 实训楼3层',
    funding: 'free',
    capacity: 25,
    targetGroups: ['older', 'zeroEmploymentFamily'],
    description:
      '线上学理论（老年人生理心理、安全照护），线下在实训室练翻身、喂食、轮椅转移等操作。',
    startsIn: 14,
    plan: [true, true, false, false, false],
  },
  {
    key: 'cook',
    institution: SCHOOL,
    title: '中式烹调师（五级）',
    occupationCode: '4-03-02-01',
    level: 'level5',
    township: '370811008',
    address: '济宁市技师学院 烹饪实训中心',
    funding: 'subsidised',
    fee: 1200,
    subsidyRule: SUBSIDY,
    capacity: 30,
    description: '刀工、火候、鲁菜家常菜制作，结业可考取中式烹调师五级证书。',
    startsIn: 20,
    plan: [false, false, false, false, false, false],
  },
  {
    key: 'electrician',
    institution: SCHOOL,
    title: '电工（五级）上岗培训',
    occupationCode: '6-31-01-03',
    level: 'level5',
    township: '370811008',
    address: '济宁市技师学院 电工实训室',
    funding: 'subsidised',
    fee: 1800,
    subsidyRule: SUBSIDY,
    capacity: 20,
    targetGroups: ['veteran', 'returningMigrant'],
    description: '低压电工基础、照明线路安装、安全用电。理论线上学，实操到学院实训室。',
    startsIn: 25,
    plan: [true, true, false, false, false, false],
  },
  {
    key: 'welder',
    institution: SCHOOL,
    title: '焊工（五级）送培训下乡班',
    occupationCode: '6-18-02-04',
    level: 'level5',
    township: '370832101',
    address: '梁山县小路口镇便民服务中心实训点',
    funding: 'free',
    capacity: 20,
    targetGroups: ['returningMigrant'],
    description:
      '技师学院老师到镇上授课：手工电弧焊、气保焊基本操作和安全防护，结业推荐到县内机械厂就业。',
    startsIn: 30,
    plan: [false, false, false, false, false, false, false],
  },
  {
    key: 'ecommerce',
    institution: ONLINE,
    title: '电子商务师（网店运营）线上班',
    occupationCode: '4-01-06-01',
    level: 'level5',
    township: '370811002',
    address: '',
    funding: 'free',
    capacity: 50,
    targetGroups: ['recentGraduate'],
    description:
      '开网店、拍商品图、写商品标题、客服话术和订单管理，适合想在家创业或做电商客服的朋友。',
    startsIn: 5,
    plan: [true, true, true],
  },
  {
    key: 'livestream',
    institution: SUNSHINE,
    title: '互联网营销师（直播销售）培训',
    occupationCode: '4-01-06-02',
    level: 'level5',
    township: '370811011',
    address: '任城区阳光职业培训学校 直播间',
    funding: 'subsidised',
    fee: 800,
    subsidyRule: SUBSIDY,
    capacity: 30,
    description: '直播选品、话术、灯光和手机设备使用，线下在学校直播间实操。',
    startsIn: 40,
    plan: [true, false, false],
  },
  {
    key: 'nursery',
    institution: HOUSEKEEPING,
    title: '保育师（五级）培训班',
    occupationCode: '4-10-01-03',
    level: 'level5',
    township: '370812001',
    address: '兖州区鼓楼街道建设东路18号二楼实训室',
    funding: 'free',
    capacity: 25,
    description: '托育机构保育工作：婴幼儿生活照料、卫生消毒、安全防护。',
    startsIn: 18,
    plan: [false, false, false, false],
  },
  {
    key: 'hairdresser',
    institution: SUNSHINE,
    title: '美发师（五级）精品班',
    occupationCode: '4-10-03-02',
    level: 'level5',
    township: '370811011',
    address: '任城区阳光职业培训学校 美发实训室',
    funding: 'paid',
    fee: 2600,
    capacity: 15,
    description: '洗发、剪发、烫染基础，小班实操。自费课程，不占每年免费培训次数。',
    startsIn: 12,
    plan: [false, false, false, false, false],
  },
  {
    key: 'pastry',
    institution: SCHOOL,
    title: '中式面点师（五级）进村培训',
    occupationCode: '4-03-02-02',
    level: 'level5',
    township: '370829001',
    address: '嘉祥县嘉祥街道便民服务中心',
    funding: 'free',
    capacity: 20,
    targetGroups: ['zeroEmploymentFamily', 'povertyAlleviated'],
    description: '馒头、包子、水饺、花卷等家常面点，学会可到食堂、早餐店就业或自己开店。',
    startsIn: 45,
    plan: [false, false, false, false],
  },
  {
    key: 'warehouse',
    institution: ONLINE,
    title: '仓储管理员线上培训',
    occupationCode: '4-02-06-01',
    level: 'level5',
    township: '370811002',
    address: '',
    funding: 'free',
    capacity: 40,
    description: '出入库、盘点、扫码枪和仓储管理系统的使用，适合物流仓库岗位。',
    startsIn: 16,
    plan: [true, true, true],
  },
];

/** The course that ended two months ago, for the certificate demo. */
const PAST: CourseSeed = {
  key: 'pastHousekeeping',
  institution: HOUSEKEEPING,
  title: '家政服务员（五级）秋季班',
  occupationCode: '4-10-01-06',
  level: 'level5',
  township: '370812001',
  address: '兖州区鼓楼街道建设东路18号二楼实训室',
  funding: 'free',
  capacity: 20,
  targetGroups: ['zeroEmploymentFamily'],
  description: '家庭保洁、衣物洗涤、家庭餐制作、老人和婴幼儿照护基础。',
  startsIn: -80,
  plan: [false, false, false, false, false],
};

const TRAINEE_NAMES = [
  '马春燕',
  '韩立伟',
  '曹秀梅',
  '邓海涛',
  '冯丽娟',
  '许建军',
  '彭玉兰',
  '蒋志刚',
  '蔡晓燕',
  '贾国庆',
  '丁红梅',
  '魏振华',
  '薛晓明',
  '叶桂芝',
];

function sessionsOf(seed: CourseSeed, firstDay: string): Session[] {
  const start = inShanghai(firstDay);
  return seed.plan.map((online, i) => ({
    date: start.add(i, 'day').format('YYYY-MM-DD'),
    start: online ? '19:00' : '09:00',
    end: online ? '21:00' : '16:30',
    online,
    topic: online ? '理论学习' : '实操训练',
  }));
}

async function call(
  cloud: LocalCloud,
  openid: string,
  fn: string,
  action: string,
  payload: unknown,
) {
  const result = (await cloud.invoke(fn, { action, payload }, { openid })) as Result<unknown>;
  if (!result.ok) {
    throw new Error(`演示数据：${openid} 的 ${fn}.${action} 失败：${result.error.message}`);
  }
  return result.data;
}

export async function seedTraining(cloud: LocalCloud, now: Date): Promise<number> {
  const store = (name: string) => cloud.store.collection(name);
  const institutions = new Map(
    store('training_institutions')
      .find()
      .map((i) => [i.name as string, i]),
  );
  const today = inShanghai(now);
  const day = (n: number) => today.add(n, 'day').format('YYYY-MM-DD');
  const ids: Record<string, string> = {};

  const insertCourse = (seed: CourseSeed, taken: number): string => {
    const institution = institutions.get(seed.institution);
    if (!institution) throw new Error(`演示数据：没有培训机构 ${seed.institution}`);
    const sessions = sessionsOf(seed, day(seed.startsIn));
    const { startsAt, endsAt } = courseTimes(sessions);
    const offline = sessions.some((s) => !s.online);
    const place = findTownship(seed.township)!;
    const location =
      seed.township === institution.township
        ? institution.location
        : { type: 'Point', coordinates: [place.lng, place.lat] };
    const id = store('training_courses').insert({
      institutionId: institution._id,
      institutionName: institution.name,
      title: seed.title,
      occupationCode: seed.occupationCode,
      occupationName: findOccupation(seed.occupationCode)!.name,
      level: seed.level,
      mode: courseMode(sessions),
      sessions,
      township: seed.township,
      address: seed.address,
      location: offline ? location : null,
      capacity: seed.capacity,
      waitlistLimit: 50,
      funding: seed.funding,
      fee: seed.fee ?? 0,
      subsidyRule: seed.subsidyRule ?? '',
      targetGroups: seed.targetGroups ?? [],
      enrolDeadline: day(seed.startsIn - 3),
      description: seed.description,
      contactPhone: '0537-2211000',
      status: 'published',
      startsAt,
      endsAt,
      createdBy: 'demo-supervisor',
      demo: true,
      createdAt: now,
      updatedAt: now,
    });
    store('training_seats').insert({
      _id: id,
      capacity: seed.capacity,
      waitlistLimit: 50,
      taken,
      waiting: 0,
      nextWaitSeq: 1,
    });
    ids[seed.key] = id;
    return id;
  };

  const addBooking = (
    courseId: string,
    seed: CourseSeed,
    who: {
      openid: string;
      name: string;
      mobile: string;
      person: string;
      registrationId: string | null;
    },
    status: 'confirmed' | 'passed',
    at: Date,
    passedAt: Date | null = null,
  ): string => {
    const counted = countsTowardQuota(seed.funding);
    const countedYear = quotaYear(at);
    const id = store('training_bookings').insert({
      courseId,
      courseTitle: seed.title,
      institutionId: institutions.get(seed.institution)!._id,
      township: seed.township,
      ...who,
      status,
      activeKey: `course:${courseId}:${who.openid}`,
      countsQuota: counted,
      quotaYear: counted ? countedYear : null,
      waitSeq: null,
      confirmBy: null,
      bookedAt: at,
      confirmedAt: at,
      promotedAt: null,
      cancelledAt: null,
      cancelReason: null,
      attendedAt: passedAt,
      resultAt: passedAt,
      demo: true,
      updatedAt: at,
    });
    store('training_booking_log').insert({
      bookingId: id,
      courseId,
      at,
      actorOpenid: who.openid,
      actorRole: 'seeker',
      event: 'apply',
      from: null,
      to: 'booked',
      reason: null,
    });
    const steps: [string, string, string][] = [['confirm', 'booked', 'confirmed']];
    if (status === 'passed')
      steps.push(['attend', 'confirmed', 'attended'], ['pass', 'attended', 'passed']);
    for (const [event, from, to] of steps) {
      store('training_booking_log').insert({
        bookingId: id,
        courseId,
        at: event === 'confirm' ? at : (passedAt ?? at),
        actorOpenid: event === 'confirm' ? who.openid : 'demo-employer-3',
        actorRole: event === 'confirm' ? 'seeker' : 'institution',
        event,
        from,
        to,
        reason: null,
      });
    }
    if (counted) {
      const key = quotaKey(who.person, countedYear);
      const quota = store('training_quota').find({ _id: key })[0];
      if (quota) throw new Error('演示数据：每名学员只有一次免费培训记录');
      store('training_quota').insert({ _id: key, person: who.person, year: countedYear, used: 1 });
    }
    return id;
  };

  let trainee = 0;
  const fictional = () => {
    trainee += 1;
    return {
      openid: `demo-trainee-${trainee}`,
      name: TRAINEE_NAMES[(trainee - 1) % TRAINEE_NAMES.length]!,
      mobile: `1390537${String(1000 + trainee).slice(-4)}`,
      person: `demo-trainee-${trainee}`,
      registrationId: null,
    };
  };

  // 李秀英 (registered) already has a seat in the 家政服务员 course.
  const li = store('registrations').find({ openid: 'demo-citizen-2', status: 'registered' })[0];

  for (const seed of COURSES) {
    const nearlyFull = seed.key === 'office';
    const taken = nearlyFull ? seed.capacity - 1 : seed.key === 'housekeeping' && li ? 1 : 0;
    const courseId = insertCourse(seed, taken);
    if (nearlyFull) {
      for (let i = 0; i < seed.capacity - 1; i += 1) {
        addBooking(
          courseId,
          seed,
          fictional(),
          'confirmed',
          today.subtract(i + 1, 'hour').toDate(),
        );
      }
    }
  }

  if (li) {
    const identity = li.identity as Doc;
    addBooking(
      ids.housekeeping!,
      COURSES.find((c) => c.key === 'housekeeping')!,
      {
        openid: 'demo-citizen-2',
        name: String(identity.name ?? ''),
        mobile: String(identity.mobile ?? ''),
        person: String(li.idHash),
        registrationId: String(li._id),
      },
      'confirmed',
      today.subtract(2, 'day').toDate(),
    );
  }

  // The course that ended: two passed 70 days ago (certificates overdue), one passed 40 days ago.
  const pastId = insertCourse(PAST, 3);
  const passes = [70, 70, 40];
  for (const daysAgo of passes) {
    const at = today.subtract(daysAgo, 'day').hour(16).minute(0).toDate();
    const who = fictional();
    const bookingId = addBooking(
      pastId,
      PAST,
      who,
      'passed',
      today.subtract(90, 'day').toDate(),
      at,
    );
    store('training_certificates').insert({
      bookingId,
      courseId: pastId,
      institutionId: institutions.get(PAST.institution)!._id,
      openid: who.openid,
      registrationId: null,
      name: who.name,
      courseTitle: PAST.title,
      institutionName: PAST.institution,
      occupationName: findOccupation(PAST.occupationCode)!.name,
      township: PAST.township,
      passedAt: at,
      dueDate: certificateDueDate(at),
      status: 'open',
      certificateNo: null,
      issuedAt: null,
      issuedBy: null,
      overdueFlaggedAt: null,
    });
  }

  // The centre's own account: the 用人单位 account of the company that runs it, linked by the
  // 兖州区就业中心 recording the company's USCC on the centre.
  const runner = store('companies').find({ name: RUNNER })[0];
  const centre = institutions.get(HOUSEKEEPING)!;
  if (runner) {
    try {
      await call(cloud, 'demo-caseworker-370812', 'training', 'saveInstitution', {
        id: centre._id,
        name: HOUSEKEEPING,
        kind: centre.kind,
        township: centre.township,
        address: '兖州区鼓楼街道建设东路18号',
        phone: '0537-3411808',
        uscc: runner.uscc,
      });
    } catch (error) {
      // A bare store without the functions (some local tests): the link is left out.
      if (!(isInvokeError(error) && error.code === 'FUNCTION_NOT_FOUND')) throw error;
    }
  }
  return COURSES.length + 1;
}
