export default definePageConfig({
  navigationBarTitleText: '工作量',
});
