// Values of docs/api.md and docs/domain.md; both server and mini-program import these.
export const ROLES = ['member', 'coop_admin', 'expert', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  member: '成员企业',
  coop_admin: '合作社管理员',
  expert: '专家',
  supervisor: '监管人员',
  admin: '平台管理员',
};

export const REGION_LEVELS = ['district', 'town'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const HAZARD_STATUSES = ['reported', 'pending_verification', 'closed', 'voided'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_LEVELS = ['general', 'major'] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];

export const FINDING_SOURCES = ['self', 'peer', 'expert', 'supervisor'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

export const RISK_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const INDUSTRIES = [
  '危险化学品',
  '工业气体',
  '食品加工',
  '玩具制造',
  '机械加工',
  '木材加工',
  '纺织服装',
  '塑料制品',
  '金属制品',
  '建材',
  '印刷包装',
  '仓储物流',
  '其他',
] as const;
