export default definePageConfig({ navigationBarTitleText: '治理方案（五定）' });
