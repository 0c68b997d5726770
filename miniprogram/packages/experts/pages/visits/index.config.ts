export default definePageConfig({ navigationBarTitleText: '专家上门', enablePullDownRefresh: true });
