import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type FixMode, daysUntil, isOverdue } from '../../../shared/deadlines';
import { shanghaiDate } from '../../../shared/dates';
import type { FindingSource, HazardLevel, HazardStatus } from '../../../shared/enums';
import type { AccessScope, Principal } from '../../../shared/policy';
import type { CheckCategory } from '../../../shared/schemas/checklists';
import type { Hazard, HazardList, HazardQuery, HazardSummary, HazardSummaryQuery } from '../../../shared/schemas/hazards';
import { INSPECTION_TYPE_LABELS, type InspectionType } from '../../../shared/schemas/inspections';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { FilesService } from '../files/files.service';
import { ScopeService } from '../org/scope.service';
import type { NoticeInput } from './hazard-notice';
import { type HazardFilter, type HazardListRow, HazardSql, type LedgerRow, type Params, dateOf, instantOf } from './hazards-list.sql';

/** Rows per ledger batch: a few hundred KB of rows in memory at a time, whatever the export's size. */
export const LEDGER_BATCH = 500;

/** The inspection a notice is about (null for a hazard found outside one). */
export interface NoticeInspection {
  id: string;
  type: InspectionType;
  /** Shanghai date it took place: submitted, else scheduled. */
  date: string;
  hostName: string;
}

/**
 * The hazard lists (GET /api/hazards), per-member counts and the rows of the ledger and the notice: raw SQL
 * with its joins (one page query and one count), read access from ScopeService.hazardReadable.
 */
