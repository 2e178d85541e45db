export default definePageConfig({
  navigationBarTitleText: '填写失业登记',
});
