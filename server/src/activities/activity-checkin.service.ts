import { createHmac, randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { type CheckinMac, checkinQrText, makeCheckinCode, parseCheckinQr, verifyCheckinCode } from '../../../shared/checkin-code';
import { addDays } from '../../../shared/dates';
import type { Principal } from '../../../shared/policy';
import {
  ACTIVITY_KINDS,
  type ActivityKind,
  type ActivityStats,
  type ActivityStatsQuery,
  type Attendance,
  type CheckinCode,
  type CheckinResult,
} from '../../../shared/schemas/activities';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { ScopeService } from '../org/scope.service';
import { UserEntity } from '../users/user.entity';
import { ActivitiesService, toIso } from './activities.service';
import { ActivityCheckinEntity, ActivityEntity } from './activity.entity';

const QR_OPTIONS = { margin: 2, width: 360, errorCorrectionLevel: 'M' } as const;
const QR_CACHE_SIZE = 500;
const macFor = (secret: string): CheckinMac => (m) => createHmac('sha256', secret).update(m).digest('hex');

/** Sign-in at the venue with the organiser's rotating code, attendance, and the counters of activities. */
@Injectable()
export class ActivityCheckinService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activities: ActivitiesService,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  /** The code the organiser's phone shows now (organiser and coop admin only). */
  async code(actor: Principal, id: string): Promise<CheckinCode> {
    const a = await this.activities.load(actor, id);
    if (!this.activities.mayManage(actor, a)) throw AppError.forbidden();
    const { code, expiresAt } = makeCheckinCode(macFor(a.checkinSecret), a.id, this.clock.now().getTime());
    const qrText = checkinQrText(a.id, code);
    return { code, expiresAt: expiresAt.toISOString(), qrText, qrDataUrl: await this.qr(qrText) };
  }

  /** The organiser's screen asks again and again within one window: the same code's QR is drawn once. */
  private readonly qrCache = new Map<string, string>();
  private async qr(text: string): Promise<string> {
    const hit = this.qrCache.get(text);
    if (hit) return hit;
    const url = await QRCode.toDataURL(text, QR_OPTIONS);
    this.qrCache.set(text, url);
    // Map keeps insertion order: the first key is the oldest.
    if (this.qrCache.size > QR_CACHE_SIZE) this.qrCache.delete(this.qrCache.keys().next().value as string);
    return url;
  }

  /** Signs the caller in with a scanned code; a second sign-in (or twenty at once) keeps the first. */
  async checkin(actor: Principal, id: string, scanned: string): Promise<CheckinResult> {
    const a = await this.activities.load(actor, id);
    if (!this.activities.mayCheckin(actor, a)) throw AppError.forbidden();
    const { activityId, code } = parseCheckinQr(scanned);
    const now = this.clock.now();
    const verdict = activityId !== null && activityId !== a.id ? 'invalid' : verifyCheckinCode(macFor(a.checkinSecret), a.id, code, now.getTime());
    if (verdict === 'expired') throw new AppError('CHECKIN_CODE_EXPIRED', HttpStatus.UNPROCESSABLE_ENTITY, { code: '签到码已过期，请重新扫描现场二维码' });
    if (verdict === 'invalid') throw new AppError('CHECKIN_CODE_INVALID', HttpStatus.UNPROCESSABLE_ENTITY, { code: '签到码无效' });
    const enterpriseId =
      actor.grants.find((g) => g.role === 'member' && g.cooperativeId === a.cooperativeId && g.enterpriseId)?.enterpriseId ?? null;
    const rowId = randomUUID();
    await this.db.createQueryBuilder().insert().into(ActivityCheckinEntity).values({ id: rowId, activityId: a.id, userId: actor.userId, enterpriseId, at: now }).orIgnore().execute();
    const row = await this.db.getRepository(ActivityCheckinEntity).findOneByOrFail({ activityId: a.id, userId: actor.userId });
    return { activityId: a.id, checkedInAt: row.at.toISOString(), first: row.id === rowId };
  }

  /** Who signed in and who did not, per person and per member enterprise (organiser and coop admin only). */
  async attendance(actor: Principal, id: string): Promise<Attendance> {
    const a = await this.activities.load(actor, id);
    if (!this.activities.mayManage(actor, a)) throw AppError.forbidden();
    const [invitees, checkins] = await Promise.all([
      this.activities.people(id),
      this.db
        .getRepository(ActivityCheckinEntity)
        .createQueryBuilder('k')
        .innerJoin(UserEntity, 'u', 'u.id = k.userId')
        .leftJoin(EnterpriseEntity, 'e', 'e.id = k.enterpriseId')
        .select(['k.userId AS userId', 'u.name AS name', 'k.enterpriseId AS enterpriseId', 'e.name AS enterpriseName', 'k.at AS at'])
        .where('k.activityId = :id', { id })
        .orderBy('k.at', 'ASC')
        .getRawMany<{ userId: string; name: string; enterpriseId: string | null; enterpriseName: string | null; at: unknown }>(),
    ]);
    const invited = new Map(invitees.map((p) => [p.userId, p]));
    const signed = new Set(checkins.map((c) => c.userId));
    const byEnterprise = new Map<string, { enterpriseId: string; enterpriseName: string; invited: number; present: number }>();
    const bucket = (eid: string | null, name: string | null) => {
      if (!eid) return null;
      if (!byEnterprise.has(eid)) byEnterprise.set(eid, { enterpriseId: eid, enterpriseName: name ?? '', invited: 0, present: 0 });
      return byEnterprise.get(eid) as { invited: number; present: number };
    };
    for (const p of invitees) {
      const b = bucket(p.enterpriseId, p.enterpriseName);
      if (b) b.invited += 1;
    }
    for (const c of checkins) {
      const b = bucket(c.enterpriseId, c.enterpriseName);
      if (b) b.present += 1;
    }
    return {
      activityId: id,
      invited: invitees.length,
      present: checkins.length,
      signedIn: checkins.map((c) => ({ userId: c.userId, name: c.name, enterpriseId: c.enterpriseId, enterpriseName: c.enterpriseName, at: toIso(c.at) as string, invited: invited.has(c.userId) })),
      absent: invitees.filter((p) => !signed.has(p.userId)),
      byEnterprise: [...byEnterprise.values()].sort((x, y) => x.present / Math.max(1, x.invited) - y.present / Math.max(1, y.invited) || x.enterpriseName.localeCompare(y.enterpriseName)),
    };
  }

  /**
   * How many activities of each kind took place (start before now) in a cooperative, a region (with the
   * regions below it) or everything the caller may read, and the sign-ins across them.
   */
  async stats(actor: Principal, q: ActivityStatsQuery): Promise<ActivityStats> {
    const s = await this.scope.of(actor);
    const regions = q.regionId ? (await this.scope.subregions([q.regionId]))[q.regionId] : null;
    const filtered = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> => {
      qb.innerJoin(CooperativeEntity, 'c', 'c.id = a.cooperativeId').andWhere('a.startsAt <= :now', { now: this.clock.now() });
      this.scope.where(qb, this.scope.cooperativeReadable(s, 'c'));
      if (q.cooperativeId) qb.andWhere('a.cooperativeId = :sc', { sc: q.cooperativeId });
      if (regions) qb.andWhere('c.regionId IN (:...sr)', { sr: regions });
      if (q.from) qb.andWhere('a.startsAt >= :sf', { sf: new Date(Date.parse(`${q.from}T00:00:00+08:00`)) });
      if (q.to) qb.andWhere('a.startsAt < :st', { st: new Date(Date.parse(`${addDays(q.to, 1)}T00:00:00+08:00`)) });
      return qb;
    };
    const [rows, present] = await Promise.all([
      filtered(this.db.getRepository(ActivityEntity).createQueryBuilder('a').select('a.kind', 'kind').addSelect('COUNT(*)', 'n').where('1 = 1'))
        .groupBy('a.kind')
        .getRawMany<{ kind: ActivityKind; n: number | string }>(),
      filtered(this.db.getRepository(ActivityCheckinEntity).createQueryBuilder('k').innerJoin(ActivityEntity, 'a', 'a.id = k.activityId').where('1 = 1')).getCount(),
    ]);
    const byKind = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) as Record<ActivityKind, number>;
    for (const r of rows) byKind[r.kind] = Number(r.n);
    return { byKind, total: Object.values(byKind).reduce((x, y) => x + y, 0), attendance: present };
  }
}
