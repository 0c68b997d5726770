// Every page path in one place (no leading slash: that is how app.config lists them).
export const PAGES = {
  home: 'pages/home/index',
  inspections: 'pages/inspections/index',
  hazards: 'pages/hazards/index',
  mine: 'pages/mine/index',
} as const;

export const AUTH_PAGES = {
  login: 'pages/login/index',
  privacy: 'pages/privacy/index',
} as const;

export const ORG_PAGES = {
  join: 'pages/join/index',
  directory: 'pages/directory/index',
  enterprise: 'pages/enterprise/index',
  invite: 'pages/invite/index',
  invitations: 'pages/invitations/index',
} as const;

export const ADMIN_PAGES = {
  regions: 'pages/regions/index',
  cooperativeNew: 'pages/cooperative-new/index',
  userNew: 'pages/user-new/index',
} as const;

export const INSPECT_PAGES = {
  scan: 'pages/scan/index',
  list: 'pages/list/index',
  detail: 'pages/detail/index',
  run: 'pages/run/index',
  feedback: 'pages/feedback/index',
  schedule: 'pages/schedule/index',
  checklists: 'pages/checklists/index',
} as const;

export const WORKSHOP_PAGES = {
  list: 'pages/list/index',
  edit: 'pages/edit/index',
} as const;

export const HAZARD_PAGES = {
  detail: 'pages/detail/index',
  rectify: 'pages/rectify/index',
  plan: 'pages/plan/index',
  verify: 'pages/verify/index',
  extension: 'pages/extension/index',
  ledger: 'pages/ledger/index',
} as const;

export const INBOX_PAGES = {
  inbox: 'pages/index/index',
} as const;

export const CALENDAR_PAGES = {
  list: 'pages/list/index',
  detail: 'pages/detail/index',
  code: 'pages/code/index',
  edit: 'pages/edit/index',
} as const;

export const NOTICE_PAGES = {
  list: 'pages/list/index',
  detail: 'pages/detail/index',
  acks: 'pages/acks/index',
  edit: 'pages/edit/index',
} as const;

export const EXPERT_PAGES = {
  visits: 'pages/visits/index',
  visit: 'pages/visit/index',
  schedule: 'pages/schedule/index',
  roster: 'pages/roster/index',
  register: 'pages/register/index',
} as const;

export const SETTINGS_PAGES = {
  subscriptions: 'pages/subscriptions/index',
} as const;

export const REPORT_PAGES = {
  year: 'pages/year/index',
} as const;

export const AUTH_ROOT = 'packages/auth';
export const ORG_ROOT = 'packages/org';
export const ADMIN_ROOT = 'packages/admin';
export const INSPECT_ROOT = 'packages/inspect';
export const WORKSHOPS_ROOT = 'packages/workshops';
export const HAZARD_ROOT = 'packages/hazard';
export const INBOX_ROOT = 'packages/inbox';
export const CALENDAR_ROOT = 'packages/calendar';
export const NOTICES_ROOT = 'packages/notices';
export const EXPERTS_ROOT = 'packages/experts';
export const SETTINGS_ROOT = 'packages/settings';
export const REPORT_ROOT = 'packages/report';

export const ROUTES = {
  home: `/${PAGES.home}`,
  inspections: `/${PAGES.inspections}`,
  hazards: `/${PAGES.hazards}`,
  mine: `/${PAGES.mine}`,
  login: `/${AUTH_ROOT}/${AUTH_PAGES.login}`,
  privacy: `/${AUTH_ROOT}/${AUTH_PAGES.privacy}`,
  join: `/${ORG_ROOT}/${ORG_PAGES.join}`,
  directory: `/${ORG_ROOT}/${ORG_PAGES.directory}`,
  enterprise: `/${ORG_ROOT}/${ORG_PAGES.enterprise}`,
  invite: `/${ORG_ROOT}/${ORG_PAGES.invite}`,
  invitations: `/${ORG_ROOT}/${ORG_PAGES.invitations}`,
  regions: `/${ADMIN_ROOT}/${ADMIN_PAGES.regions}`,
  cooperativeNew: `/${ADMIN_ROOT}/${ADMIN_PAGES.cooperativeNew}`,
  userNew: `/${ADMIN_ROOT}/${ADMIN_PAGES.userNew}`,
  scan: `/${INSPECT_ROOT}/${INSPECT_PAGES.scan}`,
  inspectionList: `/${INSPECT_ROOT}/${INSPECT_PAGES.list}`,
  inspection: `/${INSPECT_ROOT}/${INSPECT_PAGES.detail}`,
  inspectionRun: `/${INSPECT_ROOT}/${INSPECT_PAGES.run}`,
  inspectionFeedback: `/${INSPECT_ROOT}/${INSPECT_PAGES.feedback}`,
  inspectionSchedule: `/${INSPECT_ROOT}/${INSPECT_PAGES.schedule}`,
  checklists: `/${INSPECT_ROOT}/${INSPECT_PAGES.checklists}`,
  workshops: `/${WORKSHOPS_ROOT}/${WORKSHOP_PAGES.list}`,
  workshopEdit: `/${WORKSHOPS_ROOT}/${WORKSHOP_PAGES.edit}`,
  hazard: `/${HAZARD_ROOT}/${HAZARD_PAGES.detail}`,
  hazardRectify: `/${HAZARD_ROOT}/${HAZARD_PAGES.rectify}`,
  hazardPlan: `/${HAZARD_ROOT}/${HAZARD_PAGES.plan}`,
  hazardVerify: `/${HAZARD_ROOT}/${HAZARD_PAGES.verify}`,
  hazardExtension: `/${HAZARD_ROOT}/${HAZARD_PAGES.extension}`,
  hazardLedger: `/${HAZARD_ROOT}/${HAZARD_PAGES.ledger}`,
  inbox: `/${INBOX_ROOT}/${INBOX_PAGES.inbox}`,
  activities: `/${CALENDAR_ROOT}/${CALENDAR_PAGES.list}`,
  activity: `/${CALENDAR_ROOT}/${CALENDAR_PAGES.detail}`,
  activityCode: `/${CALENDAR_ROOT}/${CALENDAR_PAGES.code}`,
  activityEdit: `/${CALENDAR_ROOT}/${CALENDAR_PAGES.edit}`,
  notices: `/${NOTICES_ROOT}/${NOTICE_PAGES.list}`,
  notice: `/${NOTICES_ROOT}/${NOTICE_PAGES.detail}`,
  noticeAcks: `/${NOTICES_ROOT}/${NOTICE_PAGES.acks}`,
  noticeEdit: `/${NOTICES_ROOT}/${NOTICE_PAGES.edit}`,
  expertVisits: `/${EXPERTS_ROOT}/${EXPERT_PAGES.visits}`,
  expertVisit: `/${EXPERTS_ROOT}/${EXPERT_PAGES.visit}`,
  expertSchedule: `/${EXPERTS_ROOT}/${EXPERT_PAGES.schedule}`,
  expertRoster: `/${EXPERTS_ROOT}/${EXPERT_PAGES.roster}`,
  expertRegister: `/${EXPERTS_ROOT}/${EXPERT_PAGES.register}`,
  subscriptions: `/${SETTINGS_ROOT}/${SETTINGS_PAGES.subscriptions}`,
  yearStats: `/${REPORT_ROOT}/${REPORT_PAGES.year}`,
} as const;

export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.inspections, ROUTES.hazards, ROUTES.mine];

/** Builds `path?k=v&…`, skipping empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const qs = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return qs ? `${path}?${qs}` : path;
}
