export default definePageConfig({
  navigationBarTitleText: '岗位需求台账',
});
