// Component tests of client pages in jsdom (Testing Library), following PLATFORM-NOTES:
// `@tarojs/components` → its React build, `@tarojs/taro` → a small shim over `@tarojs/taro-h5`,
// Taro's build-time globals defined, and Taro's ESM dependencies transformed.
const path = require('node:path');

const ESM_PACKAGES = [
  '@tarojs',
  '@stencil',
  'swiper',
  'tslib',
  'query-string',
  'lodash-es',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'is-mobile',
  'nanoid',
  'zod',
];

module.exports = {
  displayName: 'component',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test/component'],
  testMatch: ['**/*.test.tsx', '**/*.test.ts'],
  setupFiles: ['<rootDir>/test/component/setup.ts'],
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_MUTATION_OBSERVER: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    __TARO_FRAMEWORK__: 'react',
    CLOUD_ENV: 'nuanxin-test',
    TEMPLATE_REGISTRATION_RESULT: 'local-registrationResult',
    TEMPLATE_JOB_RECOMMENDATION: 'local-jobRecommendation',
    TEMPLATE_APPLICATION_STATUS: 'local-applicationStatus',
    TEMPLATE_NEW_APPLICATION: 'local-newApplication',
    TEMPLATE_REQUEST_REPLY: 'local-requestReply',
    TEMPLATE_FOLLOW_UP_REMINDER: 'local-followUpReminder',
    TEMPLATE_REQUEST_ALERT: 'local-requestAlert',
  },
  moduleNameMapper: {
    '^@tarojs/components$': path.join(
      path.dirname(require.resolve('@tarojs/components/package.json')),
      'lib/react/index.js',
    ),
    '^@tarojs/taro$': '<rootDir>/test/component/taroShim.ts',
    '^@antmjs/vantui$': '<rootDir>/test/component/vantui.js',
    '\\.(css|less)$': '<rootDir>/test/component/styleStub.js',
    '\\.(png|jpg|svg)$': '<rootDir>/test/component/styleStub.js',
  },
  transform: {
    ...require('../jest.transform.js'),
    '^.+\\.m?js$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        plugins: ['@babel/plugin-transform-modules-commonjs'],
      },
    ],
  },
  // Skip node_modules except files inside the allow-listed packages (which also covers the
  // pnpm-style copies nested inside @tarojs/components and @tarojs/taro-h5).
  transformIgnorePatterns: [`^(?!.*/node_modules/(${ESM_PACKAGES.join('|')})/).*/node_modules/`],
};
