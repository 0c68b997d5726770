// The SQL of the hazard lists, the per-member counts and the ledger: one WHERE builder for all three, so a
// filter means the same rows on the screen and in the Excel file. Plain SQL text both databases read alike;
// identifiers go through the driver's quoting and values are named parameters (`:name`, `:...list`).
import type { AccessScope } from '../../../shared/policy';
import type { HazardQuery } from '../../../shared/schemas/hazards';

export type Params = Record<string, unknown>;
export type HazardFilter = Omit<HazardQuery, 'page' | 'pageSize'>;

/** reported and pending_verification, as SQL literals (fixed values, no parameters needed). */
const OPEN = `('reported', 'pending_verification')`;

/** One row of the list query, as both drivers hand it back (dates may be Date objects or text). */
export interface HazardListRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  cooperativeId: string | null;
  inspectionId: string | null;
  workshopId: string | null;
  workshopName: string | null;
  itemId: string | null;
  itemCode: string | null;
  category: string;
  description: string;
  level: string;
  fixMode: string;
  source: string;
  foundById: string;
  foundByName: string | null;
  foundOn: string | Date;
  deadline: string | Date;
  planDueOn: string | Date | null;
  status: string;
  recurrenceOfId: string | null;
  photoIds: string;
  closedAt: string | Date | null;
  createdAt: string | Date;
  version: number | string;
}

/** The ledger's extra columns (the plan, the latest fix, the verifier). */
export interface LedgerRow extends HazardListRow {
  rectMeasures: string | null;
  rectCostFen: number | string | null;
  rectResponsible: string | null;
  rectCompletedOn: string | Date | null;
  planMeasures: string | null;
  planFundsFen: number | string | null;
  planResponsible: string | null;
  verifierName: string | null;
  verifiedAt: string | Date | null;
}

/** YYYY-MM-DD from a DATE value (mysql2 gives a Date at UTC midnight, SQLite the text). */
export function dateOf(v: string | Date): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}

/** An instant from a DATETIME value (mysql2: a Date in UTC; SQLite: `YYYY-MM-DD HH:MM:SS.SSS` in UTC). */
export function instantOf(v: string | Date): Date {
  if (v instanceof Date) return v;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);
}

export class HazardSql {
  constructor(private readonly q: (name: string) => string) {}

  private c(alias: string, name: string): string {
    return `${alias}.${this.q(name)}`;
  }

  /** 0 for an open hazard, 1 for a finished one. */
  openRank(): string {
    return `CASE WHEN ${this.c('h', 'status')} IN ${OPEN} THEN 0 ELSE 1 END`;
  }

  /** 0 for an overdue one (open, deadline before today in Shanghai), else 1. */
  lateRank(): string {
    return `CASE WHEN ${this.overdue()} THEN 0 ELSE 1 END`;
  }

  /** Open and the deadline day has passed (shared/deadlines.ts isOverdue); `:today` is Shanghai's date. */
  overdue(): string {
    return `(${this.c('h', 'status')} IN ${OPEN} AND ${this.c('h', 'deadline')} < :today)`;
  }

  /** hazards h joined with their enterprise e (the access rule reads e). */
  from(): string {
    return `FROM ${this.q('hazards')} h INNER JOIN ${this.q('enterprises')} e ON e.${this.q('id')} = ${this.c('h', 'enterpriseId')}`;
  }

