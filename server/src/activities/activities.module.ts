import { Module } from '@nestjs/common';
import { FILE_ACCESS_CHECKER } from '../files/file-hooks';
import { FilesModule } from '../files/files.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ScopeService } from '../org/scope.service';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { ActivityCheckinService } from './activity-checkin.service';
import { AttendanceExportService } from './attendance-export.service';
import { CalendarFileAccess } from './calendar-files';

@Module({
  imports: [NotificationsModule, FilesModule],
  controllers: [ActivitiesController],
  providers: [
    ScopeService,
    ActivitiesService,
    ActivityCheckinService,
    AttendanceExportService,
    // materials of activities and attachments of notices, for GET /api/files/:id
    { provide: FILE_ACCESS_CHECKER, useClass: CalendarFileAccess },
  ],
  exports: [ActivitiesService],
})
export class ActivitiesModule {}
