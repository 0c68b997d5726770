import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../shared/policy';
import type { DeadlineRulesBody, HazardDetail } from '../../../shared/schemas/hazards';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { CooperativeEntity } from '../org/cooperative.entity';
import { ScopeService } from '../org/scope.service';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DEFAULT_DEADLINE_RULES, type DeadlineRules, type FixMode, daysUntil, hazardDeadline, isOverdue } from '../../../shared/deadlines';
import { shanghaiDate } from '../../../shared/dates';
import type { FindingSource, HazardLevel } from '../../../shared/enums';
import type { CheckCategory } from '../../../shared/schemas/checklists';
import type { Hazard } from '../../../shared/schemas/hazards';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { UserEntity } from '../users/user.entity';
import { WorkshopEntity } from '../workshops/workshop.entity';
import { allowedActions } from '../../../shared/hazard-lifecycle';
import { clipText } from '../../../shared/text';
import { NotificationsService } from '../notifications/notifications.service';
import { HazardPeople, hazardFacts } from './hazard-people';
import { DeadlineRulesEntity, HazardEntity, HazardEventEntity } from './hazard.entity';

export interface NewHazard {
  enterpriseId: string;
  cooperativeId: string | null;
  inspectionId: string | null;
  originId: string;
  workshopId: string | null;
  itemId: string | null;
  itemCode: string | null;
  category: CheckCategory;
  description: string;
  level: HazardLevel;
  fixMode: FixMode;
  source: FindingSource;
  foundById: string;
  photoIds: string[];
  recurrenceOfId: string | null;
  /** The reported event's note (e.g. "回头看发现复发"). */
  note?: string | null;
}

