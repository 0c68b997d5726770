import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { shanghaiDate } from '../../../shared/dates';
import { clipText } from '../../../shared/text';
import { type HazardAction, type HazardRelation, decide } from '../../../shared/hazard-lifecycle';
import type { Principal } from '../../../shared/policy';
import type { ExtensionBody, HazardDetail, HazardEventKind, HazardPlanBody, RectificationBody, VerificationBody, VoidBody } from '../../../shared/schemas/hazards';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { isUniqueViolation } from '../database/db-errors';
import { StoredFileEntity } from '../files/stored-file.entity';
import { type NewNotification, NotificationsService } from '../notifications/notifications.service';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { ScopeService } from '../org/scope.service';
import { HazardPeople, hazardFacts } from './hazard-people';
import { HazardEntity, HazardEventEntity } from './hazard.entity';
import { HazardsService } from './hazards.service';

/** What one move writes: the hazard's new columns, its event, and who is told. */
interface Change {
  set: Partial<HazardEntity>;
  event: { kind: HazardEventKind; note: string | null; data: Record<string, string | number | boolean> | null; photoIds: string[]; clientId?: string };
  notify: (em: EntityManager, h: HazardEntity, enterpriseName: string) => Promise<NewNotification[]>;
}

const yuanToFen = (yuan: number): number => Math.round(yuan * 100);

/**
 * The moves of the hazard loop (shared/hazard-lifecycle.ts decides; docs/domain.md "Who may move a hazard").
 * Each move is one transaction: a conditional UPDATE on the hazard's version (a second mover at the same
 * time changes nothing and gets 409 HAZARD_CHANGED), one appended event, and the inbox notices.
 */
