export default definePageConfig({
  navigationBarTitleText: '包保服务统计',
});
