import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '../../shared/enums';
import { creditCodeCheckChar } from '../../shared/credit-code';
import { normalizeUsername } from '../../shared/schemas/auth';
import { hashPassword } from '../../server/src/auth/password';
import { CooperativeEntity } from '../../server/src/org/cooperative.entity';
import { EnterpriseEntity } from '../../server/src/org/enterprise.entity';
import { MembershipEntity } from '../../server/src/org/membership.entity';
import { RegionEntity } from '../../server/src/org/region.entity';
import { RoleGrantEntity } from '../../server/src/users/role-grant.entity';
import { UserEntity } from '../../server/src/users/user.entity';

export const PASSWORD = 'test-pass-1234';
let seq = 0;
let passwordHash: Promise<string> | null = null;

/** A valid unified social credit code, different on every call. */
export function newCreditCode(): string {
  seq += 1;
  const first17 = `91371102MA${String(5000000 + seq + (process.pid % 1000) * 1000).slice(-7)}`;
  return first17 + (creditCodeCheckChar(first17) as string);
}

export function enterpriseInput(overrides: Partial<EnterpriseEntity> = {}) {
  seq += 1;
  return {
    name: `测试企业${seq}有限公司`,
    creditCode: newCreditCode(),
    industry: '机械加工',
    address: `测试路 ${seq} 号`,
    headcount: 10 + seq,
    contactName: '张三',
    contactPhone: '13800000000',
    ...overrides,
  };
}

/** Data builders writing straight to the database: tests state what they need, nothing more. */
export class Builders {
  constructor(
    private readonly db: DataSource,
    private readonly url: string,
  ) {}

  async region(name: string, parentId: string | null = null): Promise<RegionEntity> {
    const repo = this.db.getRepository(RegionEntity);
    return repo.save(repo.create({ name, level: parentId ? 'town' : 'district', parentId }));
  }

  async cooperative(regionId: string, name = `测试合作社${++seq}`): Promise<CooperativeEntity> {
    const repo = this.db.getRepository(CooperativeEntity);
    return repo.save(repo.create({ name, regionId, industry: '综合', leadEnterpriseId: null, foundedOn: '2024-01-01', description: null }));
  }

  /** An enterprise with an active membership of the cooperative (lead when asked). */
  async enterprise(coop: CooperativeEntity, opts: { lead?: boolean; name?: string } = {}): Promise<EnterpriseEntity> {
    const repo = this.db.getRepository(EnterpriseEntity);
    const e = await repo.save(repo.create({ ...enterpriseInput(opts.name ? { name: opts.name } : {}), regionId: coop.regionId }));
    await this.db.getRepository(MembershipEntity).insert({ cooperativeId: coop.id, enterpriseId: e.id, since: '2024-02-01' });
    if (opts.lead) await this.db.getRepository(CooperativeEntity).update({ id: coop.id }, { leadEnterpriseId: e.id });
    return e;
  }

  async user(
    username: string,
    grants: { role: Role; cooperativeId?: string; enterpriseId?: string; regionId?: string }[],
  ): Promise<UserEntity> {
    passwordHash ??= hashPassword(PASSWORD);
    const repo = this.db.getRepository(UserEntity);
    // Stored as the API stores it (lower case); logins normalise the same way, so 'leadA' still logs in.
    const u = await repo.save(repo.create({ username: normalizeUsername(username), name: username, passwordHash: await passwordHash, openid: null, unionid: null }));
    for (const g of grants) {
      await this.db.getRepository(RoleGrantEntity).insert({
        userId: u.id,
        role: g.role,
        cooperativeId: g.cooperativeId ?? null,
        enterpriseId: g.enterpriseId ?? null,
        regionId: g.regionId ?? null,
      });
    }
    return u;
  }

  async token(username: string): Promise<string> {
    const res = await request(this.url).post('/api/auth/password').send({ username, password: PASSWORD });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  }
}

/**
 * The standard two-town world most API tests use: district D with towns TA and TB, cooperative A in TA
 * (lead LA, members A1, A2), cooperative B in TB (member B1), and one user per role and scope.
 */
export async function twoCooperatives(b: Builders) {
  const d = await b.region('测试区');
  const ta = await b.region('甲镇', d.id);
  const tb = await b.region('乙镇', d.id);
  const coopA = await b.cooperative(ta.id, '甲镇互助合作社');
  const coopB = await b.cooperative(tb.id, '乙镇互助合作社');
  const la = await b.enterprise(coopA, { lead: true, name: '甲镇龙头乙炔厂' });
  const a1 = await b.enterprise(coopA, { name: '甲镇一号食品厂' });
  const a2 = await b.enterprise(coopA, { name: '甲镇二号玩具厂' });
  const b1 = await b.enterprise(coopB, { name: '乙镇一号机械厂' });
  await b.user('admin', [{ role: 'admin' }]);
  await b.user('leadA', [{ role: 'coop_admin', cooperativeId: coopA.id }, { role: 'member', cooperativeId: coopA.id, enterpriseId: la.id }]);
  await b.user('memberA1', [{ role: 'member', cooperativeId: coopA.id, enterpriseId: a1.id }]);
  await b.user('memberA2', [{ role: 'member', cooperativeId: coopA.id, enterpriseId: a2.id }]);
  await b.user('leadB', [{ role: 'coop_admin', cooperativeId: coopB.id }]);
  await b.user('memberB1', [{ role: 'member', cooperativeId: coopB.id, enterpriseId: b1.id }]);
  await b.user('supervisorD', [{ role: 'supervisor', regionId: d.id }]);
  await b.user('supervisorTB', [{ role: 'supervisor', regionId: tb.id }]);
  await b.user('expertD', [{ role: 'expert', regionId: d.id }]);
  await b.user('nobody', []);
  return { d, ta, tb, coopA, coopB, la, a1, a2, b1 };
}
export type World = Awaited<ReturnType<typeof twoCooperatives>>;
