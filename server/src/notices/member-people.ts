import { Brackets, type EntityManager } from 'typeorm';
import { MembershipEntity } from '../org/membership.entity';
import { RoleGrantEntity } from '../users/role-grant.entity';

export interface MemberPerson {
  userId: string;
  enterpriseId: string;
}

/**
 * The people of the active member enterprises of these cooperatives (optionally only these enterprises): the
 * `member` grants whose membership is still active. One row per person (someone working at two members is
 * counted once, with the first enterprise).
 */
export async function memberPeople(em: EntityManager, cooperativeIds: string[], enterpriseIds?: string[]): Promise<MemberPerson[]> {
  if (cooperativeIds.length === 0 || (enterpriseIds && enterpriseIds.length === 0)) return [];
  const qb = em
    .getRepository(RoleGrantEntity)
    .createQueryBuilder('g')
    .innerJoin(MembershipEntity, 'm', 'm.cooperativeId = g.cooperativeId AND m.enterpriseId = g.enterpriseId AND m.until IS NULL')
    .select(['g.userId AS userId', 'g.enterpriseId AS enterpriseId'])
    .where("g.role = 'member'")
    .andWhere(new Brackets((b) => b.where('g.cooperativeId IN (:...mpCoops)', { mpCoops: cooperativeIds })))
    .orderBy('g.userId', 'ASC')
    .addOrderBy('g.enterpriseId', 'ASC');
  if (enterpriseIds) qb.andWhere('g.enterpriseId IN (:...mpEnts)', { mpEnts: enterpriseIds });
  const rows = await qb.getRawMany<MemberPerson>();
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.userId) ? false : (seen.add(r.userId), true)));
}

/** Inserts in slices: a district's people at once would pass the databases' parameter limits. */
export async function insertInSlices<T extends object>(em: EntityManager, target: new () => T, rows: object[], size = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await em.createQueryBuilder().insert().into(target).values(rows.slice(i, i + size)).orIgnore().execute();
  }
}
