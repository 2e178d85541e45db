import path from 'node:path';

import { defineConfig, type UserConfigExport } from '@tarojs/cli';

import devConfig from './dev';
import prodConfig from './prod';

// The workspace package `@nuanxin/shared` ships TypeScript source; Taro only compiles `src/` and
// Taro's own packages unless told otherwise, so its real path (npm links it) is listed here.
const sharedSource = path.resolve(__dirname, '..', '..', 'shared', 'src');

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'nuanxin-jiuye',
    date: '2025-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: {
      // The weapp's identity and cloud environment come from WeChat; this only names the
      // CloudBase environment passed to `Taro.cloud.init`. Set NUANXIN_CLOUD_ENV when building.
      CLOUD_ENV: JSON.stringify(process.env.NUANXIN_CLOUD_ENV || 'nuanxin-prod'),
      // Subscription template ids the client asks consent for: the same deployment variables the
      // cloud functions read (README: 订阅消息模板); unset → the local ids.
      TEMPLATE_REGISTRATION_RESULT: JSON.stringify(
        process.env.NUANXIN_TEMPLATE_REGISTRATION_RESULT || 'local-registrationResult',
      ),
      TEMPLATE_JOB_RECOMMENDATION: JSON.stringify(
        process.env.NUANXIN_TEMPLATE_JOB_RECOMMENDATION || 'local-jobRecommendation',
      ),
      TEMPLATE_APPLICATION_STATUS: JSON.stringify(
        process.env.NUANXIN_TEMPLATE_APPLICATION_STATUS || 'local-applicationStatus',
      ),
      TEMPLATE_NEW_APPLICATION: JSON.stringify(
        process.env.NUANXIN_TEMPLATE_NEW_APPLICATION || 'local-newApplication',
      ),
      TEMPLATE_REQUEST_REPLY: JSON.stringify(
        process.env.NUANXIN_TEMPLATE_REQUEST_REPLY || 'local-requestReply',
      ),
      TEMPLATE_FOLLOW_UP_REMINDER: JSON.stringify(
        process.env.NUANXIN_TEMPLATE_FOLLOW_UP_REMINDER || 'local-followUpReminder',
      ),
      TEMPLATE_REQUEST_ALERT: JSON.stringify(
        process.env.NUANXIN_TEMPLATE_REQUEST_ALERT || 'local-requestAlert',
      ),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSource] },
      // vantui's per-component CSS is imported in different orders by different pages; the
      // rules do not overlap, so the order warning is noise.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      esnextModules: ['@antmjs/vantui'],
      compile: { include: [sharedSource] },
      webpackChain(chain) {
        // Taro splits only initial chunks, so every lazily loaded page would carry its own copy
        // of vantui and the shared code; splitting async chunks too lets pages share them.
        const splitChunks = chain.optimization.get('splitChunks') as Record<string, unknown>;
        chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
      },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
