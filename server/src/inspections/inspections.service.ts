import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { addDays, shanghaiDate } from '../../../shared/dates';
import { type Principal, canScheduleInspection, isCoopAdminOf, isMemberOf } from '../../../shared/policy';
import type {
  CarriedHazard,
  CreateInspectionBody,
  CreateMutualInspectionBody,
  CreateSelfInspectionBody,
  Feedback,
  Finding,
  Inspection,
  InspectionQuery,
  InspectionSummary,
  Inspector,
  ItemResult,
  ResultsAck,
  ResultsBatch,
} from '../../../shared/schemas/inspections';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { isUniqueViolation } from '../database/db-errors';
import { ChecklistEntity, ChecklistItemEntity } from '../checklists/checklist.entity';
import { ChecklistsService, toItemDto } from '../checklists/checklists.service';
import { StoredFileEntity } from '../files/stored-file.entity';
import { HazardEntity, HazardEventEntity } from '../hazards/hazard.entity';
import { HazardsService, type NewHazard } from '../hazards/hazards.service';
import { NotificationsService } from '../notifications/notifications.service';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { MembershipEntity } from '../org/membership.entity';
import { ScopeService } from '../org/scope.service';
import { RoleGrantEntity } from '../users/role-grant.entity';
import { UserEntity } from '../users/user.entity';
import { WorkshopEntity } from '../workshops/workshop.entity';
import {
  InspectionCarriedEntity,
  InspectionEntity,
  InspectionFindingEntity,
  InspectionInspectorEntity,
  InspectionResultEntity,
  selfPatrolKey,
} from './inspection.entity';

/** How far back the feedback meeting looks for the same failure at other members. */
export const COMMON_HAZARD_DAYS = 90;

interface Loaded {
  insp: InspectionEntity;
  hostName: string;
  inspectors: InspectionInspectorEntity[];
}

