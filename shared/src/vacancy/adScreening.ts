/**
 * Discrimination screening of job ads (岗位标题、描述、要求、证书、福利待遇), run at every save
 * (issue 4, Rules).
 *
 * Data-driven: each category has a list of patterns that find a phrase, and a list of "opposite"
 * phrasings ("男女不限", "不限户籍", "欢迎残疾人士应聘") whose spans cancel any finding they
 * overlap. Patterns run over a normalised copy of the text (NFKC full-width → half-width, no
 * spaces, lower case, common traditional characters → simplified); the reported phrase is the
 * employer's own wording, cut from the original text. No NLP: a phrase list is what staff can
 * read, extend and argue about.
 *
 * Block categories cite the article the issue names; the review categories (age, appearance,
 * promises) have no article of their own and cite the general rules on job ads. Religion is
 * screened under 'ethnicity' (民族、种族、宗教信仰, 就业促进法 第3条). A health certificate a
 * job legally needs ("需办理健康证", 食品安全法 第45条) is no finding; asking for "no infectious
 * disease" or a negative test is (就业促进法 第30条). Decisions on borderline wording are noted
 * at their rules and in the table of shared/test/adScreening.test.ts.
 */
export const AD_CATEGORIES = [
  'sex',
  'marriage',
  'ethnicity',
  'hukou',
  'infectious',
  'disability',
  'underage',
  'age',
  'appearance',
  'promise',
] as const;
export type AdCategory = (typeof AD_CATEGORIES)[number];
export type AdSeverity = 'block' | 'review';

export interface AdFinding {
  /** The wording as the employer wrote it. */
  phrase: string;
  category: AdCategory;
  severity: AdSeverity;
  /** The law and article, as issue 4 names them. */
  basis: string;
  /** A Chinese sentence naming the phrase and the law, telling the employer what to change. */
  message: string;
}

export const AD_CATEGORY_LABELS: Record<AdCategory, string> = {
  sex: '性别歧视',
  marriage: '婚育歧视',
  ethnicity: '民族、种族、宗教信仰歧视',
  hukou: '户籍、地域歧视',
  infectious: '传染病病原携带者歧视',
  disability: '残疾歧视',
  underage: '招用未满十六周岁未成年人',
  age: '年龄限制',
  appearance: '容貌、身高要求',
  promise: '不实承诺',
};

interface CategoryLaw {
  severity: AdSeverity;
  basis: string;
  /** The same law as it reads in a sentence for the employer. */
  cited: string;
  fix: string;
}

const LAW: Record<AdCategory, CategoryLaw> = {
  sex: {
    severity: 'block',
    basis: '就业促进法 第27条、妇女权益保障法 第43条',
    cited: '《就业促进法》第二十七条、《妇女权益保障法》第四十三条',
    fix: '请删除性别要求',
  },
  marriage: {
    severity: 'block',
    basis: '妇女权益保障法 第43条',
    cited: '《妇女权益保障法》第四十三条',
    fix: '请删除婚姻、生育方面的要求',
  },
  ethnicity: {
    severity: 'block',
    basis: '就业促进法 第3条、第28条',
    cited: '《就业促进法》第三条、第二十八条',
    fix: '请删除民族、种族、宗教信仰方面的要求',
  },
  hukou: {
    severity: 'block',
    basis: '就业促进法 第31条',
    cited: '《就业促进法》第三十一条',
    fix: '请删除户籍、地域方面的要求',
  },
  infectious: {
    severity: 'block',
    basis: '就业促进法 第30条',
    cited: '《就业促进法》第三十条',
    fix: '请删除对乙肝等传染病病原携带者的限制；食品、公共场所等行业依法需要健康证的，可写“需办理健康证”',
  },
  disability: {
    severity: 'block',
    basis: '就业促进法 第29条',
    cited: '《就业促进法》第二十九条',
    fix: '请删除对残疾人的限制，如岗位确有身体条件要求，请写明具体工作能力',
  },
  underage: {
    severity: 'block',
    basis: '劳动法 第15条',
    cited: '《劳动法》第十五条',
    fix: '用人单位不得招用未满十六周岁的未成年人，请将年龄要求改为年满十六周岁',
  },
  age: {
    severity: 'review',
    basis: '就业服务与就业管理规定 第20条',
    cited: '《就业服务与就业管理规定》第二十条',
    fix: '如非岗位必需，请删除年龄限制',
  },
  appearance: {
    severity: 'review',
    basis: '就业服务与就业管理规定 第20条',
    cited: '《就业服务与就业管理规定》第二十条',
    fix: '如非岗位必需，请删除容貌、身高要求',
  },
  promise: {
    severity: 'review',
    basis: '就业服务与就业管理规定 第14条',
    cited: '《就业服务与就业管理规定》第十四条',
    fix: '请如实写明薪资和录用条件，删除“高薪”“保录取”一类承诺',
  },
};