/** Hazards are born here (with their `reported` event); hazard-lifecycle.service.ts moves them. */
@Injectable()
export class HazardsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly people: HazardPeople,
    private readonly notifications: NotificationsService,
  ) {}

  async get(actor: Principal, id: string): Promise<HazardDetail> {
    const scope = await this.scope.of(actor);
    const qb = this.db.getRepository(HazardEntity).createQueryBuilder('h').innerJoin(EnterpriseEntity, 'e', 'e.id = h.enterpriseId').where('h.id = :id', { id });
    this.scope.where(qb, this.scope.hazardReadable(scope, 'h', 'e'));
    const row = await qb.getOne();
    if (!row) throw AppError.notFound();
    const [dto] = await this.toDtos([row]);
    const events = await this.db.getRepository(HazardEventEntity).find({ where: { hazardId: id }, order: { at: 'ASC', id: 'ASC' } });
    const userIds = [...events.map((e) => e.actorId), row.rectSubmittedById, row.verifiedById, row.extRequestedById];
    const users = await this.db.getRepository(UserEntity).find({ where: { id: In(userIds.filter((x): x is string => !!x)) }, select: { id: true, name: true } });
    const nameOf = (uid: string | null): string | null => (uid ? (users.find((a) => a.id === uid)?.name ?? null) : null);
    const relations = await this.people.relations(this.db.manager, actor, scope, row);
    return {
      ...dto,
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        actorId: e.actorId,
        actorName: nameOf(e.actorId),
        at: e.at.toISOString(),
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note,
        data: e.data,
        photoIds: e.photoIds,
      })),
      plan: row.planSubmittedAt
        ? {
            responsible: row.planResponsible ?? '',
            measures: row.planMeasures ?? '',
            funds: (row.planFundsFen ?? 0) / 100,
            deadline: row.planDeadline ?? '',
            contingency: row.planContingency ?? '',
            submittedAt: row.planSubmittedAt.toISOString(),
          }
        : null,
      rectification: row.rectSubmittedAt
        ? {
            measures: row.rectMeasures ?? '',
            cost: (row.rectCostFen ?? 0) / 100,
            responsible: row.rectResponsible ?? '',
            photoIds: row.rectPhotoIds ?? [],
            completedOn: row.rectCompletedOn ?? '',
            submittedAt: row.rectSubmittedAt.toISOString(),
            submittedByName: nameOf(row.rectSubmittedById) ?? '',
          }
        : null,
      extensionRequest: row.extRequestedAt
        ? { deadline: row.extDeadline ?? '', reason: row.extReason ?? '', requestedAt: row.extRequestedAt.toISOString(), requestedByName: nameOf(row.extRequestedById) ?? '' }
        : null,
      verifiedByName: nameOf(row.verifiedById),
      verifiedOn: row.verifiedAt ? shanghaiDate(row.verifiedAt) : null,
      actions: allowedActions(hazardFacts(row), relations),
    };
  }

  /** The rules as the cooperative's readers see them. */
  async readRules(actor: Principal, cooperativeId: string): Promise<DeadlineRules> {
    const scope = await this.scope.of(actor);
    const qb = this.db.getRepository(CooperativeEntity).createQueryBuilder('c').where('c.id = :id', { id: cooperativeId });
    this.scope.where(qb, this.scope.cooperativeReadable(scope, 'c'));
    if ((await qb.getCount()) === 0) throw AppError.notFound();
    return pickRules(await this.rules(this.db.manager, cooperativeId));
  }

  /** The coop admin sets the cooperative's rules; hazards already reported keep their deadlines. */
  async setRules(actor: Principal, cooperativeId: string, body: DeadlineRulesBody): Promise<DeadlineRules> {
    await this.readRules(actor, cooperativeId);
    const scope = await this.scope.of(actor);
    if (!scope.all && !scope.managedCooperativeIds.includes(cooperativeId)) throw AppError.forbidden();
    await this.db.getRepository(DeadlineRulesEntity).upsert({ cooperativeId, ...body }, ['cooperativeId']);
    return pickRules(await this.rules(this.db.manager, cooperativeId));
  }

  /** A cooperative's deadline rules, or the defaults. */
  async rules(em: EntityManager, cooperativeId: string | null): Promise<DeadlineRules> {
    if (!cooperativeId) return DEFAULT_DEADLINE_RULES;
    const row = await em.getRepository(DeadlineRulesEntity).findOneBy({ cooperativeId });
    return row ? pickRules(row) : DEFAULT_DEADLINE_RULES;
  }

  /** Creates hazards with deadlines from the rules and their `reported` events, in the caller's transaction. */
  async createMany(em: EntityManager, input: NewHazard[], actorId: string, now: Date, rules: DeadlineRules): Promise<HazardEntity[]> {
    if (input.length === 0) return [];
    const foundOn = shanghaiDate(now);
    const rows = input.map(({ note: _note, ...h }) => {
      const d = hazardDeadline({ level: h.level, fixMode: h.fixMode, foundAt: now }, rules);
      return em.getRepository(HazardEntity).create({
        ...h,
        id: randomUUID(),
        foundOn,
        deadline: d.deadline,
        planDueOn: d.planDueOn,
        status: 'reported',
        closedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    });
    // updateEntity(false): on SQLite TypeORM reads generated values of a multi-row insert back by rowid and
    // can hand one row's id to another; the ids are ours already
    await em.createQueryBuilder().insert().into(HazardEntity).values(rows).updateEntity(false).execute();
    await em.getRepository(HazardEventEntity).insert(
      rows.map((h, i) => ({
        id: randomUUID(),
        hazardId: h.id,
        kind: 'reported' as const,
        actorId,
        at: now,
        fromStatus: null,
        toStatus: 'reported' as const,
        note: input[i].note ?? null,
        data: { deadline: h.deadline, ...(h.planDueOn ? { planDueOn: h.planDueOn } : {}), level: h.level, fixMode: h.fixMode },
        photoIds: h.photoIds,
      })),
    );
    await this.tellSupervisors(em, rows.filter((h) => h.level === 'major'));
    return rows;
  }

  /** A major hazard is the supervisor's from the moment it is reported (docs/domain.md). */
  private async tellSupervisors(em: EntityManager, majors: HazardEntity[]): Promise<void> {
    for (const h of majors) {
      const ent = await em.getRepository(EnterpriseEntity).findOne({ where: { id: h.enterpriseId }, select: { id: true, name: true } });
      await this.notifications.add(
        em,
        (await this.people.supervisors(em, h)).map((userId) => ({
          userId,
          kind: 'hazard_major_reported' as const,
          title: '发现重大隐患',
          body: `「${ent?.name ?? ''}」发现重大隐患：${clipText(h.description)}。治理方案须于 ${h.planDueOn ?? h.deadline} 前填报，整改期限 ${h.deadline}。`,
          link: `/hazards/${h.id}`,
          dedupeKey: `hazard_major_reported:${h.id}:${userId}`,
        })),
      );
    }
  }

  /** DTOs with enterprise, workshop and finder names (three lookups for any number of hazards). */
  async toDtos(rows: HazardEntity[], em: EntityManager = this.db.manager): Promise<Hazard[]> {
    if (rows.length === 0) return [];
    const names = async <T extends { id: string; name: string }>(entity: new () => T, ids: (string | null)[]): Promise<Map<string, string>> => {
      const wanted = [...new Set(ids.filter((x): x is string => !!x))];
      if (wanted.length === 0) return new Map();
      // The repositories' find options are typed per entity; every entity here has id and name.
      const found = (await em.getRepository(entity).find({ where: { id: In(wanted) } as never, select: { id: true, name: true } as never })) as T[];
      return new Map(found.map((r) => [r.id, r.name]));
    };
    const [ents, shops, users] = await Promise.all([
      names(EnterpriseEntity, rows.map((r) => r.enterpriseId)),
      names(WorkshopEntity, rows.map((r) => r.workshopId)),
      names(UserEntity, rows.map((r) => r.foundById)),
    ]);
    const now = this.clock.now();
    const today = shanghaiDate(now);
    return rows.map((h) => ({
      id: h.id,
      enterpriseId: h.enterpriseId,
      enterpriseName: ents.get(h.enterpriseId) ?? '',
      cooperativeId: h.cooperativeId,
      inspectionId: h.inspectionId,
      workshopId: h.workshopId,
      workshopName: h.workshopId ? (shops.get(h.workshopId) ?? null) : null,
      itemId: h.itemId,
      itemCode: h.itemCode,
      category: h.category,
      description: h.description,
      level: h.level,
      fixMode: h.fixMode,
      source: h.source,
      foundById: h.foundById,
      foundByName: users.get(h.foundById) ?? '',
      foundOn: h.foundOn,
      deadline: h.deadline,
      planDueOn: h.planDueOn,
      status: h.status,
      recurrenceOfId: h.recurrenceOfId,
      photoIds: h.photoIds,
      closedAt: h.closedAt ? h.closedAt.toISOString() : null,
      createdAt: h.createdAt.toISOString(),
      overdue: isOverdue(h, now),
      daysLeft: daysUntil(h.deadline, today),
      version: h.version,
    }));
  }
}

function pickRules(r: DeadlineRules): DeadlineRules {
  return { immediateDays: r.immediateDays, generalDays: r.generalDays, majorDays: r.majorDays, majorPlanDays: r.majorPlanDays };
}
