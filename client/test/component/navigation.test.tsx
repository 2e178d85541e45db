/**
 * The app's map: main package = tab pages (+ the h5 login page), every home entry leads to a
 * page registered in its role's subpackage, and each placeholder page says honestly that it is
 * being built.
 */
import { render } from '@testing-library/react';
import type { ComponentType } from 'react';

import { ROLES } from '@nuanxin/shared';

import { MARKET_ENTRIES, ROLE_ENTRIES } from '../../src/constants/roleEntries';

interface AppConfig {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
  tabBar: { list: { pagePath: string; text: string }[] };
  lazyCodeLoading?: string;
  usingComponents?: unknown;
}

function loadAppConfig(platform: 'h5' | 'weapp'): AppConfig {
  const previous = process.env.TARO_ENV;
  process.env.TARO_ENV = platform;
  try {
    let config: AppConfig | undefined;
    jest.isolateModules(() => {
      // A fresh evaluation per platform: app.config reads TARO_ENV when it is evaluated.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = (require('../../src/app.config') as { default: AppConfig }).default;
    });
    return config!;
  } finally {
    process.env.TARO_ENV = previous;
  }
}

const entries = [
  ...ROLES.flatMap((role) => ROLE_ENTRIES[role].map((entry) => ({ role, ...entry }))),
  ...MARKET_ENTRIES.map((entry) => ({ role: 'market', ...entry })),
];

it.each(['h5', 'weapp'] as const)(
  '%s: main package holds the tab pages (and the login page only in h5)',
  (platform) => {
    const config = loadAppConfig(platform);
    const tabs = ['pages/home/index', 'pages/inbox/index', 'pages/me/index'];
    expect(config.pages).toEqual(platform === 'h5' ? [...tabs, 'pages/login/index'] : tabs);
    expect(config.tabBar.list.map((t) => [t.pagePath, t.text])).toEqual([
      ['pages/home/index', '首页'],
      ['pages/inbox/index', '消息'],
      ['pages/me/index', '我的'],
    ]);
    expect(config.lazyCodeLoading).toBe('requiredComponents');
    expect(config.usingComponents).toBeUndefined();
  },
);

it.each(entries)('$role entry $title is a registered page of its subpackage', (entry) => {
  const config = loadAppConfig('weapp');
  const registered = config.subPackages.flatMap((p) => p.pages.map((page) => `/${p.root}/${page}`));
  expect(registered).toContain(entry.url);
});

/** Entries whose pages are built (each has its own component tests); the rest are placeholders. */
const BUILT = new Set([
  'invitations',
  'registration',
  'my-seekers',
  'tasks',
  'visits-today',
  'help-requests',
  'workload',
  'push-stats',
  'service-stats',
  'unassigned',
  'company',
  'post-job',
  'vacancies',
  'colleagues',
  'vacancy-review',
  'vacancy-ledger',
  'key-enterprises',
  'company-onboarding',
  'jobs',
  'applications',
  'training',
  'training-courses',
  'training-offers',
]);
const placeholders = entries.filter((entry) => !BUILT.has(entry.key));

it.each(placeholders)('$title placeholder is honest about being under construction', (entry) => {
  // The page module named by the entry's URL, exactly as the router would resolve it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Page = (require(`../../src${entry.url}`) as { default: ComponentType }).default;
  const { container } = render(<Page />);
  expect(container.querySelector('#feature-title')?.textContent).toBe(entry.title);
  expect(container.querySelector('#feature-status')?.textContent).toBe('该功能正在建设中');
});