@Injectable()
export class HazardsListService {
  private readonly sql: HazardSql;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly files: FilesService,
  ) {
    this.sql = new HazardSql((n) => db.driver.escape(n));
  }

  /** Named parameters expanded by the driver (`:...list` too), then one plain query. */
  private async run<T>(sql: string, params: Params): Promise<T[]> {
    const [text, values] = this.db.driver.escapeQueryWithParameters(sql, params, {});
    return (await this.db.query(text, values)) as T[];
  }

  /** The caller's scope and the WHERE of a filter (access, view, filters) as of today in Shanghai. */
  private async filter(actor: Principal, f: HazardFilter): Promise<{ scope: AccessScope; where: string; params: Params; now: Date }> {
    const scope = await this.scope.of(actor);
    const now = this.clock.now();
    const [where, params] = this.sql.where(f, scope, this.scope.hazardReadable(scope, 'h', 'e'), shanghaiDate(now));
    return { scope, where, params, now };
  }

  async list(actor: Principal, q: HazardQuery): Promise<HazardList> {
    const { page, pageSize, ...f } = q;
    const { where, params, now } = await this.filter(actor, f);
    const today = shanghaiDate(now);
    // the count and the page at once: two pooled connections on MariaDB
    const [counted, rows] = await Promise.all([
      this.run<{ n: number | string }>(this.sql.count(where), params),
      this.run<HazardListRow>(this.sql.page(where, pageSize, (page - 1) * pageSize), params),
    ]);
    return { items: rows.map((r) => toHazard(r, now, today)), total: Number(counted[0]?.n ?? 0), page, pageSize };
  }

  /**
   * Per-member counts over the readable hazards, overdue first. With a cooperative: its hazards (404 if the
   * caller may not read it); without one, a coop admin gets the cooperatives they manage.
   */
  async summary(actor: Principal, q: HazardSummaryQuery): Promise<HazardSummary> {
    const { scope, where, params } = await this.filter(actor, { view: 'all', cooperativeId: q.cooperativeId });
    let sql = where;
    if (q.cooperativeId) await this.cooperativeReadable(scope, q.cooperativeId);
    else if (!scope.all && scope.managedCooperativeIds.length > 0 && scope.supervisedRegionIds.length === 0) {
      sql = `${where} AND h.${this.db.driver.escape('cooperativeId')} IN (:...sManaged)`;
      params.sManaged = scope.managedCooperativeIds;
    }
    const rows = await this.run<Record<string, string | number | null>>(this.sql.summary(sql), params);
    const n = (v: string | number | null) => Number(v ?? 0);
    return {
      items: rows.map((r) => ({
        enterpriseId: String(r.enterpriseId),
        enterpriseName: String(r.enterpriseName ?? ''),
        open: n(r.open),
        pendingVerification: n(r.pendingVerification),
        overdue: n(r.overdue),
        major: n(r.major),
        closed: n(r.closed),
      })),
    };
  }

  private async cooperativeReadable(scope: AccessScope, cooperativeId: string): Promise<void> {
    const [sql, params] = this.scope.cooperativeReadable(scope, 'c');
    const q = (n: string) => this.db.driver.escape(n);
    const rows = await this.run(`SELECT c.${q('id')} FROM ${q('cooperatives')} c WHERE c.${q('id')} = :coopId AND ${sql}`, { ...params, coopId: cooperativeId });
    if (rows.length === 0) throw AppError.notFound();
  }

  /**
   * The ledger: every matching id in list order first (their number is X-Total-Count), then the rows in
   * batches of LEDGER_BATCH, read as the consumer asks for them; `now` is the moment overdue is judged at.
   * A hazard changed during the download keeps its place and shows its new state.
   */
  async ledger(actor: Principal, f: HazardFilter): Promise<{ total: number; now: Date; batches: () => AsyncGenerator<LedgerRow[]> }> {
    const { where, params, now } = await this.filter(actor, f);
    const ids = (await this.run<{ id: string }>(this.sql.ledgerIds(where), params)).map((r) => r.id);
    const run = this.run.bind(this);
    const rowsSql = this.sql.ledgerRows();
    async function* batches(): AsyncGenerator<LedgerRow[]> {
      for (let i = 0; i < ids.length; i += LEDGER_BATCH) {
        const chunk = ids.slice(i, i + LEDGER_BATCH);
        const byId = new Map((await run<LedgerRow>(rowsSql, { ids: chunk })).map((r) => [r.id, r]));
        yield chunk.map((id) => byId.get(id)).filter((r): r is LedgerRow => r !== undefined);
      }
    }
    return { total: ids.length, now, batches };
  }

  /** Hazards for a notice, nearest deadline first: one hazard, or those an inspection found (not voided); readable ones only. */
  async noticeHazards(actor: Principal, by: { hazardId?: string; inspectionId?: string }): Promise<{ hazards: Hazard[]; now: Date }> {
    const { where, params, now } = await this.filter(actor, { view: 'all', inspectionId: by.inspectionId });
    const q = (n: string) => this.db.driver.escape(n);
    const extra = by.hazardId ? ` AND h.${q('id')} = :nHazard` : ` AND h.${q('status')} <> 'voided'`;
    const rows = await this.run<HazardListRow>(
      `SELECT ${this.sql.listColumns()} ${this.sql.from()}${this.sql.nameJoins()} WHERE ${where}${extra}` +
        ` ORDER BY h.${q('deadline')} ASC, h.${q('createdAt')} ASC, h.${q('id')} ASC LIMIT 200`,
      { ...params, nHazard: by.hazardId },
    );
    return { hazards: rows.map((r) => toHazard(r, now, shanghaiDate(now))), now };
  }

  /** The inspection behind a notice, if the caller may read it (404 otherwise). */
  async noticeInspection(actor: Principal, inspectionId: string): Promise<NoticeInspection> {
    const scope = await this.scope.of(actor);
    const [sql, params] = this.scope.inspectionReadable(scope, 'i', 'he');
    const q = (n: string) => this.db.driver.escape(n);
    const rows = await this.run<{ id: string; type: InspectionType; scheduledOn: string | Date; submittedAt: string | Date | null; hostName: string }>(
      `SELECT i.${q('id')} AS ${q('id')}, i.${q('type')} AS ${q('type')}, i.${q('scheduledOn')} AS ${q('scheduledOn')},` +
        ` i.${q('submittedAt')} AS ${q('submittedAt')}, he.${q('name')} AS ${q('hostName')}` +
        ` FROM ${q('inspections')} i INNER JOIN ${q('enterprises')} he ON he.${q('id')} = i.${q('hostEnterpriseId')}` +
        ` WHERE i.${q('id')} = :inspectionId AND ${sql}`,
      { ...params, inspectionId },
    );
    const r = rows[0];
    if (!r) throw AppError.notFound();
    return { id: r.id, type: r.type, date: r.submittedAt ? shanghaiDate(instantOf(r.submittedAt)) : dateOf(r.scheduledOn), hostName: r.hostName };
  }

  /** A hazard's inspection for its notice; null if it has none or the caller may not read it. */
  async inspectionOf(actor: Principal, h: Hazard): Promise<NoticeInspection | null> {
    if (!h.inspectionId) return null;
    return this.noticeInspection(actor, h.inspectionId).catch(() => null);
  }

  /** The inspection group's names, the leader first. */
  private async inspectorNames(inspectionId: string): Promise<string[]> {
    const q = (n: string) => this.db.driver.escape(n);
    const rows = await this.run<{ name: string }>(
      `SELECT u.${q('name')} AS ${q('name')} FROM ${q('inspection_inspectors')} ii INNER JOIN ${q('users')} u ON u.${q('id')} = ii.${q('userId')}` +
        ` WHERE ii.${q('inspectionId')} = :inspectionId` +
        ` ORDER BY CASE ii.${q('role')} WHEN 'leader' THEN 0 WHEN 'expert' THEN 1 ELSE 2 END, u.${q('name')}`,
      { inspectionId },
    );
    return rows.map((r) => r.name);
  }

  /** The bytes of before-photos the caller may see (thumbnails: ≈ 320 px is plenty at 150 pt); unreadable ones left out. */
  private async photos(actor: Principal, ids: string[]): Promise<Buffer[]> {
    const out: Buffer[] = [];
    for (const id of ids.slice(0, 9)) {
      const f = await this.files.read(actor, id, true).catch(() => this.files.read(actor, id, false).catch(() => null));
      if (f && (f.mime === 'image/jpeg' || f.mime === 'image/png')) out.push(f.data);
    }
    return out;
  }

  /** What the notice of one hazard, or of an inspection's hazards, shows (404 if the caller may not read it). */
  async notice(actor: Principal, by: { hazardId: string } | { inspectionId: string }): Promise<NoticeInput> {
    let inspection: NoticeInspection | null;
    let hazards: Hazard[];
    let now: Date;
    if ('hazardId' in by) {
      ({ hazards, now } = await this.noticeHazards(actor, { hazardId: by.hazardId }));
      if (hazards.length === 0) throw AppError.notFound();
      inspection = await this.inspectionOf(actor, hazards[0]);
    } else {
      inspection = await this.noticeInspection(actor, by.inspectionId);
      ({ hazards, now } = await this.noticeHazards(actor, { inspectionId: by.inspectionId }));
    }
    const first = hazards[0];
    const day = (inspection?.date ?? first?.foundOn ?? shanghaiDate(now)).replace(/-/g, '');
    const ref = 'hazardId' in by ? by.hazardId : by.inspectionId;
    return {
      number: `ZG-${day}-${ref.replace(/-/g, '').slice(0, 6).toUpperCase()}`,
      enterpriseName: inspection?.hostName ?? first?.enterpriseName ?? '',
      inspection: inspection ? { date: inspection.date, typeLabel: INSPECTION_TYPE_LABELS[inspection.type] ?? inspection.type } : null,
      // the round's group; a self patrol has none: whoever found them
      inspectors: [...new Set([...(inspection ? await this.inspectorNames(inspection.id) : []), ...hazards.map((h) => h.foundByName)].filter(Boolean))],
      hazards: await Promise.all(
        hazards.map(async (h) => ({
          description: h.description,
          place: h.workshopName,
          level: h.level,
          fixMode: h.fixMode,
          status: h.status,
          foundOn: h.foundOn,
          deadline: h.deadline,
          planDueOn: h.planDueOn,
          photos: await this.photos(actor, h.photoIds),
        })),
      ),
      issuedOn: shanghaiDate(now),
    };
  }
}

