export default definePageConfig({
  navigationBarTitleText: '重点企业服务',
});