function messageFor(phrase: string, category: AdCategory): string {
  const law = LAW[category];
  const label = AD_CATEGORY_LABELS[category];
  if (law.severity === 'block') {
    return `“${phrase}”属于${label}，违反${law.cited}，${law.fix}`;
  }
  return `“${phrase}”属于${label}，依据${law.cited}需经工作人员审核后发布；${law.fix}`;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Traditional characters that occur in these phrases, mapped to simplified (cheap, not OpenCC). */
const TRADITIONAL =
  '僅隻戶區農攜帶無擾殘體歲齡貌錄過優計劃漢維結離異懷孕聾啞礙視聽氣質顏長證們於學愛滋與歡應聘樣門檻薪資籍內勞動條婦權';
const SIMPLIFIED =
  '仅只户区农携带无扰残体岁龄貌录过优计划汉维结离异怀孕聋哑碍视听气质颜长证们于学爱滋与欢应聘样门槛薪资籍内劳动条妇权';
const T2S = new Map([...TRADITIONAL].map((c, i) => [c, [...SIMPLIFIED][i]!]));

interface Normalised {
  text: string;
  /** For each character of `text`, the [start, end) of the original text it came from. */
  from: Array<[number, number]>;
}

function normalise(original: string): Normalised {
  let text = '';
  const from: Array<[number, number]> = [];
  let index = 0;
  for (const ch of original) {
    const start = index;
    index += ch.length;
    for (let c of ch.normalize('NFKC').toLowerCase()) {
      if (/\s/.test(c)) continue;
      c = T2S.get(c) ?? c;
      // Dashes and tildes of every width read as a range.
      if (/[~〜—–―－‐]/.test(c)) c = '-';
      if (c === '：') c = ':';
      text += c;
      from.push([start, index]);
    }
  }
  return { text, from };
}

// ---------------------------------------------------------------------------------------------
// Rules

interface AdRule {
  category: AdCategory;
  pattern: RegExp;
  /** A further test on the match, for rules that depend on a number (ages). */
  when?: (match: RegExpExecArray) => boolean;
}

/** A clause-bounded gap: a few characters that are not punctuation. */
const GAP = '[^,.;:!?，。；：！？、/()（）]{0,10}?';
const SEX = '(?:男|女)(?:性|生|士|工|的|孩|人)';
const REFUSE_AFTER =
  '(?:勿扰|免谈|莫扰|不要|不招|不考虑|不录用|谢绝|除外|一律不录用|请绕行|不予录用)';
const REFUSE_BEFORE =
  '(?:不招|不要|不收|不考虑|不录用|不予录用|谢绝|拒绝|拒收|不接受|不招收|不招聘)';
const ONLY = '(?:仅限|只限|限定|限|只招|仅招|只要|只收|专招|要求|须|需|需要|必须)';
const ETHNIC =
  '(?:少数民族|汉族|回族|藏族|维吾尔族|维族|蒙古族|蒙族|壮族|满族|苗族|彝族|土家族|朝鲜族|侗族|瑶族|哈萨克族|傣族|黎族|汉人)';
const INFECTIOUS =
  '(?:乙肝|乙型肝炎|肝炎|hbsag|大三阳|小三阳|艾滋病|hiv|丙肝|梅毒|肺结核|结核病|性病|传染病病原|传染性疾病|传染病|病原携带|病毒携带)';
/**
 * Religious belief (就业促进法 第3条): the faiths and believers as ads name them. "信" before a
 * faith ("信基督教者") is part of the phrase.
 */
const RELIGION =
  '(?:信仰|信)?(?:佛教徒?|道教徒?|基督教徒?|基督徒|天主教徒?|伊斯兰教徒?|穆斯林|宗教人士|信教)';
/** Disability as ads name it, including the 障碍 wording of the 残疾人残疾分类 standard. */
const DISABLED =
  '(?:残疾|残障|伤残|聋哑|聋人|盲人|哑巴|瘸子|(?:听力|视力|言语|肢体|智力|精神)(?:障碍|残疾)|视障|听障)';
/** A marital or childbearing status (妇女权益保障法 第43条). */
const MARITAL = '(?:未婚|已婚|已育|未育|离异|丧偶|已生育|未生育)';
const PROVINCES =
  '(?:河南|东北|新疆|西藏|安徽|四川|湖南|湖北|江西|广西|贵州|甘肃|云南|山东|河北|山西|陕西|黑龙江|吉林|辽宁|内蒙古?|宁夏|青海|福建|广东|潮汕|江苏|浙江|外地|外省|外市)';
const NUM = '(?<![\\d一二三四五六七八九十])(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const AGE_UNIT = '周?岁';

function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const digits = '零一二三四五六七八九';
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const t = text.includes('十') ? (tens ? digits.indexOf(tens) : 1) : 0;
  return t * 10 + (ones ? digits.indexOf(ones) : 0);
}

