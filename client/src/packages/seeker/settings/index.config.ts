export default definePageConfig({
  navigationBarTitleText: '推荐设置',
});
