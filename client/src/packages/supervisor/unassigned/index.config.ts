export default definePageConfig({
  navigationBarTitleText: '待分配人员',
});
