import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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

@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
export class ActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly checkins: ActivityCheckinService,
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
}
