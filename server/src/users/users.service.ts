import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { type Grant, type Principal, canGrant } from '../../../shared/policy';
import type { CreateUserBody, Me } from '../../../shared/schemas/auth';
import { AppError } from '../common/app-error';
import { hashPassword } from '../auth/password';
import { isUniqueViolation } from '../database/db-errors';
import { grantScopeKey } from '../database/derived-keys.subscriber';
import { RoleGrantEntity } from './role-grant.entity';
import { UserEntity } from './user.entity';

export type ActorPrincipal = Principal & { name: string };

interface PrincipalRow {
  kind: 'g' | 'r';
  name: string | null;
  gid: string | null;
  role: Grant['role'] | null;
  cooperativeId: string | null;
  enterpriseId: string | null;
  regionId: string | null;
  createdAt: string | Date | null;
}

// SQLite answers datetimes as text, MySQL/MariaDB as Date: either sorts by its instant.
const time = (v: string | Date | null): number => (v instanceof Date ? v.getTime() : v ? Date.parse(v) : 0);

const toGrant = (g: Pick<RoleGrantEntity, 'role' | 'cooperativeId' | 'enterpriseId' | 'regionId'>): Grant => ({
  role: g.role,
  ...(g.cooperativeId ? { cooperativeId: g.cooperativeId } : {}),
  ...(g.enterpriseId ? { enterpriseId: g.enterpriseId } : {}),
  ...(g.regionId ? { regionId: g.regionId } : {}),
});

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(RoleGrantEntity) private readonly grants: Repository<RoleGrantEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * The caller with current roles, in one query; null when the user no longer exists. A member grant
   * counts only while its membership is active (an ended membership ends the access it gave), and each
   * region a grant names comes with every region below it, so access checks become plain SQL lists.
   */
  async loadPrincipal(userId: string): Promise<ActorPrincipal | null> {
    const q = (n: string) => this.db.driver.escape(n);
    // users/ reads org's tables here by name only: the principal is the one place roles meet memberships.
    const rows: PrincipalRow[] = await this.db.query(
      `WITH RECURSIVE sub (root, id) AS (
         SELECT g.${q('regionId')}, g.${q('regionId')} FROM ${q('role_grants')} g
          WHERE g.${q('userId')} = ? AND g.${q('regionId')} IS NOT NULL
         UNION
         SELECT sub.root, r.${q('id')} FROM ${q('regions')} r JOIN sub ON r.${q('parentId')} = sub.id
       )
       SELECT 'g' AS kind, u.${q('name')} AS name, g.${q('id')} AS gid, g.${q('role')} AS role,
              g.${q('cooperativeId')} AS cooperativeId, g.${q('enterpriseId')} AS enterpriseId,
              g.${q('regionId')} AS regionId, g.${q('createdAt')} AS createdAt
         FROM ${q('users')} u
         LEFT JOIN ${q('role_grants')} g ON g.${q('userId')} = u.${q('id')} AND (g.${q('role')} <> 'member' OR EXISTS (
           SELECT 1 FROM ${q('memberships')} m
            WHERE m.${q('cooperativeId')} = g.${q('cooperativeId')} AND m.${q('enterpriseId')} = g.${q('enterpriseId')}
              AND m.${q('until')} IS NULL))
        WHERE u.${q('id')} = ?
       UNION ALL
       SELECT 'r', NULL, NULL, NULL, NULL, sub.id, sub.root, NULL FROM sub`,
      [userId, userId],
    );
    const user = rows.find((r) => r.kind === 'g');
    if (!user) return null;
    const grants = rows
      .filter((r) => r.kind === 'g' && r.role !== null)
      .sort((a, b) => time(a.createdAt) - time(b.createdAt) || String(a.gid).localeCompare(String(b.gid)))
      .map((r) => toGrant({ ...r, role: r.role as Grant['role'] }));
    const subregions: Record<string, string[]> = {};
    for (const r of rows) {
      if (r.kind !== 'r' || !r.regionId || !r.enterpriseId) continue;
      // Region rows: root in regionId, the region below it in enterpriseId (one column list for both kinds).
      (subregions[r.regionId] ??= []).push(r.enterpriseId);
    }
    return { userId, name: String(user.name), grants, subregions };
  }

  async me(userId: string): Promise<Me> {
    const user = await this.users.findOneByOrFail({ id: userId });
    // The roles that give access now (a member grant of an ended membership is not one).
    const grants = (await this.loadPrincipal(userId))?.grants ?? [];
    return {
      id: user.id,
      name: user.name,
      username: user.username,
      hasWechat: user.openid !== null,
      // Me is only ever the caller's own record (or a desk user just created, with no phone): in full.
      phone: user.phone,
      roles: grants,
    };
  }

  /** Binds the number WeChat vouched for (replacing an earlier one). */
  async setPhone(userId: string, phone: string): Promise<void> {
    await this.users.update({ id: userId }, { phone });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username });
  }

  /** The user of a WeChat openid, created (with no roles) on first login. */
  async findOrCreateByOpenid(openid: string, unionid?: string): Promise<UserEntity> {
    const found = await this.users.findOneBy({ openid });
    if (found) return found;
    try {
      return await this.users.save(this.users.create({ openid, unionid: unionid ?? null, name: '微信用户' }));
    } catch {
      // Two first logins at once: the other one created the row.
      return this.users.findOneByOrFail({ openid });
    }
  }

  /**
   * Adds a grant unless the user already has exactly that grant. Race-safe: the unique key
   * (user, role, scope) refuses a concurrent twin, and that refusal means "already there". A refused
   * INSERT undoes only itself on both databases, so the caller's transaction carries on.
   */
  async ensureGrant(em: EntityManager, userId: string, g: Grant): Promise<void> {
    const repo = em.getRepository(RoleGrantEntity);
    const row = {
      userId,
      role: g.role,
      cooperativeId: g.cooperativeId ?? null,
      enterpriseId: g.enterpriseId ?? null,
      regionId: g.regionId ?? null,
    };
    if (await repo.existsBy({ userId, role: g.role, scopeKey: grantScopeKey(row) })) return;
    try {
      await repo.insert(row);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }

  /** Whether any user holds a member role of this enterprise. */
  enterpriseHasPeople(em: EntityManager, enterpriseId: string): Promise<boolean> {
    return em.getRepository(RoleGrantEntity).existsBy({ role: 'member', enterpriseId });
  }

  /**
   * A desk user with a password. `enterpriseInCoop` is the org check the policy needs; it is
   * resolved by the caller because users/ must not reach into org/'s tables.
   */
  async createDeskUser(
    actor: Principal,
    body: CreateUserBody,
    enterpriseInCoop: (enterpriseId: string, cooperativeId: string) => boolean,
  ): Promise<Me> {
    if (!body.roles.every((g) => canGrant(actor, g, enterpriseInCoop))) throw AppError.forbidden();
    const passwordHash = await hashPassword(body.password);
    const id = await this.db.transaction(async (em) => {
      const repo = em.getRepository(UserEntity);
      if (await repo.existsBy({ username: body.username })) {
        throw new AppError('USERNAME_TAKEN', HttpStatus.CONFLICT, { username: '用户名已被使用' });
      }
      const user = await repo.save(repo.create({ username: body.username, passwordHash, name: body.name }));
      for (const g of body.roles) await this.ensureGrant(em, user.id, g);
      return user.id;
    });
    return this.me(id);
  }
}
