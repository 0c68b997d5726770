export default definePageConfig({ navigationBarTitleText: '隐患', enablePullDownRefresh: true });
