export default definePageConfig({ navigationBarTitleText: '集中反馈', enablePullDownRefresh: true });
