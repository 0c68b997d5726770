export default definePageConfig({ navigationBarTitleText: '待我验收', enablePullDownRefresh: true });