  /**
   * The WHERE of every hazard list: the caller's read access (ScopeService.hazardReadable), the view and the
   * filters. `today` is the Shanghai date overdue is judged by.
   */
  where(f: HazardFilter, scope: AccessScope, access: [string, Params], today: string): [string, Params] {
    const h = (n: string) => this.c('h', n);
    const parts = [access[0]];
    const params: Params = { ...access[1], today };
    const eq = (col: string, name: string, value: string | undefined) => {
      if (value === undefined) return;
      parts.push(`${h(col)} = :${name}`);
      params[name] = value;
    };
    eq('enterpriseId', 'fEnterprise', f.enterpriseId);
    eq('cooperativeId', 'fCoop', f.cooperativeId);
    eq('inspectionId', 'fInspection', f.inspectionId);
    eq('status', 'fStatus', f.status);
    eq('level', 'fLevel', f.level);
    eq('source', 'fSource', f.source);
    if (f.overdue === 'true') parts.push(this.overdue());
    if (f.overdue === 'false') parts.push(`NOT ${this.overdue()}`);
    if (f.from) {
      parts.push(`${h('foundOn')} >= :fFrom`);
      params.fFrom = f.from;
    }
    if (f.to) {
      parts.push(`${h('foundOn')} <= :fTo`);
      params.fTo = f.to;
    }
    if (f.view === 'open') {
      parts.push(`${h('status')} IN ${OPEN}`);
      // "本企业待办": a member's own enterprises, not the hazards of rounds they inspected elsewhere
      if (scope.enterpriseIds.length > 0 && !scope.all) {
        parts.push(`${h('enterpriseId')} IN (:...vOwn)`);
        params.vOwn = scope.enterpriseIds;
      }
    }
    if (f.view === 'attention') parts.push(`${h('status')} IN ${OPEN} AND (${h('level')} = 'major' OR ${h('deadline')} < :today)`);
    if (f.view === 'to_verify') {
      parts.push(`${h('status')} = 'pending_verification'`);
      if (!scope.all) parts.push(this.mayVerify(scope, params));
    }
    return [parts.map((p) => `(${p})`).join(' AND '), params];
  }

  /**
   * shared/hazard-lifecycle.ts mayVerify in SQL, with the relations HazardPeople.relations works out: never
   * the hazard's own enterprise, except a self-found general hazard; otherwise its finder, a leader or
   * expert of the round that found it or carried it forward, or the admin of its cooperative.
   */
  private mayVerify(scope: AccessScope, params: Params): string {
    const h = (n: string) => this.c('h', n);
    const q = (n: string) => this.q(n);
    params.vMe = scope.userId;
    const group = (alias: string) => `${alias}.${q('userId')} = :vMe AND ${alias}.${q('role')} IN ('leader', 'expert')`;
    const outside = [
      `${h('foundById')} = :vMe`,
      `EXISTS (SELECT 1 FROM ${q('inspection_inspectors')} vi WHERE vi.${q('inspectionId')} = ${h('inspectionId')} AND ${group('vi')})`,
      `EXISTS (SELECT 1 FROM ${q('inspection_carried')} vc INNER JOIN ${q('inspection_inspectors')} vj ON vj.${q('inspectionId')} = vc.${q('inspectionId')}` +
        ` WHERE vc.${q('hazardId')} = ${h('id')} AND ${group('vj')})`,
    ];
    if (scope.managedCooperativeIds.length > 0) {
      outside.push(`${h('cooperativeId')} IN (:...vManaged)`);
      params.vManaged = scope.managedCooperativeIds;
    }
    const independent = `(${outside.join(' OR ')})`;
    if (scope.enterpriseIds.length === 0) return independent;
    params.vOwnE = scope.enterpriseIds;
    return (
      `(${h('source')} = 'self' AND ${h('level')} = 'general' AND ${h('enterpriseId')} IN (:...vOwnE))` +
      ` OR (${h('enterpriseId')} NOT IN (:...vOwnE) AND ${independent})`
    );
  }

  /** The columns of a list item (hazardSchema), with enterprise, workshop and finder names. */
  listColumns(): string {
    const h = (n: string) => this.c('h', n);
    const cols = ['id', 'enterpriseId', 'cooperativeId', 'inspectionId', 'workshopId', 'itemId', 'itemCode', 'category', 'description', 'level', 'fixMode', 'source']
      .concat(['foundById', 'foundOn', 'deadline', 'planDueOn', 'status', 'recurrenceOfId', 'photoIds', 'closedAt', 'createdAt', 'version'])
      .map((n) => `${h(n)} AS ${this.q(n)}`);
    return [
      ...cols,
      `e.${this.q('name')} AS ${this.q('enterpriseName')}`,
      `w.${this.q('name')} AS ${this.q('workshopName')}`,
      `u.${this.q('name')} AS ${this.q('foundByName')}`,
    ].join(', ');
  }

  /** The workshop and finder joins of the list. */
  nameJoins(): string {
    const q = (n: string) => this.q(n);
    return (
      ` LEFT JOIN ${q('workshops')} w ON w.${q('id')} = ${this.c('h', 'workshopId')}` +
      ` LEFT JOIN ${q('users')} u ON u.${q('id')} = ${this.c('h', 'foundById')}`
    );
  }