@Injectable()
export class InspectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly checklists: ChecklistsService,
    private readonly hazards: HazardsService,
    private readonly notifications: NotificationsService,
  ) {}

  private get mysql(): boolean {
    return this.db.options.type === 'mysql' || this.db.options.type === 'mariadb';
  }

  // ---------------------------------------------------------------- create

  async create(actor: Principal, body: CreateInspectionBody): Promise<{ inspection: Inspection; created: boolean }> {
    return body.type === 'self' ? this.createSelf(actor, body) : this.createMutual(actor, body);
  }

  /** A self patrol of the caller's own enterprise; today's open one by the same person is resumed. */
  private async createSelf(actor: Principal, body: CreateSelfInspectionBody): Promise<{ inspection: Inspection; created: boolean }> {
    let enterpriseId = body.enterpriseId;
    let workshopId: string | null = null;
    if (body.workshopId) {
      const shop = await this.db.getRepository(WorkshopEntity).findOneBy({ id: body.workshopId });
      // Another enterprise's workshop is none of the caller's business: as if absent.
      if (!shop || !isMemberOf(actor, shop.enterpriseId) || (enterpriseId && enterpriseId !== shop.enterpriseId)) {
        throw AppError.validation({ workshopId: '车间不存在或不属于本企业' });
      }
      enterpriseId = shop.enterpriseId;
      workshopId = shop.id;
    }
    if (!enterpriseId) {
      const own = [...new Set(actor.grants.filter((g) => g.role === 'member' && g.enterpriseId).map((g) => g.enterpriseId as string))];
      if (own.length === 0) throw AppError.forbidden();
      if (own.length > 1) throw AppError.validation({ enterpriseId: '请选择要巡查的企业' });
      enterpriseId = own[0];
    }
    if (!isMemberOf(actor, enterpriseId)) throw AppError.forbidden();
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const openSelfKey = selfPatrolKey(actor.userId, enterpriseId, workshopId, today);
    const findOpen = () => this.db.getRepository(InspectionEntity).findOne({ where: { openSelfKey }, select: { id: true } });
    const open = await findOpen();
    if (open) return { inspection: await this.get(actor, open.id), created: false };

    const ent = await this.db.getRepository(EnterpriseEntity).findOneByOrFail({ id: enterpriseId });
    const coopId = await this.activeCoop(enterpriseId);
    const checklistId = body.checklistId ? await this.usableChecklist(actor, body.checklistId, coopId) : await this.defaultChecklist(coopId, ent.industry);
    let id: string;
    try {
      id = await this.db.transaction(async (em) => {
        const insp = await em.getRepository(InspectionEntity).save(
          em.getRepository(InspectionEntity).create({
            type: 'self', status: 'in_progress', cooperativeId: coopId, hostEnterpriseId: enterpriseId, workshopId, checklistId,
            scheduledOn: today, createdById: actor.userId, previousInspectionId: null, startedAt: now, submittedAt: null, submittedById: null,
            openSelfKey,
          }),
        );
        return insp.id;
      });
    } catch (err) {
      // A double tap or a re-sent start lost the race to its twin: resume the patrol that won.
      const winner = isUniqueViolation(err) ? await findOpen() : null;
      if (!winner) throw err;
      return { inspection: await this.get(actor, winner.id), created: false };
    }
    return { inspection: await this.get(actor, id), created: true };
  }

  /** A mutual round: the coop admin names the host, date, checklist and a group from other members. */
  private async createMutual(actor: Principal, body: CreateMutualInspectionBody): Promise<{ inspection: Inspection; created: boolean }> {
    if (!canScheduleInspection(actor, body.cooperativeId)) throw AppError.forbidden();
    const members = await this.db.getRepository(MembershipEntity).find({ where: { cooperativeId: body.cooperativeId, until: IsNull() } });
    const memberIds = new Set(members.map((m) => m.enterpriseId));
    if (!memberIds.has(body.hostEnterpriseId)) throw AppError.validation({ hostEnterpriseId: '受检企业不是本合作社的在册成员' });
    const checklistId = await this.usableChecklist(actor, body.checklistId, body.cooperativeId);

    const userIds = [...body.inspectors.map((i) => i.userId), ...(body.expertUserId ? [body.expertUserId] : [])];
    const grants = await this.db.getRepository(RoleGrantEntity).find({ where: { userId: In(userIds) } });
    const fields: Record<string, string> = {};
    const fromEnterprise = new Map<string, string>();
    body.inspectors.forEach((ins, n) => {
      const own = grants.filter((g) => g.userId === ins.userId && g.role === 'member' && g.enterpriseId);
      if (own.some((g) => g.enterpriseId === body.hostEnterpriseId)) {
        fields[`inspectors.${n}.userId`] = '不能安排受检企业自己的人员参加互查';
        return;
      }
      const other = own.find((g) => g.cooperativeId === body.cooperativeId && memberIds.has(g.enterpriseId as string));
      if (!other) fields[`inspectors.${n}.userId`] = '检查人员须来自本合作社的其他成员企业';
      else fromEnterprise.set(ins.userId, other.enterpriseId as string);
    });
    if (body.expertUserId && !grants.some((g) => g.userId === body.expertUserId && g.role === 'expert')) {
      fields.expertUserId = '该用户不是专家';
    }
    if (Object.keys(fields).length) throw AppError.validation(fields);

    const host = await this.db.getRepository(EnterpriseEntity).findOneByOrFail({ id: body.hostEnterpriseId });
    const id = await this.db.transaction(async (em) => {
      const insp = await em.getRepository(InspectionEntity).save(
        em.getRepository(InspectionEntity).create({
          type: 'mutual', status: 'planned', cooperativeId: body.cooperativeId, hostEnterpriseId: body.hostEnterpriseId, workshopId: null,
          checklistId, scheduledOn: body.scheduledOn, createdById: actor.userId, previousInspectionId: null, startedAt: null, submittedAt: null, submittedById: null,
        }),
      );
      const group = [
        ...body.inspectors.map((i) => ({ userId: i.userId, enterpriseId: fromEnterprise.get(i.userId) ?? null, role: i.leader ? ('leader' as const) : ('member' as const) })),
        ...(body.expertUserId && !body.inspectors.some((i) => i.userId === body.expertUserId) ? [{ userId: body.expertUserId, enterpriseId: null, role: 'expert' as const }] : []),
      ];
      await em.getRepository(InspectionInspectorEntity).insert(group.map((g) => ({ ...g, id: randomUUID(), inspectionId: insp.id })));
      await this.notifications.add(
        em,
        group.map((g) => ({
          userId: g.userId,
          kind: 'inspection_assigned' as const,
          title: '互查任务',
          body: `您被安排于 ${body.scheduledOn} 参加对「${host.name}」的互查${g.role === 'leader' ? '，担任组长' : g.role === 'expert' ? '（专家）' : ''}。`,
          link: `/inspections/${insp.id}`,
          dedupeKey: `inspection_assigned:${insp.id}:${g.userId}`,
        })),
      );
      await this.carryForward(em, insp);
      return insp.id;
    });
    return { inspection: await this.get(actor, id), created: true };
  }

  /**
   * An expert visit's round (experts/expert-visits.service.ts schedules it, in the caller's transaction): a
   * planned `expert` inspection of the host with the expert as its group; its hazards get source `expert` and
   * the expert may verify them. Access is the caller's to check.
   */
  async createExpertRound(
    em: EntityManager,
    actor: Principal,
    r: { hostEnterpriseId: string; cooperativeId: string | null; expertUserId: string; scheduledOn: string; checklistId?: string },
  ): Promise<string> {
    const host = await em.getRepository(EnterpriseEntity).findOneByOrFail({ id: r.hostEnterpriseId });
    const checklistId = r.checklistId ? await this.usableChecklist(actor, r.checklistId, r.cooperativeId) : await this.defaultChecklist(r.cooperativeId, host.industry);
    const insp = await em.getRepository(InspectionEntity).save(
      em.getRepository(InspectionEntity).create({
        type: 'expert', status: 'planned', cooperativeId: r.cooperativeId, hostEnterpriseId: host.id, workshopId: null, checklistId,
        scheduledOn: r.scheduledOn, createdById: actor.userId, previousInspectionId: null, startedAt: null, submittedAt: null, submittedById: null,
      }),
    );
    await em.getRepository(InspectionInspectorEntity).insert({ id: randomUUID(), inspectionId: insp.id, userId: r.expertUserId, enterpriseId: null, role: 'expert' });
    return insp.id;
  }

  /**
   * 回头看: every hazard of the host still open, and those closed since the host's previous (submitted) round, come
   * into the next mutual round to be re-checked (each once: unique per inspection). Daily self patrols
   * do not carry them: the enterprise works its own open hazards from its hazard list.
   */
  private async carryForward(em: EntityManager, insp: InspectionEntity): Promise<void> {
    if (insp.type !== 'mutual') return;
    const prev = await em
      .getRepository(InspectionEntity)
      .createQueryBuilder('i')
      .where('i.hostEnterpriseId = :host AND i.type = :type AND i.id <> :id', { host: insp.hostEnterpriseId, type: insp.type, id: insp.id })
      // The previous round is the last one that took place: rounds merely planned (or created at the
      // same moment) do not move the "closed since" line.
      .andWhere('i.status = :submitted', { submitted: 'submitted' })
      .orderBy('i.submittedAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .getOne();
    const qb = em
      .getRepository(HazardEntity)
      .createQueryBuilder('h')
      .select('h.id', 'id')
      .where('h.enterpriseId = :host', { host: insp.hostEnterpriseId });
    if (prev) {
      qb.andWhere("(h.status IN ('reported', 'pending_verification') OR (h.status = 'closed' AND h.closedAt >= :since))", { since: prev.startedAt ?? prev.createdAt });
      await em.getRepository(InspectionEntity).update({ id: insp.id }, { previousInspectionId: prev.id });
    } else {
      qb.andWhere("h.status IN ('reported', 'pending_verification')");
    }
    const ids: { id: string }[] = await qb.getRawMany();
    if (ids.length === 0) return;
    await em
      .createQueryBuilder()
      .insert()
      .into(InspectionCarriedEntity)
      .values(ids.map((h) => ({ id: randomUUID(), inspectionId: insp.id, hazardId: h.id, mark: null, clientId: null, note: null, level: null, fixMode: null, photoIds: [], markedById: null, recurrenceId: null })))
      .orIgnore()
      .execute();
  }

  private async activeCoop(enterpriseId: string): Promise<string | null> {
    const m = await this.db.getRepository(MembershipEntity).findOne({ where: { enterpriseId, until: IsNull() }, order: { since: 'ASC' } });
    return m?.cooperativeId ?? null;
  }

  /** A checklist version the caller may read, from the platform library or this cooperative. */
  private async usableChecklist(actor: Principal, checklistId: string, coopId: string | null): Promise<string> {
    try {
      const { row } = await this.checklists.readable(actor, checklistId);
      if (row.cooperativeId === null || row.cooperativeId === coopId) return row.id;
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== HttpStatus.NOT_FOUND) throw err;
    }
    throw AppError.validation({ checklistId: '检查表不存在或不属于本合作社' });
  }

  /** The cooperative's newest checklist for the industry, else the platform's, else the general one. */
  private async defaultChecklist(coopId: string | null, industry: string): Promise<string> {
    const repo = this.db.getRepository(ChecklistEntity);
    const pick =
      (coopId ? await repo.findOne({ where: { cooperativeId: coopId, industry, latest: true }, order: { createdAt: 'DESC' } }) : null) ??
      (await repo.findOne({ where: { cooperativeId: IsNull(), industry, latest: true } })) ??
      (await repo.findOne({ where: { familyId: 'platform-general', latest: true } }));
    if (!pick) throw AppError.validation({ checklistId: '请选择检查表' });
    return pick.id;
  }

  // ---------------------------------------------------------------- read

  /** An inspection the caller may read (404 otherwise), with its group. */
  private async load(actor: Principal, id: string, em: EntityManager = this.db.manager): Promise<Loaded> {
    const scope = await this.scope.of(actor, em);
    const qb = em
      .getRepository(InspectionEntity)
      .createQueryBuilder('i')
      .innerJoin(EnterpriseEntity, 'h', 'h.id = i.hostEnterpriseId')
      .addSelect('h.name', 'hostName')
      .where('i.id = :id', { id });
    this.scope.where(qb, this.scope.inspectionReadable(scope, 'i', 'h'));
    const { entities, raw } = await qb.getRawAndEntities();
    if (entities.length === 0) throw AppError.notFound();
    const inspectors = await em.getRepository(InspectionInspectorEntity).find({ where: { inspectionId: id } });
    return { insp: entities[0], hostName: String((raw[0] as { hostName: string }).hostName), inspectors };
  }

  private roles(actor: Principal, l: Loaded) {
    const mine = l.inspectors.find((i) => i.userId === actor.userId);
    const host = isMemberOf(actor, l.insp.hostEnterpriseId);
    const coopAdmin = !!l.insp.cooperativeId && isCoopAdminOf(actor, l.insp.cooperativeId);
    const recorder = l.insp.type === 'self' ? host : !!mine;
    return {
      assigned: !!mine,
      canStart: l.insp.type !== 'self' && l.insp.status === 'planned' && (!!mine || coopAdmin),
      canRecord: l.insp.status === 'in_progress' && recorder,
      canSubmit: l.insp.status === 'in_progress' && (recorder || (l.insp.type !== 'self' && coopAdmin)),
    };
  }

  async list(actor: Principal, q: InspectionQuery): Promise<{ items: InspectionSummary[]; total: number; page: number; pageSize: number }> {
    const scope = await this.scope.of(actor);
    const qb = this.db
      .getRepository(InspectionEntity)
      .createQueryBuilder('i')
      .innerJoin(EnterpriseEntity, 'h', 'h.id = i.hostEnterpriseId')
      .innerJoin(ChecklistEntity, 'k', 'k.id = i.checklistId')
      .addSelect(['h.name AS hostName', 'k.name AS checklistName', 'k.version AS checklistVersion']);
    this.scope.where(qb, this.scope.inspectionReadable(scope, 'i', 'h'));
    if (q.type) qb.andWhere('i.type = :type', { type: q.type });
    if (q.status) qb.andWhere('i.status = :status', { status: q.status });
    if (q.cooperativeId) qb.andWhere('i.cooperativeId = :coop', { coop: q.cooperativeId });
    if (q.hostEnterpriseId) qb.andWhere('i.hostEnterpriseId = :host', { host: q.hostEnterpriseId });
    if (q.assigned === 'true') {
      qb.andWhere('EXISTS (SELECT 1 FROM inspection_inspectors a WHERE a.inspectionId = i.id AND a.userId = :me)', { me: actor.userId });
    }
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('i.scheduledOn', 'DESC')
      .addOrderBy('i.createdAt', 'DESC')
      .addOrderBy('i.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawAndEntities();
    const ids = entities.map((e) => e.id);
    const mine = ids.length
      ? new Set((await this.db.getRepository(InspectionInspectorEntity).find({ where: { inspectionId: In(ids), userId: actor.userId } })).map((r) => r.inspectionId))
      : new Set<string>();
    const counts = await this.hazardCounts(ids);
    // getRawAndEntities keeps the raw rows in the entities' order (one row per inspection here).
    const items = entities.map((e, n) => {
      const r = raw[n] as { hostName: string; checklistName: string; checklistVersion: number | string };
      return this.summary(e, r.hostName, r.checklistName, Number(r.checklistVersion), mine.has(e.id), counts.get(e.id) ?? 0);
    });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  private async hazardCounts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; n: number | string }[] = await this.db
      .getRepository(InspectionFindingEntity)
      .createQueryBuilder('f')
      .select('f.inspectionId', 'id')
      .addSelect('COUNT(*)', 'n')
      .where({ inspectionId: In(ids), kind: 'hazard' })
      .groupBy('f.inspectionId')
      .getRawMany();
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  private summary(e: InspectionEntity, hostName: string, checklistName: string, checklistVersion: number, assigned: boolean, hazardCount: number): InspectionSummary {
    return {
      id: e.id,
      type: e.type,
      status: e.status,
      cooperativeId: e.cooperativeId,
      hostEnterpriseId: e.hostEnterpriseId,
      hostName,
      workshopId: e.workshopId,
      scheduledOn: e.scheduledOn,
      checklistId: e.checklistId,
      checklistName,
      checklistVersion,
      assigned,
      hazardCount,
      startedAt: e.startedAt ? e.startedAt.toISOString() : null,
      submittedAt: e.submittedAt ? e.submittedAt.toISOString() : null,
      createdAt: e.createdAt.toISOString(),
    };
  }

  async get(actor: Principal, id: string): Promise<Inspection> {
    const l = await this.load(actor, id);
    const { insp } = l;
    const em = this.db.manager;
    const [checklist, items, workshops, results, findings, carried, hazards] = await Promise.all([
      em.getRepository(ChecklistEntity).findOneByOrFail({ id: insp.checklistId }),
      this.checklists.items(insp.checklistId),
      em.getRepository(WorkshopEntity).find({ where: { enterpriseId: insp.hostEnterpriseId }, order: { name: 'ASC' }, select: { id: true, name: true } }),
      em.getRepository(InspectionResultEntity).find({ where: { inspectionId: id } }),
      em.getRepository(InspectionFindingEntity).find({ where: { inspectionId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      em.getRepository(InspectionCarriedEntity).find({ where: { inspectionId: id } }),
      em.getRepository(HazardEntity).find({ where: { inspectionId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    const roles = this.roles(actor, l);
    return {
      ...this.summary(insp, l.hostName, checklist.name, checklist.version, roles.assigned, findings.filter((f) => f.kind === 'hazard').length),
      items: items.map(toItemDto),
      workshops: workshops.map((w) => ({ id: w.id, name: w.name })),
      inspectors: await this.inspectorDtos(l.inspectors),
      results: results.map(resultDto),
      findings: findings.map(findingDto),
      carried: await this.carriedDtos(carried),
      hazards: await this.hazards.toDtos(hazards),
      canStart: roles.canStart,
      canRecord: roles.canRecord,
      canSubmit: roles.canSubmit,
      previousInspectionId: insp.previousInspectionId,
    };
  }

  private async inspectorDtos(rows: InspectionInspectorEntity[]): Promise<Inspector[]> {
    if (rows.length === 0) return [];
    const users = await this.db.getRepository(UserEntity).find({ where: { id: In(rows.map((r) => r.userId)) }, select: { id: true, name: true } });
    const entIds = rows.map((r) => r.enterpriseId).filter((x): x is string => !!x);
    const ents = entIds.length ? await this.db.getRepository(EnterpriseEntity).find({ where: { id: In(entIds) }, select: { id: true, name: true } }) : [];
    const order = { leader: 0, member: 1, expert: 2 };
    return rows
      .map((r) => ({
        userId: r.userId,
        name: users.find((u) => u.id === r.userId)?.name ?? '',
        enterpriseId: r.enterpriseId,
        enterpriseName: ents.find((e) => e.id === r.enterpriseId)?.name ?? null,
        role: r.role,
      }))
      .sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name));
  }

  private async carriedDtos(rows: InspectionCarriedEntity[]): Promise<CarriedHazard[]> {
    if (rows.length === 0) return [];
    const hs = await this.db.getRepository(HazardEntity).find({ where: { id: In(rows.map((r) => r.hazardId)) } });
    const dtos = new Map((await this.hazards.toDtos(hs)).map((h) => [h.id, h]));
    return rows
      .filter((r) => dtos.has(r.hazardId))
      .map((r) => {
        const h = dtos.get(r.hazardId) as NonNullable<ReturnType<typeof dtos.get>>;
        return {
          hazardId: h.id, description: h.description, category: h.category, level: h.level, workshopId: h.workshopId, workshopName: h.workshopName,
          status: h.status, deadline: h.deadline, foundOn: h.foundOn, closedAt: h.closedAt, mark: r.mark, note: r.note, recurrenceId: r.recurrenceId,
        };
      })
      .sort((a, b) => a.foundOn.localeCompare(b.foundOn) || a.hazardId.localeCompare(b.hazardId));
  }

  /** For scan resolution: the open mutual round at this host the caller is in the group of, if any. */
  async assignedOpenInspectionFor(principal: Principal, hostEnterpriseId: string): Promise<{ id: string } | null> {
    const row = await this.db
      .getRepository(InspectionEntity)
      .createQueryBuilder('i')
      .innerJoin(InspectionInspectorEntity, 'a', 'a.inspectionId = i.id AND a.userId = :me', { me: principal.userId })
      .where('i.hostEnterpriseId = :host', { host: hostEnterpriseId })
      .andWhere('i.type IN (:...ts)', { ts: ['mutual', 'expert'] })
      .andWhere('i.status IN (:...open)', { open: ['planned', 'in_progress'] })
      .orderBy('i.status', 'ASC') // in_progress before planned
      .addOrderBy('i.scheduledOn', 'ASC')
      .getOne();
    return row ? { id: row.id } : null;
  }

  // ---------------------------------------------------------------- start

  async start(actor: Principal, id: string): Promise<Inspection> {
    const l = await this.load(actor, id);
    const roles = this.roles(actor, l);
    if (l.insp.status !== 'planned') throw AppError.conflict();
    if (!roles.canStart) throw AppError.forbidden();
    const res = await this.db.getRepository(InspectionEntity).update({ id, status: 'planned' }, { status: 'in_progress', startedAt: this.clock.now() });
    if (!res.affected) throw AppError.conflict();
    return this.get(actor, id);
  }

  // ---------------------------------------------------------------- results

  /** Row lock on the inspection for the transaction (SQLite transactions are serialised already). */
  private async lock(em: EntityManager, id: string): Promise<InspectionEntity> {
    const qb = em.getRepository(InspectionEntity).createQueryBuilder('i').where('i.id = :id', { id });
    if (this.mysql) qb.setLock('pessimistic_write');
    return qb.getOneOrFail();
  }

  private assertOpen(insp: InspectionEntity): void {
    if (insp.status === 'submitted') throw AppError.conflict('INSPECTION_SUBMITTED');
    if (insp.status === 'planned') throw AppError.conflict('INSPECTION_NOT_STARTED');
  }

  /** Item results, hazards, good practices and 回头看 marks; idempotent by each entry's clientId. */
  async record(actor: Principal, id: string, batch: ResultsBatch): Promise<ResultsAck> {
    const l = await this.load(actor, id);
    this.assertOpen(l.insp);
    const roles = this.roles(actor, l);
    if (!roles.canRecord || (batch.submit && !roles.canSubmit)) throw AppError.forbidden();
    await this.validateBatch(actor, l.insp, batch);
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const locked = await this.lock(em, id);
      this.assertOpen(locked);
      if (batch.results.length) {
        await em
          .createQueryBuilder()
          .insert()
          .into(InspectionResultEntity)
          .values(
            batch.results.map((r) => ({
              id: randomUUID(), inspectionId: id, itemId: r.itemId, workshopKey: r.workshopId ?? '', clientId: r.clientId, answer: r.answer,
              number: r.number, text: r.text, note: r.note, photoIds: r.photoIds, recordedById: actor.userId, updatedAt: now,
            })),
          )
          .orUpdate(['clientId', 'answer', 'number', 'text', 'note', 'photoIds', 'recordedById', 'updatedAt'], ['inspectionId', 'itemId', 'workshopKey'])
          .execute();
      }
      const findings = [
        ...batch.hazards.map((h) => ({ clientId: h.clientId, kind: 'hazard' as const, itemId: h.itemId, workshopId: h.workshopId, description: h.description, category: h.category, level: h.level, fixMode: h.fixMode, photoIds: h.photoIds })),
        ...batch.goodPractices.map((g) => ({ clientId: g.clientId, kind: 'good_practice' as const, itemId: null, workshopId: g.workshopId, description: g.description, category: null, level: null, fixMode: null, photoIds: g.photoIds })),
      ];
      if (findings.length) {
        await em
          .createQueryBuilder()
          .insert()
          .into(InspectionFindingEntity)
          .values(findings.map((f) => ({ ...f, id: randomUUID(), inspectionId: id, recordedById: actor.userId, hazardId: null, createdAt: now, updatedAt: now })))
          .orUpdate(['itemId', 'workshopId', 'description', 'category', 'level', 'fixMode', 'photoIds', 'recordedById', 'updatedAt'], ['inspectionId', 'clientId'])
          .execute();
      }
      for (const r of batch.rechecks) {
        await em.getRepository(InspectionCarriedEntity).update(
          { inspectionId: id, hazardId: r.hazardId },
          { mark: r.mark, clientId: r.clientId, note: r.note, level: r.level ?? null, fixMode: r.fixMode ?? null, photoIds: r.photoIds, markedById: actor.userId },
        );
      }
      if (batch.submit) await this.submitIn(em, actor, id, locked);
      else await em.getRepository(InspectionEntity).update({ id }, { updatedAt: now });
    });
    return { results: batch.results.length, hazards: batch.hazards.length, goodPractices: batch.goodPractices.length, rechecks: batch.rechecks.length, submitted: batch.submit };
  }

  private async validateBatch(actor: Principal, insp: InspectionEntity, batch: ResultsBatch): Promise<void> {
    const fields: Record<string, string> = {};
    const items = new Map((await this.checklists.items(insp.checklistId)).map((i) => [i.id, i]));
    const shops = new Set((await this.db.getRepository(WorkshopEntity).find({ where: { enterpriseId: insp.hostEnterpriseId }, select: { id: true } })).map((w) => w.id));
    const carried = new Set((await this.db.getRepository(InspectionCarriedEntity).find({ where: { inspectionId: insp.id }, select: { hazardId: true } })).map((c) => c.hazardId));
    const photoIds = [...batch.results, ...batch.hazards, ...batch.goodPractices, ...batch.rechecks].flatMap((e) => e.photoIds);
    const mine = new Set(
      photoIds.length
        ? (await this.db.getRepository(StoredFileEntity).find({ where: { id: In([...new Set(photoIds)]), uploadedById: actor.userId }, select: { id: true } })).map((f) => f.id)
        : [],
    );
    const checkPhotos = (path: string, ids: string[]) => {
      const bad = ids.findIndex((p) => !mine.has(p));
      if (bad >= 0) fields[`${path}.photoIds.${bad}`] = '照片不存在或不是您上传的';
    };
    const checkShop = (path: string, w: string | null) => {
      if (w && !shops.has(w)) fields[`${path}.workshopId`] = '车间不属于受检企业';
    };
    const seen = new Set<string>();
    const dup = (path: string, clientId: string) => {
      if (seen.has(clientId)) fields[`${path}.clientId`] = 'clientId 在本批次中重复';
      seen.add(clientId);
    };
    // A failure of a photo-required item is documented by its own photos or a hazard's for the same spot.
    const hazardPhotos = new Set(batch.hazards.filter((h) => h.photoIds.length).map((h) => `${h.itemId}|${h.workshopId ?? ''}`));
    batch.results.forEach((r, n) => {
      const p = `results.${n}`;
      dup(p, r.clientId);
      const item = items.get(r.itemId);
      if (!item) fields[`${p}.itemId`] = '检查项不在本次检查表中';
      else {
        if (item.answerType === 'number' && r.answer !== 'na' && r.number === null) fields[`${p}.number`] = '请填写读数';
        if (item.answerType === 'text' && r.answer !== 'na' && !r.text) fields[`${p}.text`] = '请填写检查情况';
        if (item.answerType === 'pass_fail' && r.answer === null) fields[`${p}.answer`] = '请选择合格、不合格或不适用';
        if (r.answer === 'fail' && item.photoRequiredOnFail && r.photoIds.length === 0 && !hazardPhotos.has(`${r.itemId}|${r.workshopId ?? ''}`)) {
          fields[`${p}.photoIds`] = '该项不合格时须拍照';
        }
      }
      checkShop(p, r.workshopId);
      checkPhotos(p, r.photoIds);
    });
    batch.hazards.forEach((h, n) => {
      const p = `hazards.${n}`;
      dup(p, h.clientId);
      if (h.itemId) {
        const item = items.get(h.itemId);
        if (!item) fields[`${p}.itemId`] = '检查项不在本次检查表中';
        else if (item.photoRequiredOnFail && h.photoIds.length === 0) fields[`${p}.photoIds`] = '该项隐患须拍照';
      }
      checkShop(p, h.workshopId);
      checkPhotos(p, h.photoIds);
    });
    batch.goodPractices.forEach((g, n) => {
      const p = `goodPractices.${n}`;
      dup(p, g.clientId);
      checkShop(p, g.workshopId);
      checkPhotos(p, g.photoIds);
    });
    batch.rechecks.forEach((r, n) => {
      const p = `rechecks.${n}`;
      dup(p, r.clientId);
      if (!carried.has(r.hazardId)) fields[`${p}.hazardId`] = '该隐患不在本次回头看清单中';
      checkPhotos(p, r.photoIds);
    });
    if (Object.keys(fields).length) throw AppError.validation(fields);
  }

  // ---------------------------------------------------------------- submit

  /**
   * Submits: hazards with deadlines from the cooperative's rules and their `reported` events, recurrences
   * from 回头看, all in one transaction. A second submit (or a race lost) answers 409.
   */
  async submit(actor: Principal, id: string): Promise<Inspection> {
    const l = await this.load(actor, id);
    this.assertOpen(l.insp);
    if (!this.roles(actor, l).canSubmit) throw AppError.forbidden();
    await this.db.transaction((em) => this.submitIn(em, actor, id));
    return this.get(actor, id);
  }

  /** The submit itself, inside the caller's transaction (access already checked). */
  private async submitIn(em: EntityManager, actor: Principal, id: string, locked?: InspectionEntity): Promise<void> {
    const insp = locked ?? (await this.lock(em, id));
    this.assertOpen(insp);
    const now = this.clock.now();
    const rules = await this.hazards.rules(em, insp.cooperativeId);
    const source = insp.type === 'self' ? ('self' as const) : insp.type === 'expert' ? ('expert' as const) : ('peer' as const);
    const findings = await em.getRepository(InspectionFindingEntity).find({ where: { inspectionId: id, kind: 'hazard', hazardId: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } });
    const itemIds = findings.map((f) => f.itemId).filter((x): x is string => !!x);
    const codes = new Map(itemIds.length ? (await em.getRepository(ChecklistItemEntity).find({ where: { id: In(itemIds) }, select: { id: true, code: true } })).map((i) => [i.id, i.code]) : []);
    const base = { enterpriseId: insp.hostEnterpriseId, cooperativeId: insp.cooperativeId, inspectionId: id, source };
    const fromFindings: NewHazard[] = findings.map((f) => ({
      ...base, originId: f.id, workshopId: f.workshopId, itemId: f.itemId, itemCode: f.itemId ? (codes.get(f.itemId) ?? null) : null,
      category: f.category ?? 'housekeeping', description: f.description, level: f.level ?? 'general', fixMode: f.fixMode ?? 'deadline',
      foundById: f.recordedById, photoIds: f.photoIds, recurrenceOfId: null,
    }));
    const recurred = await em.getRepository(InspectionCarriedEntity).find({ where: { inspectionId: id, mark: 'recurred', recurrenceId: IsNull() } });
    const olds = new Map(recurred.length ? (await em.getRepository(HazardEntity).find({ where: { id: In(recurred.map((r) => r.hazardId)) } })).map((h) => [h.id, h]) : []);
    const fromRechecks: NewHazard[] = recurred
      .filter((r) => olds.has(r.hazardId))
      .map((r) => {
        const old = olds.get(r.hazardId) as HazardEntity;
        return {
          ...base, originId: r.id, workshopId: old.workshopId, itemId: old.itemId, itemCode: old.itemCode, category: old.category,
          description: old.description, level: r.level ?? old.level, fixMode: r.fixMode ?? 'deadline', foundById: r.markedById ?? actor.userId,
          photoIds: r.photoIds, recurrenceOfId: old.id, note: r.note ? `回头看发现复发：${r.note}` : '回头看发现复发',
        };
      });
    const created = await this.hazards.createMany(em, [...fromFindings, ...fromRechecks], actor.userId, now, rules);
    for (const h of created.filter((x) => x.recurrenceOfId)) {
      await em.getRepository(InspectionCarriedEntity).update({ id: h.originId as string }, { recurrenceId: h.id });
    }
    // Each finding → its hazard, in one statement (a patrol's batch would otherwise cost one per hazard).
    const made = created.filter((x) => !x.recurrenceOfId);
    if (made.length) {
      const params: Record<string, string> = {};
      const cases = made.map((h, n) => {
        params[`f${n}`] = h.originId as string;
        params[`h${n}`] = h.id;
        return `WHEN :f${n} THEN :h${n}`;
      });
      await em
        .createQueryBuilder()
        .update(InspectionFindingEntity)
        .set({ hazardId: () => `CASE id ${cases.join(' ')} END` })
        .where('id IN (:...made)', { made: made.map((h) => h.originId as string) })
        .setParameters(params)
        .execute();
    }
    // "Still fixed" leaves a line on the old hazard's timeline; its state does not change.
    const fixed = await em.getRepository(InspectionCarriedEntity).find({ where: { inspectionId: id, mark: 'still_fixed' } });
    const fixedHazards = fixed.length ? await em.getRepository(HazardEntity).find({ where: { id: In(fixed.map((f) => f.hazardId)) } }) : [];
    if (fixedHazards.length) {
      await em.getRepository(HazardEventEntity).insert(
        fixed
          .map((f) => ({ f, h: fixedHazards.find((h) => h.id === f.hazardId) }))
          .filter((x): x is { f: InspectionCarriedEntity; h: HazardEntity } => !!x.h)
          .map(({ f, h }) => ({
            id: randomUUID(), hazardId: h.id, kind: 'rechecked' as const, actorId: f.markedById ?? actor.userId, at: now, fromStatus: h.status, toStatus: h.status,
            note: f.note ? `回头看：未复发。${f.note}` : '回头看：未复发', data: { inspectionId: id }, photoIds: f.photoIds,
          })),
      );
    }
    const res = await em.getRepository(InspectionEntity).update({ id, status: 'in_progress' }, { status: 'submitted', submittedAt: now, submittedById: actor.userId, openSelfKey: null });
    if (!res.affected) throw AppError.conflict('INSPECTION_SUBMITTED');
  }

  // ---------------------------------------------------------------- feedback

  /** 集中反馈会: the host's problems, its failures shared by other members lately, and good practices. */
  async feedback(actor: Principal, id: string): Promise<Feedback> {
    const l = await this.load(actor, id);
    const { insp } = l;
    if (insp.type !== 'mutual' || insp.status !== 'submitted') throw AppError.conflict();
    const em = this.db.manager;
    const since = insp.submittedAt ? new Date(insp.submittedAt.getTime() - COMMON_HAZARD_DAYS * 86_400_000) : this.clock.now();
    const sinceDay = addDays(shanghaiDate(insp.submittedAt ?? this.clock.now()), -COMMON_HAZARD_DAYS);
    const [hazards, goods, failed] = await Promise.all([
      em.getRepository(HazardEntity).find({ where: { inspectionId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      em.getRepository(InspectionFindingEntity).find({ where: { inspectionId: id, kind: 'good_practice' }, order: { createdAt: 'ASC', id: 'ASC' } }),
      em
        .getRepository(InspectionResultEntity)
        .createQueryBuilder('r')
        .innerJoin(ChecklistItemEntity, 'ci', 'ci.id = r.itemId')
        .select(['ci.code AS code', 'ci.text AS text', 'ci.category AS category'])
        .where('r.inspectionId = :id AND r.answer = :fail', { id, fail: 'fail' })
        .getRawMany<{ code: string; text: string; category: string }>(),
    ]);
    // The host's failed checks: failed item answers and hazards filed against an item.
    const mine = new Map<string, { text: string; category: string }>();
    for (const f of failed) mine.set(f.code, { text: f.text, category: f.category });
    const hazardItems = hazards.filter((h) => h.itemCode && h.itemId && !mine.has(h.itemCode));
    if (hazardItems.length) {
      const its = await em.getRepository(ChecklistItemEntity).find({ where: { id: In(hazardItems.map((h) => h.itemId as string)) } });
      for (const i of its) mine.set(i.code, { text: i.text, category: i.category });
    }
    const common: Feedback['common'] = [];
    if (mine.size && insp.cooperativeId) {
      const codes = [...mine.keys()];
      const [byResult, byHazard] = await Promise.all([
        em
          .getRepository(InspectionResultEntity)
          .createQueryBuilder('r')
          .innerJoin(ChecklistItemEntity, 'ci', 'ci.id = r.itemId')
          .innerJoin(InspectionEntity, 'o', 'o.id = r.inspectionId')
          .select(['ci.code AS code', 'o.hostEnterpriseId AS enterpriseId'])
          .where('ci.code IN (:...codes) AND r.answer = :fail', { codes, fail: 'fail' })
          .andWhere('o.cooperativeId = :coop AND o.hostEnterpriseId <> :host AND o.status = :sub AND o.submittedAt >= :since', {
            coop: insp.cooperativeId, host: insp.hostEnterpriseId, sub: 'submitted', since,
          })
          .distinct(true)
          .getRawMany<{ code: string; enterpriseId: string }>(),
        em
          .getRepository(HazardEntity)
          .createQueryBuilder('h')
          .select(['h.itemCode AS code', 'h.enterpriseId AS enterpriseId'])
          .where('h.itemCode IN (:...codes) AND h.cooperativeId = :coop AND h.enterpriseId <> :host AND h.foundOn >= :sinceDay', {
            codes, coop: insp.cooperativeId, host: insp.hostEnterpriseId, sinceDay,
          })
          .distinct(true)
          .getRawMany<{ code: string; enterpriseId: string }>(),
      ]);
      const others = new Map<string, Set<string>>();
      for (const r of [...byResult, ...byHazard]) {
        if (!others.has(r.code)) others.set(r.code, new Set());
        (others.get(r.code) as Set<string>).add(r.enterpriseId);
      }
      const entIds = [...new Set([...others.values()].flatMap((s) => [...s]))];
      const names = new Map(entIds.length ? (await em.getRepository(EnterpriseEntity).find({ where: { id: In(entIds) }, select: { id: true, name: true } })).map((e) => [e.id, e.name]) : []);
      for (const [code, ents] of others) {
        const m = mine.get(code);
        if (!m) continue;
        common.push({
          itemCode: code,
          text: m.text,
          category: m.category as Feedback['common'][number]['category'],
          otherEnterprises: ents.size,
          otherEnterpriseNames: [...ents].map((e) => names.get(e) ?? '').sort(),
        });
      }
      common.sort((a, b) => b.otherEnterprises - a.otherEnterprises || a.itemCode.localeCompare(b.itemCode));
    }
    return {
      inspectionId: id,
      hostEnterpriseId: insp.hostEnterpriseId,
      hostName: l.hostName,
      problems: await this.hazards.toDtos(hazards),
      common,
      goodPractices: goods.map(findingDto),
      since: sinceDay,
    };
  }
}

function resultDto(r: InspectionResultEntity): ItemResult {
  return {
    clientId: r.clientId,
    itemId: r.itemId,
    workshopId: r.workshopKey || null,
    answer: r.answer,
    number: r.number === null ? null : Number(r.number),
    text: r.text,
    note: r.note,
    photoIds: r.photoIds,
    recordedById: r.recordedById,
    updatedAt: r.updatedAt.toISOString(),
  };
}

function findingDto(f: InspectionFindingEntity): Finding {
  return {
    clientId: f.clientId,
    kind: f.kind,
    itemId: f.itemId,
    workshopId: f.workshopId,
    description: f.description,
    category: f.category,
    level: f.level,
    fixMode: f.fixMode,
    photoIds: f.photoIds,
    recordedById: f.recordedById,
    hazardId: f.hazardId,
  };
}
