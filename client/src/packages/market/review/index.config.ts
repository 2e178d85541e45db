export default definePageConfig({
  navigationBarTitleText: '企业与岗位审核',
});
