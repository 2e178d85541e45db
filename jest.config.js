// Test layers of `npm test` (see scripts/test.mjs for the order):
//   unit      — shared/ domain, pure
//   function  — cloud functions and the local cloud through the real wx-server-sdk, plus the
//               contract harnesses (fuzz, authorization matrix) over the HTTP gateway
//   component — client pages in jsdom
//   bundle    — the deployable cloud-function folders (needs build:functions)
//   weapp     — the built weapp bundle under miniprogram-simulate / wx stand-ins (needs build:weapp)
//   e2e       — headless Chromium against the H5 build on the local gateway (needs both builds)
// Cloud functions run in UTC: so do the tests, so nothing passes only on a laptop in China.
process.env.TZ = 'UTC';

const tsTransform = require('./jest.transform.js');
// zod's per-locale subpath resolves to its ESM file under the `require` condition too; jest (CJS)
// takes the sibling .cjs build. Bundlers keep the ESM one.
const moduleNameMapper = {
  '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs',
};
const node = (displayName, roots, extra = {}) => ({
  displayName,
  testEnvironment: 'node',
  transform: tsTransform,
  moduleNameMapper,
  roots,
  testMatch: ['**/*.test.ts'],
  ...extra,
});

module.exports = {
  moduleNameMapper,
  projects: [
    node('unit', ['<rootDir>/shared']),
    node('function', ['<rootDir>/cloudfunctions', '<rootDir>/local'], {
      setupFilesAfterEnv: ['<rootDir>/cloudfunctions/test/setup.ts'],
    }),
    require('./client/jest.component.js'),
    node('bundle', ['<rootDir>/cloudfunctions/test/bundle'], { testMatch: ['**/*.bundle.ts'] }),
    node('weapp', ['<rootDir>/client/test/weapp']),
    node('e2e', ['<rootDir>/e2e'], {
      testMatch: ['**/*.e2e.ts'],
      setupFilesAfterEnv: ['<rootDir>/e2e/setup.ts'],
    }),
  ],
};
