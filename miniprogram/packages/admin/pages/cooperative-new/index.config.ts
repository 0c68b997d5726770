export default definePageConfig({ navigationBarTitleText: '新建合作社' });