/** '18-35岁', '年龄:25-45', '二十至三十五周岁'. */
/**
 * Ages of the people the job serves ("照护0-3岁婴幼儿", "6-12岁儿童托管") describe the work, not the
 * applicant: an unlabelled age range followed by them is no finding.
 */
const SERVED =
  '(?:婴幼儿|婴儿|幼儿|儿童|宝宝|小孩|孩子|小朋友|学生|青少年|少儿|学龄|老人|长者|患者|学员)';
const AGE_RANGE = `年龄:?在?${NUM}(?:${AGE_UNIT})?(?:-|至|到)${NUM}(?:${AGE_UNIT})?|${NUM}(?:${AGE_UNIT})?(?:-|至|到)${NUM}${AGE_UNIT}(?!的?${SERVED})`;
const lowerOfRange = (m: RegExpExecArray): number => chineseNumber((m[1] ?? m[3])!);

/** Under 16 is never lawful (劳动法 第15条); 16 and 18 as a lower bound are the law's own lines. */
const LEGAL_MINIMUM = 16;
const ADULT = 18;

const rule = (category: AdCategory, source: string, when?: AdRule['when']): AdRule => ({
  category,
  pattern: new RegExp(source, 'g'),
  ...(when ? { when } : {}),
});

export const AD_RULES: readonly AdRule[] = [
  // 性别 — 就业促进法 第27条
  rule('sex', `${ONLY}(?:为|是)?(?:男|女)(?:性|生|士|工|的)?(?![女男])`),
  rule('sex', `(?:男|女)(?:性|生|士|工|的)?(?:优先|${REFUSE_AFTER})`),
  rule('sex', `${REFUSE_BEFORE}(?:男|女)(?:性|生|士|工|的)?`),
  rule('sex', `性别(?:要求|限制)?:?(?:为|限)?(?:男|女)(?![女男])`),
  rule('sex', `(?:招|招聘|聘|诚聘|招收)(?:${GAP}${SEX}|(?:\\d+名)?(?:男|女)(?![女男装鞋包]))`),
  rule('sex', `${ONLY}${GAP}${SEX}`),
  rule('sex', `(?:岁|以下|以上|以内)的?${SEX}`),
  // "招普工（男）": the sex in brackets after the post.
  rule('sex', `\\((?:男|女)(?:性|生|士|工)?\\)`),
  // "要男的" (but not "主要女性客户"), "适合男性".
  rule(
    'sex',
    `(?<![主重纲需想])要(?:男|女)(?:的|性|生|士|工)(?![女男])|适合(?:男|女)(?:性|生|士|的)?(?![女男])`,
  ),
  // "身高男175女165": a different threshold per sex is a sex-differentiated hiring standard
  // (妇女权益保障法 第43条(五)); the height itself is for review (below).
  rule(
    'sex',
    '(?:男|女)(?:性|生|士)?:?(?:1\\.\\d{1,2}|\\d{2,3})[^,.;:!?，。；：！？]{0,6}?(?:男|女)(?:性|生|士)?:?(?:1\\.\\d{1,2}|\\d{2,3})',
  ),
  // 婚育 — 妇女权益保障法 第43条
  // A status is a finding as a requirement: after "限/要求…", before "优先/勿扰…", in a pair
  // ("已婚已育"), or standing alone as an item of a list ("本地户口，未婚"). Mentioning it is not:
  // "欢迎已婚人士", "为已婚夫妇提供婚姻咨询".
  rule('marriage', `${ONLY}(?:为|是)?${MARITAL}`),
  rule('marriage', `${MARITAL}(?:已育|未育|已孕)?(?:者|人员|人士)?(?:优先|${REFUSE_AFTER})`),
  rule('marriage', '(?:已婚|未婚|已育|未育)(?:已育|未育|已孕)'),
  rule(
    'marriage',
    `(?<=^|[,.;:!?，。；：！？、/()])${MARITAL}(?:者)?(?=$|[,.;:!?，。；：！？、/()])`,
  ),
  rule('marriage', `${ONLY}单身|单身(?:优先|者优先)|婚姻状况:?\\S{0,2}`),
  // "宝妈优先", "有孩子优先": a preference by childbearing status makes it a condition of hiring
  // (妇女权益保障法 第43条(四)), as "已婚已育优先" does; it ranks every applicant without
  // children lower. Blocked, not sent to review: the law names it and there is nothing for staff
  // to weigh. An employer who wants to welcome parents describes the hours ("可兼顾家庭"), which
  // is clean.
  rule(
    'marriage',
    `(?:宝妈|宝爸|妈妈|已婚妈妈|有(?:孩子|小孩|子女|宝宝)|生过孩子|无(?:孩子|小孩|子女))(?:的)?(?:者|人员|人士)?(?:优先|${REFUSE_AFTER})`,
  ),
  rule(
    'marriage',
    `(?:[一二两三四五\\d]年内|近期|入职后${GAP})?(?:无|没有|暂无|暂不|不得|不能|不准|不可)(?:生育|怀孕|生孩子|要孩子|要小孩|生小孩|生二胎|生二孩|生三胎|备孕)(?:计划|打算|意愿)?`,
  ),
  rule('marriage', `(?:孕妇|孕期|怀孕|哺乳期|备孕|孕期妇女)(?:者|中|人员)?${REFUSE_AFTER}`),
  rule('marriage', `${REFUSE_BEFORE}(?:孕妇|孕期|怀孕|哺乳期|备孕)`),
  // 民族、种族、宗教 — 就业促进法 第3条、第28条
  rule('ethnicity', `${ONLY}(?:为|是)?${ETHNIC}`),
  rule('ethnicity', `民族(?:要求)?:?${ETHNIC}`),
  rule('ethnicity', `${ETHNIC}(?:人员|人|同胞)?(?:优先|${REFUSE_AFTER})`),
  rule('ethnicity', `${REFUSE_BEFORE}${ETHNIC}`),
  rule(
    'ethnicity',
    `(?:${ONLY}|招)(?:外籍)?(?:白人|黑人|黄种人)|(?:白人|黑人)(?:外教|优先|${REFUSE_AFTER})`,
  ),
  rule('ethnicity', '无宗教信仰|不信教|(?:有)?宗教信仰(?:者|人员)?' + REFUSE_AFTER),
  rule('ethnicity', `${REFUSE_BEFORE}(?:有宗教信仰|${RELIGION})`),
  // Religion (就业促进法 第3条): "限佛教徒", "穆斯林勿扰", "信仰伊斯兰教者勿扰".
  rule('ethnicity', `${ONLY}(?:为|是)?${RELIGION}(?:者|人员|人士)?`),
  rule('ethnicity', `${RELIGION}(?:者|人员|人士|朋友)?(?:优先|${REFUSE_AFTER})`),
  // 户籍、地域、农村 — 就业促进法 第31条
  rule(
    'hukou',
    `${ONLY}(?:为|是|持有|具有|有)?[\\u4e00-\\u9fa5]{0,4}?(?:户口|户籍|籍贯)(?![本簿])`,
  ),
  rule(
    'hukou',
    `(?:本地|本市|本县|本区|本省|本镇|当地|城镇|城市|非农业?|农业|农村|外地|外省|[\\u4e00-\\u9fa5]{2})(?:户口|户籍)(?:者|人员)?(?:优先|${REFUSE_AFTER})`,
  ),
  // A bare "本地户口" in a list of requirements is a requirement.
  rule('hukou', '(?:本地|本市|本县|本区|本省|当地|城镇|非农业?)(?:户口|户籍)(?![本簿])'),
  rule('hukou', '(?:户口|户籍|籍贯)(?:要求)?:?(?:本地|本市|本县|本省|当地|城镇|非农业?)'),
  // "只招本地人"; not "限本市范围内出差" (where the work is, not who does it).
  rule(
    'hukou',
    `${ONLY}(?:本地|本市|本县|本区|本省|当地)(?:人|人员|居民)?(?!范围|内|区域|辖区|周边|出差|上班|工作|通勤|配送|送货|驾驶)`,
  ),
  rule('hukou', `(?:本地|本市|本县|当地)(?:人|人员|居民)(?:优先)`),
  rule(
    'hukou',
    `(?:${PROVINCES}|农村|农民工|外来)(?:籍)?(?:户口|户籍|人|人员|老乡|务工人员|来的)?${REFUSE_AFTER}`,
  ),
  rule('hukou', `${REFUSE_BEFORE}(?:${PROVINCES}|农村|农民工|外来)(?:籍)?(?:人|人员)?`),
  rule(
    'hukou',
    `(?:仅限|只限|限|只招|只要)${PROVINCES}(?:籍)?(?:人|人员)?|(?:仅限|限|只招)[\\u4e00-\\u9fa5]{2,3}?籍`,
  ),
  // 传染病病原携带者 — 就业促进法 第30条
  rule(
    'infectious',
    `${INFECTIOUS}(?:病毒)?(?:携带者?|患者|阳性|病人)?(?:者|人员)?${REFUSE_AFTER}`,
  ),
  rule('infectious', `${REFUSE_BEFORE}${INFECTIOUS}(?:病毒)?(?:携带者|患者|阳性)?`),
  rule('infectious', `(?:无|非|不是)${INFECTIOUS}(?:病毒)?(?:携带者?|患者|阳性)?`),
  rule('infectious', `(?:乙肝|hbsag)(?:两对半|五项|检查|检测|筛查)(?:阴性|正常|合格)?`),
  // "HIV阴性", "乙肝抗原阴性": a negative result as a condition.
  rule(
    'infectious',
    `${INFECTIOUS}(?:病毒)?(?:抗原|抗体)?(?:检测|检查|筛查)?(?:结果)?(?:阴性|正常)`,
  ),
  rule('infectious', `(?:携带者|病原携带者)${REFUSE_AFTER}`),
  // 残疾 — 就业促进法 第29条
  rule('disability', '(?:身体|四肢|肢体|五官|身心|体格)(?:健全|无残疾|无缺陷)'),
  rule(
    'disability',
    '(?:无|没有|非)(?:任何)?(?:(?:身体|肢体)?(?:残疾|残障|伤残)|(?:身体|肢体)(?:缺陷|残缺))',
  ),
  rule('disability', `${DISABLED}(?:人士|者|人员|人)?${REFUSE_AFTER}`),
  rule('disability', `${REFUSE_BEFORE}${DISABLED}(?:人士|者|人员|人)?`),
  // 未满十六周岁 — 劳动法 第15条
  rule('underage', `(?:招|招收|招用|雇佣|可招|接受|使用)童工`),
  rule('underage', `(?:不满|未满)(?:16|十六)${AGE_UNIT}(?:者|的)?(?:可|亦可|也可|均可|优先|即可)`),
  // Ages: one pattern each for a range, an upper and a lower bound; the number decides whether
  // it is under-16 hiring (block) or an age limit (review).
  rule('underage', AGE_RANGE, (m) => lowerOfRange(m) < LEGAL_MINIMUM),
  rule('age', AGE_RANGE, (m) => lowerOfRange(m) >= LEGAL_MINIMUM),
  // "照顾3岁以下幼儿", "服务对象为16岁以下儿童": the ages of the people served, not a limit.
  rule(
    'underage',
    `(?:年龄)?${NUM}${AGE_UNIT}(?:及以下|以下|以内|之内)(?!${REFUSE_AFTER}|的?(?:不招|勿扰)|的?${SERVED})`,
    (m) => chineseNumber(m[1]!) <= LEGAL_MINIMUM,
  ),
  rule(
    'age',
    `(?:年龄)?${NUM}${AGE_UNIT}(?:及以下|以下|以内|之内)(?!的?${SERVED})|${NUM}${AGE_UNIT}(?:及以上|以上)(?:者|人员)?${REFUSE_AFTER}`,
    (m) => chineseNumber((m[1] ?? m[2])!) > LEGAL_MINIMUM,
  ),
  // "招14岁学徒": hiring at a stated age under 16.
  rule(
    'underage',
    `(?:招|招收|招用|招聘|雇佣|雇用|收)${NUM}${AGE_UNIT}(?!(?:及|以|之|-|至|到|的?${SERVED}))`,
    (m) => chineseNumber(m[1]!) < LEGAL_MINIMUM,
  ),
  rule(
    'age',
    `年龄(?:要求)?(?:不超过|不得超过|不大于|不高于|低于|小于|须在|限制在|限)${NUM}${AGE_UNIT}?`,
    (m) => chineseNumber(m[1]!) > LEGAL_MINIMUM,
  ),
  rule(
    'underage',
    `(?:年满|满)${NUM}${AGE_UNIT}|${NUM}${AGE_UNIT}(?:及以上|以上)(?!${REFUSE_AFTER})`,
    (m) => chineseNumber((m[1] ?? m[2])!) < LEGAL_MINIMUM,
  ),
  rule(
    'age',
    `(?:年满|满)${NUM}${AGE_UNIT}|${NUM}${AGE_UNIT}(?:及以上|以上)(?!${REFUSE_AFTER})`,
    (m) => chineseNumber((m[1] ?? m[2])!) > ADULT,
  ),
  rule('age', `(?:${ONLY})?(?<!\\d)(?:00|[5-9][05])后(?:优先|${REFUSE_AFTER})?`),
  rule('age', `${ONLY}年轻|年轻(?:人|女性|男性)?(?:优先|${REFUSE_AFTER})|大龄${REFUSE_AFTER}`),
  // 容貌、身高
  rule(
    'appearance',
    `(?:男|女)?(?:身高|体重)(?:要求|须|需|需要|必须|限)?:?(?:在)?(?:(?:男|女)(?:性|生|士)?:?)?(?:1\\.\\d{1,2}|\\d{2,3})(?:cm|厘米|公分|米|m|kg|公斤|斤)?(?:以上|以下|左右|及以上|之间)?`,
  ),
  rule(
    'appearance',
    `(?:无|没有|不能有|不得有|不可有)(?:明显|外露)?(?:的)?(?:纹身|文身|刺青|疤痕|伤疤)|(?:纹身|文身|刺青)(?:者|人员)?${REFUSE_AFTER}`,
  ),
  rule('appearance', '(?<!\\d)1[4-9]\\d(?:cm|厘米|公分)(?:以上|以下|及以上)?'),
  rule(
    'appearance',
    '五官端正|相貌端正|容貌端正|面容姣好|容貌姣好|形象(?:气质)?(?:好|佳|端正|出众|姣好)|气质(?:佳|好|出众)|长相(?:甜美|端正|好|出众|清秀|帅气)|颜值高|身材(?:好|匀称|苗条|高挑)|外貌(?:端正|佳|出众)|(?:肤色|皮肤)白皙',
  ),
  // 不实承诺
  // "高薪"/"高薪资" claim pay without a figure: review. "最高薪资6000元" (the top of the range)
  // and "每年提高薪资" say something checkable and are clean; so is "薪资面议".
  rule('promise', '(?<![最提])高薪|高收入|月入(?:过)?万|日赚\\d+|稳赚|躺赚|轻松赚钱'),
  rule(
    'promise',
    '(?<![确担环])(?:保|包)(?:录取|录用|录|过|就业|分配|上岗|入职)|(?:保证|确保|百分百|100%)(?:录取|录用|入职|就业|上岗|通过)',
  ),
];

