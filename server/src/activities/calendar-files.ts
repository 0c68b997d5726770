import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../shared/policy';
import type { FileAccessChecker } from '../files/file-hooks';
import { ScopeService } from '../org/scope.service';

/**
 * FILE_ACCESS_CHECKER for the calendar (files/file-hooks.ts): a file in an activity's materials is readable by
 * whoever may read the activity (readers of its cooperative, invitees, the organiser); a notice's attachment
 * by whoever may read the notice (recipients, the publisher, readers of its cooperative or region). One query;
 * the JSON lists are matched as quoted strings, as files/attachments.ts does.
 */
@Injectable()
export class CalendarFileAccess implements FileAccessChecker {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
  ) {}

  async mayReadFile(principal: Principal, fileId: string): Promise<boolean> {
    const s = await this.scope.of(principal);
    const q = (n: string) => this.db.driver.escape(n);
    const [coopA, pA] = this.scope.cooperativeReadable(s, 'fc');
    const [coopN, pN] = this.scope.cooperativeReadable(s, 'fnc');
    const all = s.all ? '1 = 1' : '1 = 0';
    const regions = s.readRegionIds.length ? s.readRegionIds : ['-'];
    const activity =
      `EXISTS (SELECT 1 FROM ${q('activities')} fa JOIN ${q('cooperatives')} fc ON fc.${q('id')} = fa.${q('cooperativeId')}` +
      ` WHERE fa.${q('materialIds')} LIKE :filePattern AND (${all} OR ${coopA} OR fa.${q('organiserId')} = :fileUser` +
      ` OR EXISTS (SELECT 1 FROM ${q('activity_invitees')} fi WHERE fi.${q('activityId')} = fa.${q('id')} AND fi.${q('userId')} = :fileUser)))`;
    const notice =
      `EXISTS (SELECT 1 FROM ${q('notices')} fn LEFT JOIN ${q('cooperatives')} fnc ON fnc.${q('id')} = fn.${q('cooperativeId')}` +
      ` WHERE fn.${q('attachmentIds')} LIKE :filePattern AND (${all} OR fn.${q('publishedById')} = :fileUser` +
      ` OR (fn.${q('cooperativeId')} IS NOT NULL AND ${coopN}) OR fn.${q('regionId')} IN (:...fileRegions)` +
      ` OR EXISTS (SELECT 1 FROM ${q('notice_recipients')} fr WHERE fr.${q('noticeId')} = fn.${q('id')} AND fr.${q('userId')} = :fileUser)))`;
    const row = await this.db
      .createQueryBuilder()
      .select('1', 'ok')
      .from('files', 'f')
      .where(`f.${q('id')} = :fileId AND (${activity} OR ${notice})`, {
        ...pA, ...pN, fileId, fileUser: principal.userId, filePattern: `%"${fileId}"%`, fileRegions: regions,
      })
      .getRawOne<{ ok: unknown }>();
    return !!row;
  }
}
