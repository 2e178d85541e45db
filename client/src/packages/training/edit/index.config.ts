export default definePageConfig({ navigationBarTitleText: '编辑培训课程' });
