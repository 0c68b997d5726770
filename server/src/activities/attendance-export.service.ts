import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { addDays } from '../../../shared/dates';
import type { Principal } from '../../../shared/policy';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../shared/schemas/activities';
import { dateSchema, idSchema } from '../../../shared/schemas/common';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { MembershipEntity } from '../org/membership.entity';
import { ScopeService } from '../org/scope.service';
import { ActivitiesService } from './activities.service';
import { ActivityCheckinService } from './activity-checkin.service';
import { ActivityCheckinEntity, ActivityEntity, ActivityInviteeEntity } from './activity.entity';
import type { ActivitySheet, MemberAttendance, SummarySheet } from './attendance-export';

/** `GET /api/activities/attendance.xlsx`: one cooperative over a period (at most a year). */
// a plain object (ZQuery documents each property); the order of the dates is checked in the service
export const attendanceSummaryQuerySchema = z.object({ cooperativeId: idSchema, from: dateSchema, to: dateSchema }).strict();
export type AttendanceSummaryQuery = z.infer<typeof attendanceSummaryQuerySchema>;

const dayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00+08:00`));
const zeroKinds = <T>(f: () => T): Record<ActivityKind, T> => Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, f()])) as Record<ActivityKind, T>;

/** What the attendance exports hold; the access checks are those of GET attendance (organiser, coop admin, supervisor). */
@Injectable()
export class AttendanceExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activities: ActivitiesService,
    private readonly checkins: ActivityCheckinService,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  /** One activity's sign-in sheet: invitees (present or absent) and uninvited people who signed in, by enterprise and name. */
  async activity(actor: Principal, id: string): Promise<ActivitySheet> {
    // attendance() checks that the caller may read (404) and manage (403) it
    const att = await this.checkins.attendance(actor, id);
    const a = await this.activities.load(actor, id);
    const signed = new Map(att.signedIn.map((p) => [p.userId, p]));
    const people = [
      ...att.signedIn.map((p) => ({ enterpriseName: p.enterpriseName, name: p.name, invited: p.invited, at: new Date(p.at) })),
      ...att.absent.filter((p) => !signed.has(p.userId)).map((p) => ({ enterpriseName: p.enterpriseName, name: p.name, invited: true, at: null })),
    ].sort((x, y) => (x.enterpriseName ?? '\uffff').localeCompare(y.enterpriseName ?? '\uffff', 'zh') || x.name.localeCompare(y.name, 'zh'));
    return {
      title: a.title, kind: a.kind, startsAt: a.startsAt, endsAt: a.endsAt, place: a.place, hostName: a.hostName,
      cooperativeName: String(a.raw.cooperativeName ?? ''), invited: att.invited, present: att.present, people,
    };
  }

  /**
   * Per member enterprise over [from, to] (Beijing dates), counting activities that have begun: those it was
   * invited to, those a person of it signed in to, and the invited ones nobody of it came to.
   */
  async summary(actor: Principal, q: AttendanceSummaryQuery): Promise<SummarySheet> {
    if (q.to < q.from) throw AppError.validation({ to: '结束日期不能早于开始日期' });
    if (q.to > addDays(q.from, 366)) throw AppError.validation({ to: '汇总期间不能超过一年' });
    const s = await this.scope.of(actor);
    const coopQb = this.db.getRepository(CooperativeEntity).createQueryBuilder('c').where('c.id = :id', { id: q.cooperativeId });
    this.scope.where(coopQb, this.scope.cooperativeReadable(s, 'c'));
    const coop = await coopQb.getOne();
    if (!coop) throw AppError.notFound();
    if (!this.activities.mayOrganise(s, actor, coop)) throw AppError.forbidden();

    const inPeriod = { coop: coop.id, pf: dayStart(q.from), pt: dayStart(addDays(q.to, 1)), now: this.clock.now() };
    const periodSql = 'a.cooperativeId = :coop AND a.startsAt >= :pf AND a.startsAt < :pt AND a.startsAt <= :now';
    const pairs = (entity: typeof ActivityInviteeEntity | typeof ActivityCheckinEntity) =>
      this.db
        .getRepository(entity)
        .createQueryBuilder('x')
        .innerJoin(ActivityEntity, 'a', 'a.id = x.activityId')
        .select(['x.activityId AS activityId', 'x.enterpriseId AS enterpriseId', 'a.kind AS kind'])
        .distinct(true)
        .where(periodSql, inPeriod)
        .andWhere('x.enterpriseId IS NOT NULL')
        .getRawMany<{ activityId: string; enterpriseId: string; kind: ActivityKind }>();
    const [held, invited, came, members] = await Promise.all([
      this.db.getRepository(ActivityEntity).createQueryBuilder('a').select('a.kind', 'kind').addSelect('COUNT(*)', 'n').where(periodSql, inPeriod).groupBy('a.kind').getRawMany<{ kind: ActivityKind; n: number | string }>(),
      pairs(ActivityInviteeEntity),
      pairs(ActivityCheckinEntity),
      this.db
        .getRepository(MembershipEntity)
        .createQueryBuilder('m')
        .innerJoin(EnterpriseEntity, 'e', 'e.id = m.enterpriseId')
        .select(['m.enterpriseId AS id', 'e.name AS name'])
        .where('m.cooperativeId = :coop AND m.until IS NULL', { coop: coop.id })
        .getRawMany<{ id: string; name: string }>(),
    ]);

    const rows = new Map<string, MemberAttendance & { invitedIds: Set<string>; cameIds: Set<string> }>();
    for (const m of members.sort((x, y) => x.name.localeCompare(y.name, 'zh'))) {
      rows.set(m.id, { enterpriseName: m.name, invited: 0, attended: 0, absent: 0, byKind: zeroKinds(() => ({ invited: 0, attended: 0 })), invitedIds: new Set(), cameIds: new Set() });
    }
    for (const p of invited) {
      const r = rows.get(p.enterpriseId);
      if (!r) continue; // no longer a member
      r.invitedIds.add(p.activityId);
      r.invited += 1;
      r.byKind[p.kind].invited += 1;
    }
    for (const p of came) {
      const r = rows.get(p.enterpriseId);
      if (!r) continue;
      r.cameIds.add(p.activityId);
      r.attended += 1;
      r.byKind[p.kind].attended += 1;
    }
    for (const r of rows.values()) r.absent = [...r.invitedIds].filter((a) => !r.cameIds.has(a)).length;
    const heldByKind = zeroKinds(() => 0);
    for (const h of held) heldByKind[h.kind] = Number(h.n);
    return {
      cooperativeName: coop.name,
      from: q.from,
      to: q.to,
      held: heldByKind,
      members: [...rows.values()].map(({ invitedIds: _i, cameIds: _c, ...m }) => m),
    };
  }
}

