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

const toGrant = (g: RoleGrantEntity): Grant => ({
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

  /** The caller with current roles; null when the user no longer exists. */
  async loadPrincipal(userId: string): Promise<ActorPrincipal | null> {
    const user = await this.users.findOne({ where: { id: userId }, select: { id: true, name: true } });
    if (!user) return null;
    const grants = await this.grants.find({ where: { userId }, order: { createdAt: 'ASC' } });
    return { userId: user.id, name: user.name, grants: grants.map(toGrant) };
  }

  async me(userId: string): Promise<Me> {
    const user = await this.users.findOneByOrFail({ id: userId });
    const grants = await this.grants.find({ where: { userId }, order: { createdAt: 'ASC' } });
    return {
      id: user.id,
      name: user.name,
      username: user.username,
      hasWechat: user.openid !== null,
      // Me is only ever the caller's own record (or a desk user just created, with no phone): in full.
      phone: user.phone,
      roles: grants.map(toGrant),
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
