/**
 * The separate consent (单独同意, PIPL 第29条) a citizen gives before typing sensitive personal
 * information. The notice is versioned: a new version needs a new consent.
 */
export const CONSENT_PURPOSE = 'registration' as const;
export const CONSENT_VERSION = '2026-11-v1';

export interface ConsentNotice {
  version: string;
  title: string;
  sections: { heading: string; body: string }[];
}

export const REGISTRATION_CONSENT: ConsentNotice = {
  version: CONSENT_VERSION,
  title: '失业登记个人信息处理告知',
  sections: [
    {
      heading: '收集什么',
      body: '姓名、身份证号、手机号、户籍与居住地、学历、工作经历；如您自愿申报，还包括残疾、低保、零就业家庭、脱贫、退役军人、返乡农民工等情况。其中身份证号、残疾和低保信息属于敏感个人信息。',
    },
    {
      heading: '为什么收集',
      body: '用于办理失业登记和失业保险金申领、认定重点群体身份，并为您匹配岗位、培训和帮扶服务。',
    },
    {
      heading: '谁能看到',
      body: '只有为您服务的包保责任人和就业服务机构的工作人员；身份证号对工作人员默认隐藏，查看完整号码会留下记录。我们不会向用人单位提供您的身份证号。',
    },
    {
      heading: '保存多久',
      body: '登记有效期间及注销后按规定保存；您可以随时查看、更正、导出自己的信息，申请注销登记，或撤回本同意（撤回后将停止处理敏感信息，您的包保责任人会看到）。',
    },
  ],
};
