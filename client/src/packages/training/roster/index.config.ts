export default definePageConfig({ navigationBarTitleText: '课程名单与考勤' });