  /** Open before finished, overdue first, nearest deadline, then id (stable pages). */
  orderBy(): string {
    return `ORDER BY ${this.q('openRank')} ASC, ${this.q('lateRank')} ASC, ${this.c('h', 'deadline')} ASC, ${this.c('h', 'id')} ASC`;
  }

  /**
   * One page of the list. The page's ids are found first on narrow rows (hazard and enterprise only: the
   * access rule and the sort), then only those rows get their names joined: sorting thousands of full rows
   * with three joins costs MariaDB twice as much. `limit` and `offset` are validated integers.
   */
  page(where: string, limit: number, offset: number): string {
    const q = (n: string) => this.q(n);
    const ids =
      `SELECT ${this.c('h', 'id')} AS ${q('id')}, ${this.c('h', 'deadline')} AS ${q('deadline')}, ${this.openRank()} AS ${q('openRank')}, ` +
      `${this.lateRank()} AS ${q('lateRank')} ${this.from()} WHERE ${where} ${this.orderBy()} LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`;
    return (
      `SELECT ${this.listColumns()} FROM (${ids}) p INNER JOIN ${q('hazards')} h ON ${this.c('h', 'id')} = p.${q('id')}` +
      ` INNER JOIN ${q('enterprises')} e ON e.${q('id')} = ${this.c('h', 'enterpriseId')}${this.nameJoins()}` +
      ` ORDER BY p.${q('openRank')} ASC, p.${q('lateRank')} ASC, p.${q('deadline')} ASC, p.${q('id')} ASC`
    );
  }

  count(where: string): string {
    return `SELECT COUNT(*) AS ${this.q('n')} ${this.from()} WHERE ${where}`;
  }

  /** Per-member counts (hazardSummaryRowSchema) over the rows of `where`, overdue first. */
  summary(where: string): string {
    const h = (n: string) => this.c('h', n);
    const sum = (cond: string, as: string) => `SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END) AS ${this.q(as)}`;
    return (
      `SELECT ${h('enterpriseId')} AS ${this.q('enterpriseId')}, MAX(e.${this.q('name')}) AS ${this.q('enterpriseName')}, ` +
      [
        sum(`${h('status')} IN ${OPEN}`, 'open'),
        sum(`${h('status')} = 'pending_verification'`, 'pendingVerification'),
        sum(this.overdue(), 'overdue'),
        sum(`${h('status')} IN ${OPEN} AND ${h('level')} = 'major'`, 'major'),
        sum(`${h('status')} = 'closed'`, 'closed'),
      ].join(', ') +
      ` ${this.from()} WHERE ${where} GROUP BY ${h('enterpriseId')}` +
      ` ORDER BY ${this.q('overdue')} DESC, ${this.q('open')} DESC, ${this.q('enterpriseName')} ASC, ${h('enterpriseId')} ASC`
    );
  }

  /**
   * The ledger's ids in list order: one sort over narrow rows. Batches then read their rows by id, so a
   * large ledger costs one sort rather than one per batch (keyset on the computed sort keys cannot use an
   * index: 52,000 rows took 45 s that way), and the order holds however long the download takes.
   */
  ledgerIds(where: string): string {
    return `SELECT ${this.c('h', 'id')} AS ${this.q('id')}, ${this.openRank()} AS ${this.q('openRank')}, ${this.lateRank()} AS ${this.q('lateRank')} ${this.from()} WHERE ${where} ${this.orderBy()}`;
  }

  /** The ledger rows of these ids (`:...ids`), with the plan, the fix and the verifier; the caller puts them in order. */
  ledgerRows(): string {
    const h = (n: string) => this.c('h', n);
    const q = (n: string) => this.q(n);
    const extra = ['rectMeasures', 'rectCostFen', 'rectResponsible', 'rectCompletedOn', 'planMeasures', 'planFundsFen', 'planResponsible', 'verifiedAt']
      .map((n) => `${h(n)} AS ${q(n)}`)
      .join(', ');
    return (
      `SELECT ${this.listColumns()}, ${extra}, v.${q('name')} AS ${q('verifierName')} ${this.from()}${this.nameJoins()}` +
      ` LEFT JOIN ${q('users')} v ON v.${q('id')} = ${h('verifiedById')} WHERE ${h('id')} IN (:...ids)`
    );
  }

}
