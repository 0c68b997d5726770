export default definePageConfig({ navigationBarTitleText: '新建桌面账号' });
