import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type SelectQueryBuilder } from 'typeorm';
import { shanghaiDate } from '../../../shared/dates';
import { type Principal, isAdmin, isCoopAdminOf } from '../../../shared/policy';
import type {
  CreateExpertVisitBody,
  ExpertVisit,
  ExpertVisitDetail,
  ExpertVisitList,
  ExpertVisitQuery,
  PrescriptionBody,
  PrescriptionItem,
} from '../../../shared/schemas/experts';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { HazardEntity } from '../hazards/hazard.entity';
import { HazardsService } from '../hazards/hazards.service';
import { InspectionEntity } from '../inspections/inspection.entity';
import { InspectionsService } from '../inspections/inspections.service';
import { memberPeople } from '../notices/member-people';
import { NotificationsService } from '../notifications/notifications.service';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { MembershipEntity } from '../org/membership.entity';
import { ScopeService } from '../org/scope.service';
import { UserEntity } from '../users/user.entity';
import { ExpertProfileEntity, ExpertVisitEntity } from './expert.entity';
import { ExpertsService } from './experts.service';
import { renderPrescription } from './prescription-pdf';

/** Visits: scheduling (an `expert` inspection with the expert as its group), reading, the prescription. */
@Injectable()
export class ExpertVisitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly inspections: InspectionsService,
    private readonly hazards: HazardsService,
    private readonly experts: ExpertsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The supervisor over the enterprise's place or its cooperative's admin schedules; expert and enterprise are told. */
  async create(actor: Principal, body: CreateExpertVisitBody): Promise<ExpertVisitDetail> {
    const ent = await this.db.getRepository(EnterpriseEntity).findOneBy({ id: body.enterpriseId });
    if (!ent) throw AppError.validation({ enterpriseId: '企业不存在' });
    const m = await this.db.getRepository(MembershipEntity).findOne({ where: { enterpriseId: ent.id, until: IsNull() }, order: { since: 'ASC' } });
    const coop = m ? await this.db.getRepository(CooperativeEntity).findOneByOrFail({ id: m.cooperativeId }) : null;
    const regionId = ent.regionId ?? coop?.regionId ?? null;
    const chain = regionId ? ((await this.scope.regionChain(regionId)) ?? []) : [];
    const coopChain = coop ? ((await this.scope.regionChain(coop.regionId)) ?? []) : [];
    const s = await this.scope.of(actor);
    const supervises = [...chain, ...coopChain].some((r) => s.supervisedRegionIds.includes(r));
    if (!isAdmin(actor) && !(coop && isCoopAdminOf(actor, coop.id)) && !supervises) throw AppError.forbidden();
    if (!regionId) throw AppError.validation({ enterpriseId: '企业未登记所在区域' });
    if (!(await this.experts.serves(body.expertUserId, coop?.id ?? null, [...new Set([...chain, ...coopChain])]))) {
      throw AppError.validation({ expertUserId: '该用户不是服务于该企业所在区域的专家' });
    }
    const expert = await this.db.getRepository(UserEntity).findOneByOrFail({ id: body.expertUserId });
    const id = await this.db.transaction(async (em) => {
      const inspectionId = await this.inspections.createExpertRound(em, actor, {
        hostEnterpriseId: ent.id, cooperativeId: coop?.id ?? null, expertUserId: expert.id, scheduledOn: body.scheduledOn, checklistId: body.checklistId,
      });
      const v = await em.getRepository(ExpertVisitEntity).save(
        em.getRepository(ExpertVisitEntity).create({
          inspectionId, expertUserId: expert.id, enterpriseId: ent.id, cooperativeId: coop?.id ?? null, regionId, scheduledOn: body.scheduledOn,
          purpose: body.purpose, advice: null, itemAdvice: {}, followUp: null, createdById: actor.userId,
        }),
      );
      const people = coop ? await memberPeople(em, [coop.id], [ent.id]) : [];
      const text = `${body.scheduledOn} 专家${expert.name}到「${ent.name}」上门检查（把脉问诊）。检查重点：${body.purpose}`.slice(0, 500);
      await this.notifications.add(em, [
        { userId: expert.id, kind: 'expert_visit', title: '专家上门任务', body: text, link: `/expert-visits/${v.id}`, dedupeKey: `expert_visit:${v.id}:${expert.id}` },
        ...people
          .filter((p) => p.userId !== expert.id)
          .map((p) => ({ userId: p.userId, kind: 'expert_visit' as const, title: '专家上门检查安排', body: text, link: `/expert-visits/${v.id}`, dedupeKey: `expert_visit:${v.id}:${p.userId}` })),
      ]);
      return v.id;
    });
    return this.get(actor, id);
  }

  private base(): SelectQueryBuilder<ExpertVisitEntity> {
    return this.db
      .getRepository(ExpertVisitEntity)
      .createQueryBuilder('v')
      .innerJoin(InspectionEntity, 'i', 'i.id = v.inspectionId')
      .innerJoin(EnterpriseEntity, 'h', 'h.id = v.enterpriseId')
      .innerJoin(UserEntity, 'x', 'x.id = v.expertUserId')
      .addSelect(['i.status AS status', 'i.submittedAt AS submittedAt', 'h.name AS enterpriseName', 'x.name AS expertName'])
      .addSelect("(SELECT COUNT(*) FROM inspection_findings f WHERE f.inspectionId = v.inspectionId AND f.kind = 'hazard')", 'hazardCount');
  }

  private summary(v: ExpertVisitEntity, raw: Record<string, unknown>): ExpertVisit {
    const sub = raw.submittedAt;
    return {
      id: v.id, inspectionId: v.inspectionId, status: raw.status as ExpertVisit['status'], expertUserId: v.expertUserId, expertName: String(raw.expertName ?? ''),
      enterpriseId: v.enterpriseId, enterpriseName: String(raw.enterpriseName ?? ''), cooperativeId: v.cooperativeId, scheduledOn: v.scheduledOn,
      purpose: v.purpose, hazardCount: Number(raw.hazardCount ?? 0), advice: v.advice, followUp: v.followUp, createdAt: v.createdAt.toISOString(),
      submittedAt: sub === null || sub === undefined ? null : sub instanceof Date ? sub.toISOString() : new Date(`${String(sub).replace(' ', 'T')}Z`).toISOString(),
    };
  }

  async list(actor: Principal, q: ExpertVisitQuery): Promise<ExpertVisitList> {
    const qb = this.base();
    this.scope.where(qb, this.scope.inspectionReadable(await this.scope.of(actor), 'i', 'h'));
    if (q.mine === 'true') qb.andWhere('v.expertUserId = :me', { me: actor.userId });
    if (q.status) qb.andWhere('i.status = :qs', { qs: q.status });
    if (q.expertUserId) qb.andWhere('v.expertUserId = :qx', { qx: q.expertUserId });
    if (q.enterpriseId) qb.andWhere('v.enterpriseId = :qe', { qe: q.enterpriseId });
    if (q.cooperativeId) qb.andWhere('v.cooperativeId = :qc', { qc: q.cooperativeId });
    if (q.from) qb.andWhere('v.scheduledOn >= :qf', { qf: q.from });
    if (q.to) qb.andWhere('v.scheduledOn <= :qt', { qt: q.to });
    const total = await qb.getCount();
    // planned ones first (soonest), then what was done (latest)
    const { entities, raw } = await qb
      .orderBy("CASE WHEN i.status = 'submitted' THEN 1 ELSE 0 END", 'ASC')
      .addOrderBy('v.scheduledOn', 'DESC')
      .addOrderBy('v.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawAndEntities();
    return { items: entities.map((e, n) => this.summary(e, raw[n] as Record<string, unknown>)), total, page: q.page, pageSize: q.pageSize };
  }

  /** A visit the caller may read (who may read its inspection: the expert, the enterprise's readers), else 404. */
  private async load(actor: Principal, id: string): Promise<{ v: ExpertVisitEntity; raw: Record<string, unknown> }> {
    const qb = this.base().where('v.id = :id', { id });
    this.scope.where(qb, this.scope.inspectionReadable(await this.scope.of(actor), 'i', 'h'));
    const { entities, raw } = await qb.getRawAndEntities();
    if (entities.length === 0) throw AppError.notFound();
    return { v: entities[0], raw: raw[0] as Record<string, unknown> };
  }

  private async items(v: ExpertVisitEntity): Promise<PrescriptionItem[]> {
    const rows = await this.db.getRepository(HazardEntity).find({ where: { inspectionId: v.inspectionId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return (await this.hazards.toDtos(rows)).map((h) => ({
      hazardId: h.id, description: h.description, place: h.workshopName, level: h.level, fixMode: h.fixMode, deadline: h.deadline,
      status: h.status, advice: v.itemAdvice[h.id] || null,
    }));
  }

  async get(actor: Principal, id: string): Promise<ExpertVisitDetail> {
    const { v, raw } = await this.load(actor, id);
    const summary = this.summary(v, raw);
    return {
      ...summary,
      items: await this.items(v),
      canEditPrescription: v.expertUserId === actor.userId || isAdmin(actor),
      prescriptionReady: summary.status === 'submitted',
    };
  }

  /** The expert writes the prescription: general advice, advice per hazard of this visit, follow-up. */
  async prescribe(actor: Principal, id: string, body: PrescriptionBody): Promise<ExpertVisitDetail> {
    const { v } = await this.load(actor, id);
    if (v.expertUserId !== actor.userId && !isAdmin(actor)) throw AppError.forbidden();
    const hazardIds = body.items.map((i) => i.hazardId);
    const mine = new Set(
      hazardIds.length ? (await this.db.getRepository(HazardEntity).find({ where: { id: In(hazardIds), inspectionId: v.inspectionId }, select: { id: true } })).map((h) => h.id) : [],
    );
    const fields: Record<string, string> = {};
    body.items.forEach((i, n) => {
      if (!mine.has(i.hazardId)) fields[`items.${n}.hazardId`] = '该隐患不是本次上门检查发现的';
    });
    if (Object.keys(fields).length) throw AppError.validation(fields);
    const itemAdvice = { ...v.itemAdvice };
    for (const i of body.items) {
      if (i.advice) itemAdvice[i.hazardId] = i.advice;
      else delete itemAdvice[i.hazardId];
    }
    await this.db.getRepository(ExpertVisitEntity).update({ id }, { advice: body.advice || null, itemAdvice, followUp: body.followUp });
    return this.get(actor, id);
  }

  /** 整改处方 as a PDF, once the visit's inspection is submitted (its hazards exist then). */
  async prescriptionPdf(actor: Principal, id: string): Promise<{ pdf: Buffer; filename: string }> {
    const detail = await this.get(actor, id);
    if (!detail.prescriptionReady) throw AppError.conflict('PRESCRIPTION_NOT_READY');
    const { v } = await this.load(actor, id);
    const profile = await this.db.getRepository(ExpertProfileEntity).findOneBy({ userId: v.expertUserId });
    const issuedOn = shanghaiDate(this.clock.now());
    const pdf = await renderPrescription({
      number: `ZC-${v.scheduledOn.replace(/-/g, '')}-${v.id.slice(0, 6).toUpperCase()}`,
      enterpriseName: detail.enterpriseName,
      expertName: detail.expertName,
      expertTitle: profile?.title ?? null,
      visitedOn: detail.scheduledOn,
      purpose: detail.purpose,
      items: detail.items,
      advice: detail.advice,
      followUp: detail.followUp,
      issuedOn,
    });
    return { pdf, filename: `整改处方-${detail.enterpriseName}-${detail.scheduledOn}.pdf` };
  }
}
