import { Module } from '@nestjs/common';
import { ScopeService } from '../org/scope.service';
import { WeChatModule } from '../wechat/wechat.module';
import { LabelsService } from './labels.service';
import { WorkshopsController } from './workshops.controller';
import { WorkshopsService } from './workshops.service';

@Module({
  imports: [WeChatModule],
  controllers: [WorkshopsController],
  // ScopeService is stateless (the data source only): an instance here keeps OrgModule's exports as they are.
  providers: [ScopeService, WorkshopsService, LabelsService],
  exports: [WorkshopsService],
})
export class WorkshopsModule {}