/** A row of the list query as hazardSchema; `today` is shanghaiDate(now), worked out once per page. */
export function toHazard(r: HazardListRow, now: Date, today: string): Hazard {
  const deadline = dateOf(r.deadline);
  const status = r.status as HazardStatus;
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName ?? '',
    cooperativeId: r.cooperativeId,
    inspectionId: r.inspectionId,
    workshopId: r.workshopId,
    workshopName: r.workshopId ? (r.workshopName ?? null) : null,
    itemId: r.itemId,
    itemCode: r.itemCode,
    category: r.category as CheckCategory,
    description: r.description,
    level: r.level as HazardLevel,
    fixMode: r.fixMode as FixMode,
    source: r.source as FindingSource,
    foundById: r.foundById,
    foundByName: r.foundByName ?? '',
    foundOn: dateOf(r.foundOn),
    deadline,
    planDueOn: r.planDueOn ? dateOf(r.planDueOn) : null,
    status,
    recurrenceOfId: r.recurrenceOfId,
    photoIds: parseIds(r.photoIds),
    closedAt: r.closedAt ? instantOf(r.closedAt).toISOString() : null,
    createdAt: instantOf(r.createdAt).toISOString(),
    overdue: isOverdue({ status, deadline }, now),
    daysLeft: daysUntil(deadline, today),
    version: Number(r.version),
  };
}

/** A simple-json id list (text on both databases; mysql2 may already have parsed a JSON column). */
function parseIds(v: string | string[] | null): string[] {
  if (v === null) return [];
  if (Array.isArray(v)) return v;
  try {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}
