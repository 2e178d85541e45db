// Component tests of client pages in jsdom. (Placeholder; the client set-up refines it.)
module.exports = {
  displayName: 'component',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'CommonJS', jsx: 'react-jsx', esModuleInterop: true, isolatedModules: true } }],
  },
};
