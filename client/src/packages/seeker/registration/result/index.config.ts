export default definePageConfig({
  navigationBarTitleText: '登记结果',
});
