/**
 * `@tarojs/taro` for jsdom: the real h5 implementation (storage, toast, events, …) from
 * `@tarojs/taro-h5`, except page navigation, which needs the h5 router and a mounted app.
 * Navigation is a platform boundary: here it resolves at once and tests observe it with
 * `jest.spyOn(Taro, 'switchTab')`.
 */
import * as h5 from '@tarojs/taro-h5';
import h5Default from '@tarojs/taro-h5';

export * from '@tarojs/taro-h5';

// What the h5 app entry does at start-up (designWidth 750, as in config/index.ts).
h5Default.initPxTransform({
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
});

type NavigateOptions = { url: string };

function navigated(options: NavigateOptions) {
  return Promise.resolve({ errMsg: 'ok', url: options.url });
}

export const navigateTo = navigated;
export const redirectTo = navigated;
export const reLaunch = navigated;
export const switchTab = navigated;
export const navigateBack = () => Promise.resolve({ errMsg: 'ok' });

// The h5 build rewrites `Taro.x` into named imports from `@tarojs/taro-h5`
// (babel-plugin-transform-taroapi), so the default object carries every named API too.
const Taro = Object.assign(
  Object.create(Object.getPrototypeOf(h5Default) as object),
  h5,
  h5Default,
  {
    navigateTo,
    redirectTo,
    reLaunch,
    switchTab,
    navigateBack,
  },
) as typeof h5Default;

export default Taro;
