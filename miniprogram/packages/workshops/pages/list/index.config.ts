export default definePageConfig({ navigationBarTitleText: '车间与风险点', enablePullDownRefresh: true });
