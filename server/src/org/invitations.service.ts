import { randomInt } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import { DataSource, type EntityManager, In, IsNull, Repository } from 'typeorm';
import { shanghaiDate } from '../../../shared/dates';
import { type Principal, canManageCooperative, isMemberOf } from '../../../shared/policy';
import type {
  AcceptInvitationBody,
  AcceptInvitationResponse,
  CreateInvitationBody,
  Invitation,
  InvitationList,
  InvitationPreview,
} from '../../../shared/schemas/org';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/config';
import { isUniqueViolation } from '../database/db-errors';
import { UsersService } from '../users/users.service';
import { CooperativeEntity } from './cooperative.entity';
import { CooperativesService } from './cooperatives.service';
import { EnterpriseEntity } from './enterprise.entity';
import { EnterprisesService } from './enterprises.service';
import { InvitationEntity } from './invitation.entity';
import { MembershipEntity } from './membership.entity';
import { RegionEntity } from './region.entity';

// No 0/O, 1/I: codes are read aloud and typed from paper.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const DAY_MS = 24 * 3600 * 1000;
// The coop admin's list shows the newest ones; older invitations have long expired.
const LIST_LIMIT = 100;
// Parallel accepts of one enterprise can collide on a unique key: the loser runs again and then finds
// the winner's row. (Deadlocks are retried by transaction() itself.) Bounded, so a real fault surfaces.
const ACCEPT_ATTEMPTS = 5;
const QR_OPTIONS = { margin: 2, width: 360, errorCorrectionLevel: 'M' } as const;
// A QR image depends only on the link: keep recent ones so the coop admin's list doesn't redraw them.
const QR_CACHE_SIZE = 500;

export const joinPath = (code: string): string => `/packages/org/pages/join/index?code=${code}`;

type Problem = 'INVITATION_REVOKED' | 'INVITATION_EXPIRED' | 'INVITATION_USED_UP';

const otherEnterprise = (name: string): AppError =>
  new AppError('INVITATION_FOR_OTHER_ENTERPRISE', HttpStatus.CONFLICT, {
    enterpriseId: `此邀请仅用于「${name}」加入`,
  });

