import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { AccessScope, Grant, Principal } from '../../../shared/policy';
import { isAdmin, isCoopAdminOf } from '../../../shared/policy';
import { maskPhone } from '../../../shared/phone';
import { normalizeUsername } from '../../../shared/schemas/auth';
import type {
  CreateExpertBody,
  Expert,
  ExpertCandidateList,
  ExpertCandidateQuery,
  ExpertList,
  ExpertListQuery,
  ExpertStats,
  ExpertStatsQuery,
} from '../../../shared/schemas/experts';
import { hashPassword } from '../auth/password';
import { AppError } from '../common/app-error';
import { InspectionEntity, InspectionInspectorEntity } from '../inspections/inspection.entity';
import { HazardEntity } from '../hazards/hazard.entity';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { RegionEntity } from '../org/region.entity';
import { ScopeService } from '../org/scope.service';
import { RoleGrantEntity } from '../users/role-grant.entity';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ExpertProfileEntity, ExpertVisitEntity } from './expert.entity';

/** Registering experts, listing those who serve the caller's places, and the counters of their work. */
@Injectable()
export class ExpertsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly users: UsersService,
  ) {}

  /**
   * A supervisor registers for a region they oversee, a coop admin for their cooperative. The grant of a
   * cooperative's expert names its region too: an `expert` grant without a region would read every cooperative
   * (shared/policy.ts accessScope), and the cooperative's town is where such an expert works anyway.
   */
  async create(actor: Principal, body: CreateExpertBody): Promise<Expert> {
    const s = await this.scope.of(actor);
    let grant: Grant;
    if (body.cooperativeId) {
      const coop = await this.db.getRepository(CooperativeEntity).findOneBy({ id: body.cooperativeId });
      if (!coop) throw AppError.validation({ cooperativeId: '合作社不存在' });
      if (!isAdmin(actor) && !isCoopAdminOf(actor, coop.id) && !s.supervisedRegionIds.includes(coop.regionId)) throw AppError.forbidden();
      grant = { role: 'expert', cooperativeId: coop.id, regionId: coop.regionId };
    } else {
      const regionId = body.regionId as string;
      if (!(await this.db.getRepository(RegionEntity).existsBy({ id: regionId }))) throw AppError.validation({ regionId: '区域不存在' });
      if (!isAdmin(actor) && !s.supervisedRegionIds.includes(regionId)) throw AppError.forbidden();
      grant = { role: 'expert', regionId };
    }
    const passwordHash = body.userId ? null : await hashPassword(body.password as string);
    const userId = await this.db.transaction(async (em) => {
      let uid = body.userId;
      if (uid) {
        if (!(await em.getRepository(UserEntity).existsBy({ id: uid }))) throw AppError.validation({ userId: '用户不存在' });
        // An account that already works under other roles is not turned into an expert by a registrar (it would
        // widen what that person reads); a new WeChat user or an expert already is.
        const other = await em.getRepository(RoleGrantEntity).createQueryBuilder('g').where('g.userId = :uid AND g.role <> :expert', { uid, expert: 'expert' }).getCount();
        if (other > 0 && !isAdmin(actor)) throw AppError.validation({ userId: '该用户已有其他角色，不能登记为专家' });
      } else {
        if (await em.getRepository(UserEntity).existsBy({ username: body.username as string })) {
          throw new AppError('USERNAME_TAKEN', HttpStatus.CONFLICT, { username: '用户名已被使用' });
        }
        uid = (await em.getRepository(UserEntity).save({ username: body.username as string, passwordHash, name: body.name as string, openid: null, unionid: null })).id;
      }
      await this.users.ensureGrant(em, uid, grant);
      // One profile per person: a later registration (another cooperative) brings it up to date.
      const profile = { field: body.field, certificates: body.certificates, title: body.title };
      const repo = em.getRepository(ExpertProfileEntity);
      const found = await repo.findOneBy({ userId: uid });
      if (found) await repo.update({ id: found.id }, profile);
      else await repo.save(repo.create({ ...profile, userId: uid, regionId: body.regionId ?? null, cooperativeId: body.cooperativeId ?? null, createdById: actor.userId }));
      return uid;
    });
    const one = await this.listQuery(s, actor).andWhere('p.userId = :uid', { uid: userId }).getRawMany<ExpertRow>();
    return toExpert(one[0]);
  }

  /**
   * People a registrar may pick as an existing user: exact username, bound phone or name (no browsing of the
   * user table), and only those create() would accept — nobody working under another role (an admin: anyone).
   */
  async candidates(actor: Principal, q: ExpertCandidateQuery): Promise<ExpertCandidateList> {
    const registrar = isAdmin(actor) || actor.grants.some((g) => g.role === 'coop_admin' || (g.role === 'supervisor' && !!g.regionId));
    if (!registrar) throw AppError.forbidden();
    const qb = this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where(
        new Brackets((b) => {
          b.where('u.username = :un', { un: normalizeUsername(q.q) })
            .orWhere('u.phone = :ph', { ph: q.q })
            .orWhere('u.name = :nm', { nm: q.q });
        }),
      );
    if (!isAdmin(actor)) qb.andWhere("NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.userId = u.id AND g.role <> 'expert')");
    const users = await qb.orderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC').limit(10).getMany();
    const experts = users.length
      ? new Set((await this.db.getRepository(RoleGrantEntity).find({ where: { userId: In(users.map((u) => u.id)), role: 'expert' }, select: { userId: true } })).map((g) => g.userId))
      : new Set<string>();
    return {
      items: users.map((u) => ({ userId: u.id, name: u.name, username: u.username, phone: u.phone ? maskPhone(u.phone) : null, isExpert: experts.has(u.id) })),
    };
  }

  /**
   * The regions of the caller's cooperatives and of their supervisor / expert grants, with every region above
   * them: an expert registered for the district serves each town in it.
   */
  private async regionsAbove(s: AccessScope, actor: Principal): Promise<string[]> {
    const coops = s.cooperativeIds.length ? await this.db.getRepository(CooperativeEntity).find({ where: { id: In(s.cooperativeIds) }, select: { regionId: true } }) : [];
    const granted = actor.grants.map((g) => g.regionId).filter((r): r is string => !!r);
    const chains = await Promise.all([...new Set([...coops.map((c) => c.regionId), ...granted])].map((r) => this.scope.regionChain(r)));
    return [...new Set(chains.flatMap((c) => c ?? []))];
  }

  private listQuery(s: AccessScope, actor: Principal, above: string[] = []): SelectQueryBuilder<ExpertProfileEntity> {
    const qb = this.db
      .getRepository(ExpertProfileEntity)
      .createQueryBuilder('p')
      .innerJoin(UserEntity, 'u', 'u.id = p.userId')
      .leftJoin(RegionEntity, 'r', 'r.id = p.regionId')
      .leftJoin(CooperativeEntity, 'c', 'c.id = p.cooperativeId')
      .select(['p.userId AS userId', 'u.name AS name', 'u.username AS username', 'p.field AS field', 'p.certificates AS certificates', 'p.title AS title'])
      .addSelect(['p.regionId AS regionId', 'r.name AS regionName', 'p.cooperativeId AS cooperativeId', 'c.name AS cooperativeName', 'p.createdAt AS createdAt'])
      .addSelect('(SELECT COUNT(*) FROM expert_visits v WHERE v.expertUserId = p.userId)', 'visits')
      .addSelect(
        "(SELECT COUNT(*) FROM expert_visits v2 JOIN inspections vi ON vi.id = v2.inspectionId WHERE v2.expertUserId = p.userId AND vi.status = 'submitted')",
        'visitsDone',
      );
    if (s.all) return qb;
    const regions = [...new Set([...s.readRegionIds, ...above])];
    qb.andWhere(
      new Brackets((b) => {
        b.where('p.userId = :me', { me: actor.userId });
        if (regions.length) b.orWhere('p.regionId IN (:...xRegions)', { xRegions: regions });
        if (s.cooperativeIds.length) b.orWhere('p.cooperativeId IN (:...xCoops)', { xCoops: s.cooperativeIds });
        if (s.readRegionIds.length) b.orWhere('c.regionId IN (:...xRead)', { xRead: s.readRegionIds });
      }),
    );
    return qb;
  }

  async list(actor: Principal, q: ExpertListQuery): Promise<ExpertList> {
    const s = await this.scope.of(actor);
    const qb = this.listQuery(s, actor, await this.regionsAbove(s, actor));
    if (q.regionId) qb.andWhere('p.regionId = :qr', { qr: q.regionId });
    if (q.cooperativeId) qb.andWhere('p.cooperativeId = :qc', { qc: q.cooperativeId });
    if (q.field) qb.andWhere('p.field = :qf', { qf: q.field });
    const total = await qb.getCount();
    const rows = await qb.orderBy('u.name', 'ASC').addOrderBy('p.userId', 'ASC').offset((q.page - 1) * q.pageSize).limit(q.pageSize).getRawMany<ExpertRow>();
    return { items: rows.map(toExpert), total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * Counters for a cooperative, a region (and below) or everything the caller may read: expert visits by state,
   * and expert engagements (人次) — experts in inspections that took place, visits and mutual rounds alike.
   */
  async stats(actor: Principal, q: ExpertStatsQuery): Promise<ExpertStats> {
    // the route's query pipe takes the plain object schema: its refinement is checked here
    if (q.regionId && q.cooperativeId) throw AppError.validation({ cooperativeId: '区域和合作社只能选一个' });
    const s = await this.scope.of(actor);
    let regions: string[] | null = null;
    if (q.regionId) {
      if (!s.all && !s.readRegionIds.includes(q.regionId)) throw AppError.notFound();
      regions = (await this.scope.subregions([q.regionId]))[q.regionId];
    }
    if (q.cooperativeId) {
      const qb = this.db.getRepository(CooperativeEntity).createQueryBuilder('c').where('c.id = :id', { id: q.cooperativeId });
      this.scope.where(qb, this.scope.cooperativeReadable(s, 'c'));
      if ((await qb.getCount()) === 0) throw AppError.notFound();
    }
    /** The place conditions on an inspection `i` with its host `h` and cooperative `c` (left joined). */
    const place = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> => {
      qb.innerJoin(EnterpriseEntity, 'h', 'h.id = i.hostEnterpriseId').leftJoin(CooperativeEntity, 'c', 'c.id = i.cooperativeId');
      if (q.cooperativeId) qb.andWhere('i.cooperativeId = :pc', { pc: q.cooperativeId });
      else if (regions) qb.andWhere('COALESCE(c.regionId, h.regionId) IN (:...pr)', { pr: regions });
      else if (!s.all) this.scope.where(qb, this.scope.cooperativeReadable(s, 'c'));
      if (q.from) qb.andWhere('i.scheduledOn >= :pf', { pf: q.from });
      if (q.to) qb.andWhere('i.scheduledOn <= :pt', { pt: q.to });
      return qb;
    };
    const [visits, engaged, hazards] = await Promise.all([
      place(
        this.db.getRepository(ExpertVisitEntity).createQueryBuilder('v').innerJoin(InspectionEntity, 'i', 'i.id = v.inspectionId').select('i.status', 'status').addSelect('COUNT(*)', 'n').where('1 = 1'),
      )
        .groupBy('i.status')
        .getRawMany<{ status: string; n: number | string }>(),
      place(
        this.db
          .getRepository(InspectionInspectorEntity)
          .createQueryBuilder('ii')
          .innerJoin(InspectionEntity, 'i', 'i.id = ii.inspectionId')
          .select('COUNT(*)', 'n')
          .addSelect('COUNT(DISTINCT ii.userId)', 'experts')
          .where("ii.role = 'expert' AND i.status = 'submitted'"),
      ).getRawOne<{ n: number | string; experts: number | string }>(),
      place(
        this.db.getRepository(HazardEntity).createQueryBuilder('hz').innerJoin(InspectionEntity, 'i', 'i.id = hz.inspectionId').select('COUNT(*)', 'n').where("hz.source = 'expert'"),
      ).getRawOne<{ n: number | string }>(),
    ]);
    const by = (st: string) => Number(visits.find((v) => v.status === st)?.n ?? 0);
    const planned = by('planned');
    const inProgress = by('in_progress');
    const done = by('submitted');
    return {
      regionId: q.regionId ?? null,
      cooperativeId: q.cooperativeId ?? null,
      visits: { planned, inProgress, done, total: planned + inProgress + done },
      engagements: Number(engaged?.n ?? 0),
      experts: Number(engaged?.experts ?? 0),
      hazardsFound: Number(hazards?.n ?? 0),
    };
  }

  /** Whether this user is an expert serving the place (a cooperative in a region chain, or an enterprise's region chain). */
  async serves(userId: string, cooperativeId: string | null, regionChain: string[]): Promise<boolean> {
    const grants = await this.db.getRepository(RoleGrantEntity).find({ where: { userId, role: 'expert' } });
    return grants.some((g) => (!g.regionId && !g.cooperativeId) || (g.cooperativeId ? g.cooperativeId === cooperativeId : regionChain.includes(g.regionId as string)));
  }
}

interface ExpertRow {
  userId: string;
  name: string;
  username: string | null;
  field: Expert['field'];
  certificates: string;
  title: string | null;
  regionId: string | null;
  regionName: string | null;
  cooperativeId: string | null;
  cooperativeName: string | null;
  createdAt: Date | string;
  visits: number | string;
  visitsDone: number | string;
}

function toExpert(r: ExpertRow): Expert {
  const created = r.createdAt instanceof Date ? r.createdAt : new Date(/[zZ]$/.test(String(r.createdAt)) ? String(r.createdAt) : `${String(r.createdAt).replace(' ', 'T')}Z`);
  return {
    userId: r.userId, name: r.name, username: r.username, field: r.field,
    // simple-json read raw: parse it as TypeORM would
    certificates: typeof r.certificates === 'string' ? (JSON.parse(r.certificates) as string[]) : (r.certificates as string[]),
    title: r.title, regionId: r.regionId, regionName: r.regionName, cooperativeId: r.cooperativeId, cooperativeName: r.cooperativeName,
    visits: Number(r.visits), visitsDone: Number(r.visitsDone), createdAt: created.toISOString(),
  };
}
