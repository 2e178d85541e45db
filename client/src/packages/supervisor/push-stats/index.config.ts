export default definePageConfig({
  navigationBarTitleText: '岗位推送统计',
});
