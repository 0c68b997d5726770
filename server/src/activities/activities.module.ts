import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ScopeService } from '../org/scope.service';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { ActivityCheckinService } from './activity-checkin.service';

@Module({
  imports: [NotificationsModule, FilesModule],
  controllers: [ActivitiesController],
  providers: [ScopeService, ActivitiesService, ActivityCheckinService],
  exports: [ActivitiesService],
})
export class ActivitiesModule {}
