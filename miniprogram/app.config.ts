import {
  ADMIN_PAGES,
  ADMIN_ROOT,
  AUTH_PAGES,
  AUTH_ROOT,
  HAZARD_PAGES,
  HAZARD_ROOT,
  INBOX_PAGES,
  INBOX_ROOT,
  INSPECT_PAGES,
  INSPECT_ROOT,
  ORG_PAGES,
  ORG_ROOT,
  PAGES,
  WORKSHOP_PAGES,
  WORKSHOPS_ROOT,
} from './routes';

export default defineAppConfig({
  pages: [PAGES.home, PAGES.inspections, PAGES.hazards, PAGES.mine],
  subPackages: [
    { root: AUTH_ROOT, pages: [AUTH_PAGES.login, AUTH_PAGES.privacy] },
    {
      root: ORG_ROOT,
      pages: [ORG_PAGES.join, ORG_PAGES.directory, ORG_PAGES.enterprise, ORG_PAGES.invite, ORG_PAGES.invitations],
    },
    { root: ADMIN_ROOT, pages: [ADMIN_PAGES.regions, ADMIN_PAGES.cooperativeNew, ADMIN_PAGES.userNew] },
    { root: INSPECT_ROOT, pages: Object.values(INSPECT_PAGES) },
    { root: WORKSHOPS_ROOT, pages: Object.values(WORKSHOP_PAGES) },
    { root: HAZARD_ROOT, pages: Object.values(HAZARD_PAGES) },
    { root: INBOX_ROOT, pages: Object.values(INBOX_PAGES) },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f6feb',
    navigationBarTitleText: '安全互助',
    navigationBarTextStyle: 'white',
    // explicit: the browser build shows its title-and-back bar only when asked
    navigationStyle: 'default',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#7a7e83',
    selectedColor: '#1f6feb',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: PAGES.home, text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-on.png' },
      { pagePath: PAGES.inspections, text: '检查', iconPath: 'assets/tab/inspect.png', selectedIconPath: 'assets/tab/inspect-on.png' },
      { pagePath: PAGES.hazards, text: '隐患', iconPath: 'assets/tab/hazard.png', selectedIconPath: 'assets/tab/hazard-on.png' },
      { pagePath: PAGES.mine, text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-on.png' },
    ],
  },
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
