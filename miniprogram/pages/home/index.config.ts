export default definePageConfig({ navigationBarTitleText: '安全互助', enablePullDownRefresh: true });
