export default definePageConfig({ navigationBarTitleText: '新建活动' });
