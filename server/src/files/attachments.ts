import { Brackets, type DataSource } from 'typeorm';
import type { Principal } from '../../../shared/policy';
import type { ScopeService } from '../org/scope.service';
import { StoredFileEntity } from './stored-file.entity';

/**
 * Whether a file is attached (in a `photoIds` list) to a record the caller may read: a hazard or one of
 * its events (readable as the hazard), or an inspection's result, finding or 回头看 mark (readable as the
 * inspection). One query; the read rules are ScopeService's, the same ones the hazard and inspection
 * routes use. The lists are JSON text, so the id is matched as a quoted JSON string.
 */
export async function attachedAndReadable(db: DataSource, scopes: ScopeService, actor: Principal, fileId: string): Promise<boolean> {
  const scope = await scopes.of(actor);
  const q = (n: string) => db.driver.escape(n);
  const like = (alias: string) => `${alias}.${q('photoIds')} LIKE :filePattern`;
  const [hazardSql, hazardParams] = scopes.hazardReadable(scope, 'ah', 'ae');
  const [inspSql, inspParams] = scopes.inspectionReadable(scope, 'ai', 'aie');
  const hazardJoin = `JOIN ${q('enterprises')} ae ON ae.${q('id')} = ah.${q('enterpriseId')}`;
  const inspJoin = `JOIN ${q('enterprises')} aie ON aie.${q('id')} = ai.${q('hostEnterpriseId')}`;
  const viaInspection = (table: string) =>
    `EXISTS (SELECT 1 FROM ${q(table)} ax JOIN ${q('inspections')} ai ON ai.${q('id')} = ax.${q('inspectionId')} ${inspJoin}` +
    ` WHERE ${like('ax')} AND ${inspSql})`;
  const parts = [
    `EXISTS (SELECT 1 FROM ${q('hazards')} ah ${hazardJoin} WHERE ${like('ah')} AND ${hazardSql})`,
    `EXISTS (SELECT 1 FROM ${q('hazard_events')} hev JOIN ${q('hazards')} ah ON ah.${q('id')} = hev.${q('hazardId')} ${hazardJoin}` +
      ` WHERE ${like('hev')} AND ${hazardSql})`,
    viaInspection('inspection_results'),
    viaInspection('inspection_findings'),
    viaInspection('inspection_carried'),
  ];
  const row = await db
    .getRepository(StoredFileEntity)
    .createQueryBuilder('f')
    .select('f.id', 'id')
    .where('f.id = :fileId', { fileId })
    .andWhere(new Brackets((b) => b.where(parts.join(' OR '), { ...hazardParams, ...inspParams, filePattern: `%"${fileId}"%` })))
    .getRawOne<{ id: string }>();
  return !!row;
}

/**
 * The host enterprise of an inspection the caller may read (its group included, who may not read the
 * host's full record), for stamping and checking a photo uploaded with `inspectionId`; null otherwise.
 */
export async function inspectionHost(
  db: DataSource,
  scopes: ScopeService,
  actor: Principal,
  inspectionId: string,
): Promise<{ enterpriseId: string; enterpriseName: string } | null> {
  const scope = await scopes.of(actor);
  const q = (n: string) => db.driver.escape(n);
  const [inspSql, inspParams] = scopes.inspectionReadable(scope, 'ai', 'aie');
  const rows: { enterpriseId: string; enterpriseName: string }[] = await db
    .createQueryBuilder()
    .select(`aie.${q('id')}`, 'enterpriseId')
    .addSelect(`aie.${q('name')}`, 'enterpriseName')
    .from('inspections', 'ai')
    .innerJoin('enterprises', 'aie', `aie.${q('id')} = ai.${q('hostEnterpriseId')}`)
    .where(`ai.${q('id')} = :inspectionId`, { inspectionId })
    .andWhere(new Brackets((b) => b.where(inspSql, inspParams)))
    .getRawMany();
  return rows[0] ?? null;
}
