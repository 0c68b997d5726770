import { Module } from '@nestjs/common';
import { ScopeService } from '../org/scope.service';
import { ChecklistsController } from './checklists.controller';
import { ChecklistsService } from './checklists.service';

@Module({
  controllers: [ChecklistsController],
  providers: [ScopeService, ChecklistsService],
  exports: [ChecklistsService],
})
export class ChecklistsModule {}
