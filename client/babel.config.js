// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
// babel-plugin-import turns `import { Button } from '@antmjs/vantui'` into per-component imports
// with their styles; without it the named imports are undefined at run time (PLATFORM-NOTES).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      { libraryName: '@antmjs/vantui', libraryDirectory: 'es', style: true },
      '@antmjs/vantui',
    ],
  ],
};
