import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';
import { type AccessScope, type Principal, accessScope } from '../../../shared/policy';

// SQL text both databases read alike; identifiers go through the driver's quoting (`until` is a
// keyword on MySQL).
type Params = Record<string, unknown>;

/**
 * The shared policy (shared/policy.ts) as query conditions: which cooperatives and enterprises a
 * principal may read, edit or manage, tested in bulk by the database. Every list and every "may this
 * person see these ids" question goes through here; test/api/access-scope.test.ts proves it agrees
 * with the policy's can… functions on random worlds.
 */
@Injectable()
export class ScopeService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private q(name: string): string {
    return this.db.driver.escape(name);
  }

  /** The principal's scope; region grants are expanded by the principal loader, or here if missing. */
  async of(p: Principal, em: EntityManager = this.db.manager): Promise<AccessScope> {
    const regionIds = [...new Set(p.grants.map((g) => g.regionId).filter((r): r is string => !!r))];
    const missing = regionIds.filter((r) => !p.subregions?.[r]);
    if (missing.length === 0) return accessScope(p);
    return accessScope(p, { ...p.subregions, ...(await this.subregions(missing, em)) });
  }

  /** Each given region → itself and every region below it (one recursive query). */
  async subregions(regionIds: string[], em: EntityManager = this.db.manager): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = Object.fromEntries(regionIds.map((r) => [r, [r]]));
    if (regionIds.length === 0) return out;
    const q = (n: string) => this.q(n);
    const marks = regionIds.map(() => '?').join(', ');
    // inside a transaction, on its connection (docs/operations.md: one connection per transaction)
    const rows: { root: string; id: string }[] = await em.query(
      `WITH RECURSIVE sub (root, id) AS (
         SELECT r.${q('id')}, r.${q('id')} FROM ${q('regions')} r WHERE r.${q('id')} IN (${marks})
         UNION
         SELECT sub.root, r.${q('id')} FROM ${q('regions')} r JOIN sub ON r.${q('parentId')} = sub.id
       ) SELECT root, id FROM sub`,
      regionIds,
    );
    for (const row of rows) if (row.id !== row.root) out[row.root].push(row.id);
    return out;
  }

  /** A region and all its ancestors (for rules about where a new record goes); null if unknown. */
  async regionChain(regionId: string, em: EntityManager = this.db.manager): Promise<string[] | null> {
    const q = (n: string) => this.q(n);
    // inside a transaction, on its connection: a second pool connection per caller can starve the pool
    const rows: { id: string; depth: number | string }[] = await em.query(
      `WITH RECURSIVE up (id, parentId, depth) AS (
         SELECT r.${q('id')}, r.${q('parentId')}, 0 FROM ${q('regions')} r WHERE r.${q('id')} = ?
         UNION
         SELECT r.${q('id')}, r.${q('parentId')}, up.depth + 1 FROM ${q('regions')} r JOIN up ON r.${q('id')} = up.parentId
         WHERE up.depth < 50
       ) SELECT id, depth FROM up`,
      [regionId],
    );
    if (rows.length === 0) return null;
    return rows.sort((a, b) => Number(a.depth) - Number(b.depth)).map((r) => r.id);
  }

  /** SQL: the cooperative row `alias` is readable (canReadCooperative). */
  cooperativeReadable(scope: AccessScope, alias: string): [string, Params] {
    if (scope.all || scope.allCooperatives) return ['1 = 1', {}];
    const params: Params = {};
    const parts = [
      this.inList(`${alias}.${this.q('id')}`, scope.cooperativeIds, 'scCoops', params),
      this.inList(`${alias}.${this.q('regionId')}`, scope.readRegionIds, 'scReadRegions', params),
    ].filter((x): x is string => x !== null);
    return [parts.length ? `(${parts.join(' OR ')})` : '1 = 0', params];
  }

  /** SQL: the cooperative id expression `idSql` is one the caller manages (canManageCooperative). */
  cooperativeManaged(scope: AccessScope, idSql: string): [string, Params] {
    if (scope.all) return ['1 = 1', {}];
    const params: Params = {};
    return [this.inList(idSql, scope.managedCooperativeIds, 'scManaged', params) ?? '1 = 0', params];
  }

  /** SQL: the full record of enterprise row `alias` is readable (canReadEnterprise) or editable. */
  enterpriseAllowed(scope: AccessScope, alias: string, mode: 'read' | 'edit'): [string, Params] {
    if (scope.all) return ['1 = 1', {}];
    const q = (n: string) => this.q(n);
    const params: Params = {};
    const eid = `${alias}.${q('id')}`;
    const active = (m: string) => `${m}.${q('enterpriseId')} = ${eid} AND ${m}.${q('until')} IS NULL`;
    const parts: (string | null)[] = [this.inList(eid, scope.enterpriseIds, 'scEnts', params)];
    const managed = this.inList(`sm1.${q('cooperativeId')}`, scope.managedCooperativeIds, 'scManagedE', params);
    if (managed) parts.push(`EXISTS (SELECT 1 FROM ${q('memberships')} sm1 WHERE ${active('sm1')} AND ${managed})`);
    if (mode === 'read' && scope.supervisedRegionIds.length > 0) {
      parts.push(this.inList(`${alias}.${q('regionId')}`, scope.supervisedRegionIds, 'scSup', params));
      parts.push(
        `EXISTS (SELECT 1 FROM ${q('memberships')} sm2 JOIN ${q('cooperatives')} sc2 ON sc2.${q('id')} = sm2.${q('cooperativeId')}` +
          ` WHERE ${active('sm2')} AND sc2.${q('regionId')} IN (:...scSup))`,
      );
    }
    const sql = parts.filter((x): x is string => x !== null);
    return [sql.length ? `(${sql.join(' OR ')})` : '1 = 0', params];
  }

  /**
   * SQL: a directory row (enterprise `e` through its active membership of cooperative `c`) shows the
   * private fields: canReadEnterprise judged through that one cooperative.
   */
  directoryFull(scope: AccessScope, e: string, c: string): [string, Params] {
    if (scope.all) return ['1 = 1', {}];
    const params: Params = {};
    const parts = [
      this.inList(`${e}.${this.q('id')}`, scope.enterpriseIds, 'sdEnts', params),
      this.inList(`${c}.${this.q('id')}`, scope.managedCooperativeIds, 'sdManaged', params),
      this.inList(`${c}.${this.q('regionId')}`, scope.supervisedRegionIds, 'sdSup', params),
    ].filter((x): x is string => x !== null);
    return [parts.length ? `(${parts.join(' OR ')})` : '1 = 0', params];
  }

  /**
   * SQL: inspection row `alias` (host enterprise row `host`) is readable (canReadInspection): the host's
   * full record is readable, or the caller is in the inspection's group.
   */
  inspectionReadable(scope: AccessScope, alias: string, host: string): [string, Params] {
    if (scope.all) return ['1 = 1', {}];
    const q = (n: string) => this.q(n);
    const [hostSql, params] = this.enterpriseAllowed(scope, host, 'read');
    const assigned =
      `EXISTS (SELECT 1 FROM ${q('inspection_inspectors')} sii WHERE sii.${q('inspectionId')} = ${alias}.${q('id')}` +
      ` AND sii.${q('userId')} = :scUser)`;
    return [`(${hostSql} OR ${assigned})`, { ...params, scUser: scope.userId }];
  }

  /**
   * SQL: hazard row `alias` (its enterprise row `ent`) is readable: the enterprise's full record is, or
   * the caller is assigned to the inspection that found it or carried it forward (回头看).
   */
  hazardReadable(scope: AccessScope, alias: string, ent: string): [string, Params] {
    if (scope.all) return ['1 = 1', {}];
    const q = (n: string) => this.q(n);
    const [entSql, params] = this.enterpriseAllowed(scope, ent, 'read');
    const found =
      `EXISTS (SELECT 1 FROM ${q('inspection_inspectors')} shi WHERE shi.${q('inspectionId')} = ${alias}.${q('inspectionId')}` +
      ` AND shi.${q('userId')} = :scUser)`;
    const carried =
      `EXISTS (SELECT 1 FROM ${q('inspection_carried')} shc JOIN ${q('inspection_inspectors')} shj` +
      ` ON shj.${q('inspectionId')} = shc.${q('inspectionId')} WHERE shc.${q('hazardId')} = ${alias}.${q('id')} AND shj.${q('userId')} = :scUser)`;
    return [`(${entSql} OR ${found} OR ${carried})`, { ...params, scUser: scope.userId }];
  }

  /** Adds a condition from one of the builders above to a query. */
  where<T extends ObjectLiteral>(qb: SelectQueryBuilder<T> | WhereExpressionBuilder, [sql, params]: [string, Params]): void {
    qb.andWhere(new Brackets((b) => b.where(sql, params)));
  }

  private inList(col: string, ids: string[], name: string, params: Params): string | null {
    if (ids.length === 0) return null;
    params[name] = ids;
    return `${col} IN (:...${name})`;
  }
}