/**
 * Phrasings that say the opposite of a rule: a finding whose span touches one of these is not a
 * finding. "少数民族优先" and "残疾人优先" are lawful preferences (就业促进法 第28条、第29条).
 */
export const AD_OPPOSITES: readonly RegExp[] = [
  /男女(?:不限|均可|皆可|都可|均|工|皆|生|性|士|各|性别不限)|(?:性别|男女)(?:不限|均可|无要求|无限制)|不限(?:性别|男女)|无性别(?:要求|限制)|(?:男性|女性|男女)(?:均可|皆可|亦可)/g,
  /(?:婚否|婚姻|婚育|婚姻状况)(?:不限|无要求|无限制)|不限(?:婚否|婚姻|婚育)|无婚育(?:要求|限制)/g,
  /(?:不限|不分)(?:民族|宗教|信仰|种族)|(?:民族|宗教信仰|信仰|种族)不限|欢迎(?:各族|各民族|少数民族)|少数民族(?:者|人员|同胞)?(?:优先|欢迎|亦可|均可)|尊重(?:各民族|少数民族|宗教)/g,
  /(?:不限|不分)(?:户籍|户口|地域|籍贯|城乡)|(?:户籍|户口|地域|籍贯|城乡)(?:不限|无要求|无限制)|无(?:户籍|户口|地域)(?:要求|限制)|(?<!不)(?:欢迎|接受)外地|外地(?:人员|人)?(?:亦可|均可|也可|欢迎)|(?:解决|协助办理|办理|帮助办理|提供)[\u4e00-\u9fa5]{0,3}?(?:户口|户籍|落户)|可落户/g,
  /(?:欢迎|接受|不歧视)(?:乙肝|乙型肝炎|hbsag|传染病病原)|(?:乙肝|乙型肝炎)(?:病毒)?携带者(?:可|亦可|也可|均可|欢迎)/g,
  /(?<!不)(?:欢迎|接受|适合|招收|招聘|优先|安置|可招|吸纳)(?:肢体|听力|视力|言语)?(?:残疾|残障|障碍)|(?<![无非没有])(?:残疾|残障)(?:人士|人员|人|者|朋友)?(?:优先|可|亦可|也可|均可|欢迎|友好|适用|岗位|就业)|不歧视残疾/g,
  /(?:不招|严禁|禁止|不使用|拒绝|不得|杜绝|不雇佣)(?:使用|招用|雇佣)?(?:童工|未成年人)|(?:不满|未满)(?:16|十六)周?岁(?:者|的)?(?:勿扰|不招|不予录用|谢绝|除外|不录用)/g,
  /(?:年龄|年纪)(?:不限|无要求|无限制)|不限年龄|(?:\d{1,2}|[一二三四五六七八九十]{1,3})周?岁(?:及以上|以上)(?:的|者|人员)?(?:也可|亦可|均可|也欢迎|欢迎)|大龄(?:人员)?(?:也可|亦可|均可|欢迎)/g,
  /(?:身高|相貌|长相|容貌|外貌)(?:不限|无要求|无限制)|不限(?:身高|相貌|长相|容貌|外貌)/g,
];

