import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ScopeService } from '../org/scope.service';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

@Module({
  imports: [NotificationsModule, FilesModule],
  controllers: [NoticesController],
  providers: [ScopeService, NoticesService],
  exports: [NoticesService],
})
export class NoticesModule {}
