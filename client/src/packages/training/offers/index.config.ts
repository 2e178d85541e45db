export default definePageConfig({ navigationBarTitleText: '培训需求与推荐' });
