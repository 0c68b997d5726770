import { Module } from '@nestjs/common';
import { InspectionsModule } from '../inspections/inspections.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { HazardRemindersJob } from './hazard-reminders.job';

/** Scheduled work that every instance may run at once (each job is idempotent by a unique key). */
@Module({
  imports: [InspectionsModule, NotificationsModule],
  providers: [HazardRemindersJob],
  exports: [HazardRemindersJob],
})
export class JobsModule {}
