export default definePageConfig({
  navigationBarTitleText: '我的包保对象',
});
