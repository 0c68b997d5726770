export default definePageConfig({ navigationBarTitleText: '加入合作社' });
