/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.less';
declare module '*.css';

/** CloudBase environment id, from NUANXIN_CLOUD_ENV at build time (config/index.ts). */
declare const CLOUD_ENV: string;
/** Subscription template id of 登记结果, from NUANXIN_TEMPLATE_REGISTRATION_RESULT at build time. */
declare const TEMPLATE_REGISTRATION_RESULT: string;
/** Subscription template id of 岗位推荐, from NUANXIN_TEMPLATE_JOB_RECOMMENDATION at build time. */
declare const TEMPLATE_JOB_RECOMMENDATION: string;
/** 求职进度通知, from NUANXIN_TEMPLATE_APPLICATION_STATUS at build time. */
declare const TEMPLATE_APPLICATION_STATUS: string;
/** 新的求职申请 (to the employer), from NUANXIN_TEMPLATE_NEW_APPLICATION at build time. */
declare const TEMPLATE_NEW_APPLICATION: string;
/** 求助答复通知 (to the citizen), from NUANXIN_TEMPLATE_REQUEST_REPLY at build time. */
declare const TEMPLATE_REQUEST_REPLY: string;
/** 回访提醒 (the caseworker's daily reminder), from NUANXIN_TEMPLATE_FOLLOW_UP_REMINDER at build time. */
declare const TEMPLATE_FOLLOW_UP_REMINDER: string;
/** 工单提醒 (new or overdue requests, to staff), from NUANXIN_TEMPLATE_REQUEST_ALERT at build time. */
declare const TEMPLATE_REQUEST_ALERT: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5';
  }
}
