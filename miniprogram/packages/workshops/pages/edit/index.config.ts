export default definePageConfig({ navigationBarTitleText: '车间信息' });
