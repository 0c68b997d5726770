import { Module } from '@nestjs/common';
import { ChecklistsModule } from '../checklists/checklists.module';
import { FilesModule } from '../files/files.module';
import { HazardLifecycleController } from '../hazards/hazard-lifecycle.controller';
import { HazardLifecycleService } from '../hazards/hazard-lifecycle.service';
import { HazardPeople } from '../hazards/hazard-people';
import { HazardsController } from '../hazards/hazards.controller';
import { HazardsListController } from '../hazards/hazards-list.controller';
import { HazardsListService } from '../hazards/hazards-list.service';
import { HazardsService } from '../hazards/hazards.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { ScopeService } from '../org/scope.service';
import { ASSIGNED_INSPECTION_FINDER } from '../scan/inspection-hook';
import { InspectionsController } from './inspections.controller';
import { InspectionsService } from './inspections.service';

@Module({
  // FilesModule: the notice PDF draws the hazards' before-photos
  imports: [ChecklistsModule, NotificationsModule, FilesModule],
  // the list controller first: its `hazards/summary` and `hazards/export.xlsx` must not be taken as `hazards/:id`
  controllers: [InspectionsController, HazardsListController, HazardsController, HazardLifecycleController],
  providers: [
    ScopeService,
    HazardPeople,
    HazardsService,
    HazardLifecycleService,
    HazardsListService,
    InspectionsService,
    // Scan resolution asks "which open round here is the caller in?" through this token.
    { provide: ASSIGNED_INSPECTION_FINDER, useExisting: InspectionsService },
  ],
  exports: [InspectionsService, HazardsService, HazardPeople, ASSIGNED_INSPECTION_FINDER],
})
export class InspectionsModule {}
