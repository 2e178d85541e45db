export default definePageConfig({
  navigationBarTitleText: '生成工作人员邀请码',
});