@Injectable()
export class HazardLifecycleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly people: HazardPeople,
    private readonly hazards: HazardsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async plan(actor: Principal, id: string, body: HazardPlanBody): Promise<HazardDetail> {
    return this.move(actor, id, 'submit_plan', undefined, async (h) => {
      if (body.deadline > h.deadline) throw AppError.validation({ deadline: `治理时限不能晚于整改期限 ${h.deadline}，如需更多时间请申请延期` });
      const now = this.clock.now();
      return {
        set: {
          planResponsible: body.responsible,
          planMeasures: body.measures,
          planFundsFen: yuanToFen(body.funds),
          planDeadline: body.deadline,
          planContingency: body.contingency,
          planSubmittedAt: now,
        },
        event: {
          kind: 'plan_submitted',
          note: body.measures,
          data: { responsible: body.responsible, funds: body.funds, deadline: body.deadline, contingency: body.contingency },
          photoIds: [],
        },
        notify: async (em, hz, ent) =>
          (await this.people.supervisors(em, hz)).map((userId) => ({
            userId,
            kind: 'hazard_major_reported' as const,
            title: '重大隐患治理方案',
            body: `「${ent}」已填报重大隐患治理方案：${clipText(hz.description)}，责任人 ${body.responsible}，时限 ${body.deadline}。`,
            link: `/hazards/${hz.id}`,
            dedupeKey: `hazard_plan:${hz.id}:${now.getTime()}:${userId}`,
          })),
      };
    });
  }

  async rectify(actor: Principal, id: string, body: RectificationBody): Promise<HazardDetail> {
    if (body.clientId) {
      const done = await this.db.getRepository(HazardEventEntity).findOneBy({ clientId: body.clientId });
      // the same submission again (a dropped connection): the first one's result
      if (done) return done.hazardId === id ? this.hazards.get(actor, id) : Promise.reject(AppError.conflict('CONFLICT', 'clientId 已用于另一条隐患'));
    }
    try {
      return await this.move(actor, id, 'submit_rectification', undefined, async (h) => {
        const now = this.clock.now();
        const today = shanghaiDate(now);
        const completedOn = body.completedOn ?? today;
        if (completedOn > today) throw AppError.validation({ completedOn: '完成日期不能晚于今天' });
        if (completedOn < h.foundOn) throw AppError.validation({ completedOn: `完成日期不能早于发现日期 ${h.foundOn}` });
        await this.ownPhotos(actor, body.photoIds, 'photoIds');
        return {
          set: {
            rectMeasures: body.measures,
            rectCostFen: yuanToFen(body.cost),
            rectResponsible: body.responsible,
            rectPhotoIds: body.photoIds,
            rectCompletedOn: completedOn,
            rectSubmittedAt: now,
            rectSubmittedById: actor.userId,
          },
          event: {
            kind: 'rectification_submitted',
            note: body.measures,
            data: { cost: body.cost, responsible: body.responsible, completedOn },
            photoIds: body.photoIds,
            clientId: body.clientId,
          },
          notify: async (em, hz, ent) =>
            (await this.people.verifiers(em, hz))
              .filter((u) => u !== actor.userId)
              .map((userId) => ({
                userId,
                kind: 'hazard_rectified' as const,
                title: '隐患待验收',
                body: `「${ent}」已提交整改：${clipText(hz.description)}，请验收。`,
                link: `/hazards/${hz.id}`,
                dedupeKey: `hazard_rectified:${hz.id}:${hz.version}:${userId}`,
              })),
        };
      });
    } catch (err) {
      // a twin of this submission won the race: answer as it did
      if (body.clientId && (isUniqueViolation(err) || (err instanceof AppError && err.status === 409))) {
        const done = await this.db.getRepository(HazardEventEntity).findOneBy({ clientId: body.clientId });
        if (done?.hazardId === id) return this.hazards.get(actor, id);
      }
      throw err;
    }
  }

  async verify(actor: Principal, id: string, body: VerificationBody): Promise<HazardDetail> {
    return this.move(actor, id, body.decision, body.version, async () => {
      const photoIds = body.photoIds ?? [];
      await this.ownPhotos(actor, photoIds, 'photoIds');
      const now = this.clock.now();
      const note = body.note?.trim() ? body.note.trim() : null;
      const accepted = body.decision === 'accept';
      return {
        set: accepted ? { verifiedById: actor.userId, verifiedAt: now, closedAt: now } : { verifiedById: null, verifiedAt: null },
        event: { kind: accepted ? 'accepted' : 'rejected', note, data: null, photoIds },
        notify: async (em, hz, ent) =>
          (await this.people.enterprise(em, hz.enterpriseId)).map((userId) => ({
            userId,
            kind: 'hazard_verified' as const,
            title: accepted ? '隐患已验收销号' : '整改被退回',
            body: accepted ? `「${ent}」的隐患已验收通过：${clipText(hz.description)}。` : `整改未通过验收：${clipText(hz.description)}。原因：${clipText(note ?? '')}`,
            link: `/hazards/${hz.id}`,
            dedupeKey: `hazard_verified:${hz.id}:${hz.version}:${userId}`,
          })),
      };
    });
  }

  /** The enterprise asks; a granter grants (at once, or a pending request) or denies a pending request. */
  async extension(actor: Principal, id: string, body: ExtensionBody): Promise<HazardDetail> {
    const action: HazardAction = body.decision === 'grant' ? 'grant_extension' : body.decision === 'deny' ? 'deny_extension' : 'request_extension';
    return this.move(actor, id, action, undefined, async (h) => {
      const now = this.clock.now();
      if (action !== 'deny_extension') {
        const wanted = body.deadline ?? '';
        if (wanted <= h.deadline) throw AppError.validation({ deadline: `新的期限须晚于当前期限 ${h.deadline}` });
      }
      const clearRequest = { extDeadline: null, extReason: null, extRequestedById: null, extRequestedAt: null };
      if (action === 'request_extension') {
        return {
          set: { extDeadline: body.deadline ?? null, extReason: body.reason, extRequestedById: actor.userId, extRequestedAt: now },
          event: { kind: 'extension_requested', note: body.reason, data: { deadline: h.deadline, requestedDeadline: body.deadline ?? '' }, photoIds: [] },
          notify: async (em, hz, ent) => {
            const deciders = [...(await this.people.verifiers(em, hz)), ...(hz.level === 'major' ? await this.people.supervisors(em, hz) : [])];
            return [...new Set(deciders)].map((userId) => ({
              userId,
              kind: 'hazard_extension' as const,
              title: '延期申请待审批',
              body: `「${ent}」申请将隐患整改期限延至 ${body.deadline}：${clipText(hz.description)}。理由：${clipText(body.reason)}`,
              link: `/hazards/${hz.id}`,
              dedupeKey: `hazard_extension:${hz.id}:${hz.version}:${userId}`,
            }));
          },
        };
      }
      const granted = action === 'grant_extension';
      const event: Change['event'] = granted
        ? { kind: 'extended', note: body.reason, data: { deadlineBefore: h.deadline, deadlineAfter: body.deadline ?? '' }, photoIds: [] }
        : { kind: 'extension_denied', note: body.reason, data: h.extDeadline ? { requestedDeadline: h.extDeadline } : null, photoIds: [] };
      return {
        set: granted ? { ...clearRequest, deadline: body.deadline } : clearRequest,
        event,
        notify: async (em, hz, ent) =>
          (await this.people.enterprise(em, hz.enterpriseId)).map((userId) => ({
            userId,
            kind: 'hazard_extension' as const,
            title: granted ? '整改期限已延长' : '延期申请未获批准',
            body: granted ? `「${ent}」的隐患整改期限已延至 ${body.deadline}：${clipText(hz.description)}。` : `延期申请未获批准，请按原期限 ${h.deadline} 完成整改：${clipText(hz.description)}。`,
            link: `/hazards/${hz.id}`,
            dedupeKey: `hazard_extension:${hz.id}:${hz.version}:${userId}`,
          })),
      };
    });
  }

  async void(actor: Principal, id: string, body: VoidBody): Promise<HazardDetail> {
    return this.move(actor, id, 'void', undefined, async () => ({
      set: { closedAt: this.clock.now(), extDeadline: null, extReason: null, extRequestedById: null, extRequestedAt: null },
      event: { kind: 'voided', note: body.reason, data: null, photoIds: [] },
      notify: async (em, hz, ent) =>
        (await this.people.enterprise(em, hz.enterpriseId)).map((userId) => ({
          userId,
          kind: 'hazard_voided' as const,
          title: '隐患已作废',
          body: `「${ent}」的隐患已作废：${clipText(hz.description)}。理由：${clipText(body.reason)}`,
          link: `/hazards/${hz.id}`,
          dedupeKey: `hazard_voided:${hz.id}:${userId}`,
        })),
    }));
  }

  /** The caller's relations to a readable hazard (404 when it is not readable). */
  async load(actor: Principal, id: string, em: EntityManager = this.db.manager): Promise<{ h: HazardEntity; relations: Set<HazardRelation> }> {
    const scope = await this.scope.of(actor);
    const qb = em.getRepository(HazardEntity).createQueryBuilder('h').innerJoin(EnterpriseEntity, 'e', 'e.id = h.enterpriseId').where('h.id = :id', { id });
    this.scope.where(qb, this.scope.hazardReadable(scope, 'h', 'e'));
    const h = await qb.getOne();
    if (!h) throw AppError.notFound();
    return { h, relations: await this.people.relations(em, actor, scope, h) };
  }

  private async move(actor: Principal, id: string, action: HazardAction, seenVersion: number | undefined, build: (h: HazardEntity) => Promise<Change>): Promise<HazardDetail> {
    const { h, relations } = await this.load(actor, id);
    const verdict = decide(action, hazardFacts(h), relations);
    if (!verdict.ok && verdict.status === 403) throw AppError.forbidden();
    // a screen older than the hazard: say so rather than why the move no longer fits
    if (seenVersion !== undefined && seenVersion !== h.version) throw AppError.conflict('HAZARD_CHANGED');
    if (!verdict.ok) throw AppError.conflict(verdict.code);
    const change = await build(h);
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const set = { ...change.set, status: verdict.to, version: h.version + 1, updatedAt: now };
      // the version check is the lock: of two movers who read the same version, one updates a row
      const res = await em.getRepository(HazardEntity).update({ id: h.id, version: h.version }, set);
      if (!res.affected) throw AppError.conflict('HAZARD_CHANGED');
      const after = Object.assign(new HazardEntity(), h, set);
      await em.getRepository(HazardEventEntity).insert({
        id: randomUUID(),
        hazardId: h.id,
        actorId: actor.userId,
        at: now,
        fromStatus: h.status,
        toStatus: verdict.to,
        kind: change.event.kind,
        note: change.event.note,
        data: change.event.data,
        photoIds: change.event.photoIds,
        clientId: change.event.clientId ?? null,
      });
      const ent = await em.getRepository(EnterpriseEntity).findOne({ where: { id: h.enterpriseId }, select: { id: true, name: true } });
      await this.notifications.add(em, await change.notify(em, after, ent?.name ?? ''));
    });
    return this.hazards.get(actor, id);
  }

  /** Photos must be files the caller uploaded. */
  private async ownPhotos(actor: Principal, ids: string[], path: string): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.db.getRepository(StoredFileEntity).find({ where: { id: In([...new Set(ids)]), uploadedById: actor.userId }, select: { id: true } });
    const ok = new Set(found.map((f) => f.id));
    const bad = ids.findIndex((x) => !ok.has(x));
    if (bad >= 0) throw AppError.validation({ [`${path}.${bad}`]: '照片不存在或不是您上传的' });
  }
}
