export default definePageConfig({
  navigationBarTitleText: '职业培训',
});