@Injectable()
export class InvitationsService {
  constructor(
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly coops: CooperativesService,
    private readonly enterprises: EnterprisesService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private readonly qrCache = new Map<string, string>();

  async create(actor: Principal, cooperativeId: string, body: CreateInvitationBody): Promise<Invitation> {
    const coop = await this.managed(actor, cooperativeId);
    let enterprise: EnterpriseEntity | null = null;
    if (body.enterpriseId) {
      // Only an active member of this cooperative: the same answer whether the id exists elsewhere or not.
      const active = await this.db
        .getRepository(MembershipEntity)
        .existsBy({ cooperativeId: coop.id, enterpriseId: body.enterpriseId, until: IsNull() });
      enterprise = active ? await this.db.getRepository(EnterpriseEntity).findOneBy({ id: body.enterpriseId }) : null;
      if (!enterprise) throw AppError.validation({ enterpriseId: '该企业不是本合作社的成员' });
    }
    const row = await this.invitations.save(
      this.invitations.create({
        code: this.newCode(),
        cooperativeId: coop.id,
        createdById: actor.userId,
        expiresAt: new Date(this.clock.now().getTime() + body.expiresInDays * DAY_MS),
        maxUses: body.maxUses,
        uses: 0,
        enterpriseId: enterprise?.id ?? null,
        revokedAt: null,
      }),
    );
    return this.toDto(row, coop.name, enterprise?.name ?? null);
  }

  /** The cooperative's invitations, newest first (its coop admins and the platform admin). */
  async list(actor: Principal, cooperativeId: string): Promise<InvitationList> {
    const coop = await this.managed(actor, cooperativeId);
    const rows = await this.invitations.find({
      where: { cooperativeId: coop.id },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: LIST_LIMIT,
    });
    const names = await this.enterpriseNames(rows.map((r) => r.enterpriseId));
    const items = await Promise.all(
      rows.map((r) => this.toDto(r, coop.name, r.enterpriseId ? (names.get(r.enterpriseId) ?? null) : null)),
    );
    return { items };
  }

  /** Revoking is final and idempotent: a second call answers the same revokedAt. */
  async revoke(actor: Principal, code: string): Promise<Invitation> {
    const inv = await this.invitations.findOneBy({ code });
    if (!inv) throw AppError.notFound();
    const coop = await this.managed(actor, inv.cooperativeId);
    if (!inv.revokedAt) {
      await this.invitations
        .createQueryBuilder()
        .update(InvitationEntity)
        .set({ revokedAt: this.clock.now() })
        .where('id = :id AND revokedAt IS NULL', { id: inv.id })
        .execute();
    }
    const row = await this.invitations.findOneByOrFail({ id: inv.id });
    const names = await this.enterpriseNames([row.enterpriseId]);
    return this.toDto(row, coop.name, row.enterpriseId ? (names.get(row.enterpriseId) ?? null) : null);
  }

  /** Public: whoever holds the code may see which cooperative (and enterprise) it is for. */
  async preview(code: string): Promise<InvitationPreview> {
    const inv = await this.invitations.findOneBy({ code });
    if (!inv) throw AppError.notFound();
    const coop = await this.db.getRepository(CooperativeEntity).findOneByOrFail({ id: inv.cooperativeId });
    const region = await this.db.getRepository(RegionEntity).findOneBy({ id: coop.regionId });
    const names = await this.enterpriseNames([inv.enterpriseId]);
    return {
      code: inv.code,
      cooperativeId: coop.id,
      cooperativeName: coop.name,
      regionName: region?.name ?? '',
      expiresAt: inv.expiresAt.toISOString(),
      valid: this.problem(inv) === null,
      enterpriseId: inv.enterpriseId,
      enterpriseName: inv.enterpriseId ? (names.get(inv.enterpriseId) ?? null) : null,
    };
  }

  /** Public: the join link as a PNG QR code, for printing or forwarding. */
  async qrPng(code: string): Promise<Buffer> {
    const inv = await this.invitations.findOneBy({ code });
    if (!inv) throw AppError.notFound();
    return QRCode.toBuffer(this.joinUrl(inv.code), { ...QR_OPTIONS, type: 'png' });
  }

  /**
   * Joins an enterprise to the invitation's cooperative: one the caller already belongs to, a new
   * one they register now, or — only with an invitation issued for it — a pre-registered one they
   * claim. Repeating a completed join is harmless: the membership and role are reused.
   */
  async accept(actor: Principal, code: string, body: AcceptInvitationBody): Promise<AcceptInvitationResponse> {
    const inv = await this.invitations.findOneBy({ code });
    if (!inv) throw AppError.notFound();
    if (!inv.enterpriseId && 'enterpriseId' in body && !isMemberOf(actor, body.enterpriseId)) throw AppError.notFound();
    const coop = await this.db.getRepository(CooperativeEntity).findOneByOrFail({ id: inv.cooperativeId });
    let enterpriseId = '';
    for (let attempt = 1; ; attempt++) {
      try {
        enterpriseId = await this.db.transaction((em) => this.acceptIn(em, actor, inv, coop, body));
        break;
      } catch (err) {
        if (attempt >= ACCEPT_ATTEMPTS || !isUniqueViolation(err)) throw err;
        await new Promise((r) => setTimeout(r, randomInt(5, 20 * attempt)));
      }
    }
    const enterprise = await this.db.getRepository(EnterpriseEntity).findOneByOrFail({ id: enterpriseId });
    return { enterprise: await this.enterprises.toDto(enterprise), cooperativeId: coop.id, user: await this.users.me(actor.userId) };
  }

  private async acceptIn(
    em: EntityManager,
    actor: Principal,
    inv: InvitationEntity,
    coop: CooperativeEntity,
    body: AcceptInvitationBody,
  ): Promise<string> {
    const enterprises = em.getRepository(EnterpriseEntity);
    const memberships = em.getRepository(MembershipEntity);
    let enterprise: EnterpriseEntity;
    if (inv.enterpriseId) {
      // Issued for one enterprise: it claims that one and nothing else.
      enterprise = await enterprises.findOneByOrFail({ id: inv.enterpriseId });
      if ('enterpriseId' in body ? body.enterpriseId !== enterprise.id : body.enterprise.creditCode !== enterprise.creditCode) {
        throw otherEnterprise(enterprise.name);
      }
    } else if ('enterpriseId' in body) {
      enterprise = await enterprises.findOneByOrFail({ id: body.enterpriseId });
    } else {
      const existing = await enterprises.findOneBy({ creditCode: body.enterprise.creditCode });
      if (existing && !isMemberOf(actor, existing.id)) {
        // The general code never hands over a registered enterprise: its (public) credit code is no
        // proof of speaking for it. The coop admin sends an invitation issued for that enterprise.
        throw new AppError('CREDIT_CODE_TAKEN', HttpStatus.CONFLICT, {
          'enterprise.creditCode': '该企业已登记，请向合作社管理员索取该企业的专属邀请，或联系企业负责人添加您',
        });
      }
      enterprise = existing ?? (await this.enterprises.insertEnterprise(em, body.enterprise, coop.regionId));
    }
    await this.lockEnterprise(em, enterprise.id);
    const active = await this.isActive(em, coop.id, enterprise.id);
    // Exactly this join done before (same cooperative, same enterprise): nothing to change.
    const repeat =
      active && actor.grants.some((g) => g.role === 'member' && g.cooperativeId === coop.id && g.enterpriseId === enterprise.id);
    const problem = this.problem(inv);
    if (problem === 'INVITATION_REVOKED' || (problem && !repeat)) throw AppError.conflict(problem);
    if (!active || (inv.enterpriseId && !repeat)) {
      // Conditional increment: two phones racing for the last use can't both win.
      const res = await em
        .createQueryBuilder()
        .update(InvitationEntity)
        .set({ uses: () => 'uses + 1' })
        .where('id = :id AND uses < maxUses AND revokedAt IS NULL', { id: inv.id })
        .execute();
      if (!res.affected) throw AppError.conflict('INVITATION_USED_UP');
    }
    if (!active) {
      await memberships.insert({ cooperativeId: coop.id, enterpriseId: enterprise.id, since: shanghaiDate(this.clock.now()) });
    }
    if (!enterprise.regionId) await enterprises.update({ id: enterprise.id }, { regionId: coop.regionId });
    await this.users.ensureGrant(em, actor.userId, { role: 'member', enterpriseId: enterprise.id, cooperativeId: coop.id });
    return enterprise.id;
  }

  private get locks(): boolean {
    return this.db.options.type !== 'better-sqlite3' && this.db.options.type !== 'sqlite';
  }

  /** On MySQL/MariaDB, accepts of one enterprise queue on its row; SQLite has one writer anyway. */
  private async lockEnterprise(em: EntityManager, enterpriseId: string): Promise<void> {
    if (!this.locks) return;
    await em
      .getRepository(EnterpriseEntity)
      .createQueryBuilder('e')
      .select('e.id')
      .where('e.id = :id', { id: enterpriseId })
      .setLock('pessimistic_write')
      .getRawOne();
  }

  /**
   * Whether the membership is active, read as committed now: under REPEATABLE READ a plain read would
   * answer from the snapshot taken before this transaction waited for the enterprise's lock.
   */
  private async isActive(em: EntityManager, cooperativeId: string, enterpriseId: string): Promise<boolean> {
    const qb = em
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .select('m.id')
      .where('m.cooperativeId = :cooperativeId AND m.enterpriseId = :enterpriseId AND m.until IS NULL', { cooperativeId, enterpriseId });
    if (this.locks) qb.setLock('pessimistic_read');
    return (await qb.getRawOne()) !== undefined;
  }

  /** The cooperative if the caller manages it: 404 when they may not even read it, else 403. */
  private async managed(actor: Principal, cooperativeId: string): Promise<CooperativeEntity> {
    const coop = await this.coops.readable(actor, cooperativeId);
    if (!canManageCooperative(actor, coop.id)) throw AppError.forbidden();
    return coop;
  }

  private async enterpriseNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (wanted.length === 0) return new Map();
    const rows = await this.db
      .getRepository(EnterpriseEntity)
      .find({ where: { id: In(wanted) }, select: { id: true, name: true } });
    return new Map(rows.map((e) => [e.id, e.name]));
  }

