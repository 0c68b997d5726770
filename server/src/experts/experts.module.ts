import { Module } from '@nestjs/common';
import { InspectionsModule } from '../inspections/inspections.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ScopeService } from '../org/scope.service';
import { UsersModule } from '../users/users.module';
import { ExpertVisitsService } from './expert-visits.service';
import { ExpertsController } from './experts.controller';
import { ExpertsService } from './experts.service';

@Module({
  // InspectionsModule: a visit runs an `expert` inspection, and its hazards make the prescription
  imports: [InspectionsModule, NotificationsModule, UsersModule],
  controllers: [ExpertsController],
  providers: [ScopeService, ExpertsService, ExpertVisitsService],
})
export class ExpertsModule {}
