export default definePageConfig({
  navigationBarTitleText: '应聘管理',
});
