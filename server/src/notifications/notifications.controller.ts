import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../shared/policy';
import {
  type Notification,
  type NotificationList,
  type NotificationQuery,
  type ReadAllResult,
  notificationListSchema,
  notificationQuerySchema,
  notificationSchema,
  readAllResultSchema,
} from '../../../shared/schemas/notifications';
import { Actor } from '../common/auth.decorators';
import { IdParam, Returns, ZQuery } from '../common/zod';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Returns(notificationListSchema)
  list(@Actor() actor: Principal, @ZQuery(notificationQuerySchema) q: NotificationQuery): Promise<NotificationList> {
    return this.notifications.list(actor, q);
  }

  @Post('read-all')
  @HttpCode(200)
  @Returns(readAllResultSchema)
  readAll(@Actor() actor: Principal): Promise<ReadAllResult> {
    return this.notifications.readAll(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Returns(notificationSchema)
  read(@Actor() actor: Principal, @IdParam() id: string): Promise<Notification> {
    return this.notifications.read(actor, id);
  }
}