// ---------------------------------------------------------------------------------------------

interface Hit {
  start: number;
  end: number;
  category: AdCategory;
}

function spans(text: string, pattern: RegExp): Array<[number, number, RegExpExecArray]> {
  const out: Array<[number, number, RegExpExecArray]> = [];
  const re = new RegExp(pattern.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    out.push([m.index, m.index + m[0].length, m]);
  }
  return out;
}

/**
 * The findings in a job ad, each phrase once per category, in reading order. Overlapping matches
 * of one category keep the longest ("保录取" over "保录"); different categories on one phrase are
 * all reported ("限年轻女性" is both an age limit and sex discrimination).
 */
export function screenJobAd(text: string): AdFinding[] {
  const original = String(text ?? '');
  const { text: norm, from } = normalise(original);
  if (!norm) return [];

  const opposite = AD_OPPOSITES.flatMap((p) => spans(norm, p).map(([s, e]) => [s, e] as const));
  const touchesOpposite = (s: number, e: number) => opposite.some(([os, oe]) => s < oe && os < e);

  const hits: Hit[] = [];
  for (const r of AD_RULES) {
    for (const [start, end, match] of spans(norm, r.pattern)) {
      if (r.when && !r.when(match)) continue;
      if (touchesOpposite(start, end)) continue;
      hits.push({ start, end, category: r.category });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));

  const kept: Hit[] = [];
  for (const hit of hits) {
    const covered = kept.some(
      (k) => k.category === hit.category && hit.start < k.end && k.start < hit.end,
    );
    if (!covered) kept.push(hit);
  }

  const seen = new Set<string>();
  const findings: AdFinding[] = [];
  for (const hit of kept) {
    const key = `${hit.category}:${norm.slice(hit.start, hit.end)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const phrase = original.slice(from[hit.start]![0], from[hit.end - 1]![1]);
    const law = LAW[hit.category];
    findings.push({
      phrase,
      category: hit.category,
      severity: law.severity,
      basis: law.basis,
      message: messageFor(phrase, hit.category),
    });
  }
  return findings;
}

/** Blocked: the ad cannot be saved as is. Needs review: it waits for staff before publishing. */
export function summarizeFindings(findings: readonly AdFinding[]): {
  blocked: boolean;
  needsReview: boolean;
} {
  return {
    blocked: findings.some((f) => f.severity === 'block'),
    needsReview: findings.some((f) => f.severity === 'review'),
  };
}
