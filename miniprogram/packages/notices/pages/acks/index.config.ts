export default definePageConfig({ navigationBarTitleText: '确认情况', enablePullDownRefresh: true });
