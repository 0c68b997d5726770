import { Controller, Get, HttpCode, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { shanghaiDate } from '../../../shared/dates';
import type { Principal } from '../../../shared/policy';
import {
  type Activity,
  type ActivityList,
  type ActivityQuery,
  type ActivityStats,
  type ActivityStatsQuery,
  type Attendance,
  type CheckinBody,
  type CheckinCode,
  type CheckinResult,
  type CreateActivityBody,
  type UpdateActivityBody,
  activityListSchema,
  activityQuerySchema,
  activitySchema,
  activityStatsQuerySchema,
  activityStatsSchema,
  attendanceSchema,
  checkinBodySchema,
  checkinCodeSchema,
  checkinResultSchema,
  createActivitySchema,
  updateActivitySchema,
} from '../../../shared/schemas/activities';
import { Actor } from '../common/auth.decorators';
import { IdParam, Returns, ZBody, ZQuery } from '../common/zod';
import { ActivitiesService } from './activities.service';
import { ActivityCheckinService } from './activity-checkin.service';
import { XLSX, writeActivitySheet, writeSummarySheet, xlsxDisposition } from './attendance-export';
import { type AttendanceSummaryQuery, AttendanceExportService, attendanceSummaryQuerySchema } from './attendance-export.service';

const xlsxResponse = (description: string) => ({ status: 200, description, content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } });

/** The headers of an xlsx download (the data is read before: errors still answer as JSON). */
function xlsxHeaders(res: Response, disposition: string): void {
  res.status(200);
  res.setHeader('Content-Type', XLSX);
  res.setHeader('Content-Disposition', disposition);
  res.setHeader('Cache-Control', 'no-store');
}

@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
export class ActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly checkins: ActivityCheckinService,
    private readonly exports: AttendanceExportService,
  ) {}

  @Get()
  @Returns(activityListSchema)
  list(@Actor() actor: Principal, @ZQuery(activityQuerySchema) q: ActivityQuery): Promise<ActivityList> {
    return this.activities.list(actor, q);
  }

  /** Before `:id`, so `stats` is not taken for an id. */
  @Get('stats')
  @Returns(activityStatsSchema)
  stats(@Actor() actor: Principal, @ZQuery(activityStatsQuerySchema) q: ActivityStatsQuery): Promise<ActivityStats> {
    return this.checkins.stats(actor, q);
  }

  /** 出勤汇总 per member enterprise over a period (the coop admin, a supervisor over it). Before `:id` too. */
  @Get('attendance.xlsx')
  @ApiProduces(XLSX)
  @ApiResponse(xlsxResponse('出勤汇总 (xlsx)'))
  async summaryXlsx(@Actor() actor: Principal, @ZQuery(attendanceSummaryQuerySchema) q: AttendanceSummaryQuery, @Res() res: Response): Promise<void> {
    const sheet = await this.exports.summary(actor, q);
    xlsxHeaders(res, xlsxDisposition(`attendance-${q.from}-${q.to}`, `出勤汇总-${sheet.cooperativeName}-${q.from}至${q.to}`));
    await writeSummarySheet(res, sheet, new Date());
  }

  @Post()
  @Returns(activitySchema, 201)
  create(@Actor() actor: Principal, @ZBody(createActivitySchema) body: CreateActivityBody): Promise<Activity> {
    return this.activities.create(actor, body);
  }

  @Get(':id')
  @Returns(activitySchema)
  get(@Actor() actor: Principal, @IdParam() id: string): Promise<Activity> {
    return this.activities.get(actor, id);
  }

  @Put(':id')
  @Returns(activitySchema)
  update(@Actor() actor: Principal, @IdParam() id: string, @ZBody(updateActivitySchema) body: UpdateActivityBody): Promise<Activity> {
    return this.activities.update(actor, id, body);
  }

  @Get(':id/checkin-code')
  @Returns(checkinCodeSchema)
  code(@Actor() actor: Principal, @IdParam() id: string): Promise<CheckinCode> {
    return this.checkins.code(actor, id);
  }

  @Post(':id/checkin')
  @HttpCode(200)
  @Returns(checkinResultSchema)
  checkin(@Actor() actor: Principal, @IdParam() id: string, @ZBody(checkinBodySchema) body: CheckinBody): Promise<CheckinResult> {
    return this.checkins.checkin(actor, id, body.code);
  }

  @Get(':id/attendance')
  @Returns(attendanceSchema)
  attendance(@Actor() actor: Principal, @IdParam() id: string): Promise<Attendance> {
    return this.checkins.attendance(actor, id);
  }

  /** 签到表 of one activity (who may see its attendance). */
  @Get(':id/attendance.xlsx')
  @ApiProduces(XLSX)
  @ApiResponse(xlsxResponse('签到表 (xlsx)'))
  async attendanceXlsx(@Actor() actor: Principal, @IdParam() id: string, @Res() res: Response): Promise<void> {
    const sheet = await this.exports.activity(actor, id);
    const day = shanghaiDate(sheet.startsAt).replace(/-/g, '');
    xlsxHeaders(res, xlsxDisposition(`attendance-${day}`, `签到表-${sheet.title}-${day}`));
    await writeActivitySheet(res, sheet, new Date());
  }
}
