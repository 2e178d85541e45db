// The component tests run the h5 flavour of the app (fetch transport, dev login).
process.env.TARO_ENV = 'h5';

// Taro's React renderer announces the React DevTools when none is present; a disabled hook
// keeps test output clean (react-dom treats it the same way).
(globalThis as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = { isDisabled: true };

// Taro evaluates page and app configs with these identity helpers at build time.
Object.assign(globalThis, {
  defineAppConfig: <T>(config: T) => config,
  definePageConfig: <T>(config: T) => config,
});
