export default definePageConfig({ navigationBarTitleText: '检查表库', enablePullDownRefresh: true });
