// The TypeScript transform every jest layer uses: ts-jest, transpile only (isolatedModules; the
// type check is `npm run typecheck`), CommonJS for jest's module system.
module.exports = {
  '^.+\\.tsx?$': [
    'ts-jest',
    {
      tsconfig: {
        module: 'CommonJS',
        moduleResolution: 'Node10',
        target: 'ES2022',
        jsx: 'react-jsx',
        esModuleInterop: true,
        isolatedModules: true,
        resolveJsonModule: true,
      },
    },
  ],
};