  private joinUrl(code: string): string {
    return `${this.config.publicUrl}${joinPath(code)}`;
  }

  private async toDto(row: InvitationEntity, cooperativeName: string, enterpriseName: string | null): Promise<Invitation> {
    const joinUrl = this.joinUrl(row.code);
    return {
      code: row.code,
      cooperativeId: row.cooperativeId,
      cooperativeName,
      expiresAt: row.expiresAt.toISOString(),
      maxUses: row.maxUses,
      uses: row.uses,
      joinUrl,
      qrDataUrl: await this.qrDataUrl(joinUrl),
      revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
      enterpriseId: row.enterpriseId,
      enterpriseName,
    };
  }

  private async qrDataUrl(joinUrl: string): Promise<string> {
    const hit = this.qrCache.get(joinUrl);
    if (hit) return hit;
    const url = await QRCode.toDataURL(joinUrl, QR_OPTIONS);
    this.qrCache.set(joinUrl, url);
    // Map keeps insertion order: the first key is the oldest.
    if (this.qrCache.size > QR_CACHE_SIZE) this.qrCache.delete(this.qrCache.keys().next().value as string);
    return url;
  }

  private problem(inv: InvitationEntity): Problem | null {
    if (inv.revokedAt) return 'INVITATION_REVOKED';
    if (inv.expiresAt.getTime() <= this.clock.now().getTime()) return 'INVITATION_EXPIRED';
    if (inv.uses >= inv.maxUses) return 'INVITATION_USED_UP';
    return null;
  }

  private newCode(): string {
    let code = '';
    for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    return code;
  }
}
