import { randomInt } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import { DataSource, IsNull, Repository } from 'typeorm';
import { shanghaiDate } from '../../../shared/dates';
import { type Principal, canManageCooperative, isMemberOf } from '../../../shared/policy';
import type {
  AcceptInvitationBody,
  AcceptInvitationResponse,
  CreateInvitationBody,
  Invitation,
  InvitationPreview,
} from '../../../shared/schemas/org';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/config';
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

export const joinPath = (code: string): string => `/packages/org/pages/join/index?code=${code}`;

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

  async create(actor: Principal, cooperativeId: string, body: CreateInvitationBody): Promise<Invitation> {
    const coop = await this.coops.readable(actor, cooperativeId);
    if (!canManageCooperative(actor, coop.id)) throw AppError.forbidden();
    const expiresAt = new Date(this.clock.now().getTime() + body.expiresInDays * DAY_MS);
    const row = await this.invitations.save(
      this.invitations.create({
        code: this.newCode(),
        cooperativeId: coop.id,
        createdById: actor.userId,
        expiresAt,
        maxUses: body.maxUses,
        uses: 0,
      }),
    );
    const joinUrl = `${this.config.publicUrl}${joinPath(row.code)}`;
    return {
      code: row.code,
      cooperativeId: coop.id,
      cooperativeName: coop.name,
      expiresAt: row.expiresAt.toISOString(),
      maxUses: row.maxUses,
      uses: row.uses,
      joinUrl,
      qrDataUrl: await QRCode.toDataURL(joinUrl, { margin: 2, width: 360, errorCorrectionLevel: 'M' }),
    };
  }

  /** Anyone signed in who holds the code may see which cooperative it is for. */
  async preview(code: string): Promise<InvitationPreview> {
    const inv = await this.invitations.findOneBy({ code });
    if (!inv) throw AppError.notFound();
    const coop = await this.db.getRepository(CooperativeEntity).findOneByOrFail({ id: inv.cooperativeId });
    const region = await this.db.getRepository(RegionEntity).findOneBy({ id: coop.regionId });
    return {
      code: inv.code,
      cooperativeId: coop.id,
      cooperativeName: coop.name,
      regionName: region?.name ?? '',
      expiresAt: inv.expiresAt.toISOString(),
      valid: this.problem(inv) === null,
    };
  }

  /**
   * Joins the caller's enterprise (an existing one they belong to, or one they register now) to the
   * invitation's cooperative. Repeating it is harmless: an existing membership or role is reused.
   */
  async accept(actor: Principal, code: string, body: AcceptInvitationBody): Promise<AcceptInvitationResponse> {
    const inv = await this.invitations.findOneBy({ code });
    if (!inv) throw AppError.notFound();
    if ('enterpriseId' in body && !isMemberOf(actor, body.enterpriseId)) throw AppError.notFound();
    const coop = await this.db.getRepository(CooperativeEntity).findOneByOrFail({ id: inv.cooperativeId });
    const enterpriseId = await this.db.transaction(async (em) => {
      const memberships = em.getRepository(MembershipEntity);
      const activeIn = (enterpriseId: string) =>
        memberships.findOneBy({ cooperativeId: coop.id, enterpriseId, until: IsNull() });
      let enterprise: EnterpriseEntity;
      if ('enterpriseId' in body) {
        enterprise = await em.getRepository(EnterpriseEntity).findOneByOrFail({ id: body.enterpriseId });
      } else {
        const existing = await em.getRepository(EnterpriseEntity).findOneBy({ creditCode: body.enterprise.creditCode });
        if (existing) {
          // A registered enterprise is claimed with an invitation only when nobody speaks for it yet and
          // this cooperative's admin registered it (it is already a member here). Anything else would hand
          // another tenant's records to whoever types its (public) credit code.
          const mine = isMemberOf(actor, existing.id);
          if (!mine && ((await this.users.enterpriseHasPeople(em, existing.id)) || !(await activeIn(existing.id)))) {
            throw new AppError('CREDIT_CODE_TAKEN', HttpStatus.CONFLICT, {
              'enterprise.creditCode': '该企业已登记，请联系该企业负责人或合作社管理员添加您',
            });
          }
          enterprise = existing;
        } else {
          enterprise = await this.enterprises.insertEnterprise(em, body.enterprise, coop.regionId);
        }
      }
      const active = await activeIn(enterprise.id);
      // Only a repeat of a join this person already completed skips the invitation's checks.
      if (!(active && isMemberOf(actor, enterprise.id))) {
        const problem = this.problem(inv);
        if (problem) throw AppError.conflict(problem);
      }
      if (!active) {
        // Conditional increment: two phones racing for the last use can't both win.
        const res = await em
          .createQueryBuilder()
          .update(InvitationEntity)
          .set({ uses: () => 'uses + 1' })
          .where('id = :id AND uses < maxUses', { id: inv.id })
          .execute();
        if (!res.affected) throw AppError.conflict('INVITATION_USED_UP');
        await memberships.insert({ cooperativeId: coop.id, enterpriseId: enterprise.id, since: shanghaiDate(this.clock.now()) });
      }
      if (!enterprise.regionId) await em.getRepository(EnterpriseEntity).update({ id: enterprise.id }, { regionId: coop.regionId });
      await this.users.ensureGrant(em, actor.userId, { role: 'member', enterpriseId: enterprise.id, cooperativeId: coop.id });
      return enterprise.id;
    });
    const enterprise = await this.db.getRepository(EnterpriseEntity).findOneByOrFail({ id: enterpriseId });
    return { enterprise: await this.enterprises.toDto(enterprise), cooperativeId: coop.id, user: await this.users.me(actor.userId) };
  }

  private problem(inv: InvitationEntity): 'INVITATION_EXPIRED' | 'INVITATION_USED_UP' | null {
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
