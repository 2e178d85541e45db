export default definePageConfig({
  navigationBarTitleText: '统计台账',
});
