export default definePageConfig({ navigationBarTitleText: '安排专家上门' });
