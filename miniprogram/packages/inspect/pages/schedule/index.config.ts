export default definePageConfig({ navigationBarTitleText: '安排互查' });
