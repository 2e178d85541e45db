// The main package holds only the tab pages (and, in h5, the dev login page); every role's
// pages live in that role's subpackage so a phone downloads only what its user needs.
const isH5 = process.env.TARO_ENV === 'h5';

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/inbox/index',
    'pages/me/index',
    // h5 only: choose a demo account on the local gateway. WeChat provides the identity in weapp.
    ...(isH5 ? ['pages/login/index'] : []),
  ],
  subPackages: [
    {
      root: 'packages/seeker',
      pages: [
        'registration/index',
        'registration/form/index',
        'registration/result/index',
        'registration/mine/index',
        'jobs/index',
        'jobs/detail/index',
        'applications/index',
        'training/index',
        'training/detail/index',
        'training/bookings/index',
        'help-requests/index',
        'settings/index',
      ],
    },
    {
      root: 'packages/employer',
      pages: [
        'company/index',
        'post-job/index',
        'vacancies/index',
        'colleagues/index',
        'applications/index',
        'candidates/index',
      ],
    },
    {
      // 市场服务中心 staff and supervisors: company and vacancy review, the vacancy ledger, key
      // enterprises.
      root: 'packages/market',
      pages: ['review/index', 'ledger/index', 'enterprises/index'],
    },
    {
      // Training courses, attendance, results and certificates: 就业中心 and 职鉴中心 staff,
      // supervisors and training institutions' own accounts; caseworkers' training offers.
      root: 'packages/training',
      pages: ['courses/index', 'edit/index', 'roster/index', 'certificates/index', 'offers/index'],
    },
    {
      root: 'packages/caseworker',
      pages: ['my-seekers/index', 'person/index', 'tasks/index', 'visits-today/index'],
    },
    {
      root: 'packages/supervisor',
      pages: [
        'unassigned/index',
        'ledger/index',
        'workload/index',
        'push-stats/index',
        'service-stats/index',
      ],
    },
    {
      root: 'packages/admin',
      pages: ['invitations/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '暖心就业',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f4f1',
  },
  tabBar: {
    color: '#7a7a7a',
    selectedColor: '#c2410c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/inbox/index',
        text: '消息',
        iconPath: 'assets/tab/inbox.png',
        selectedIconPath: 'assets/tab/inbox-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  // WeChat requires declaring the location APIs a mini-program uses (the residence picker).
  ...(isH5 ? {} : { requiredPrivateInfos: ['chooseLocation'] }),
  // Startup: inject only the components a page uses (WeChat performance guidance).
  lazyCodeLoading: 'requiredComponents',
});
