import { Module } from '@nestjs/common';
import { WorkshopsModule } from '../workshops/workshops.module';
import { ScanController } from './scan.controller';
import { ScanService } from './scan.service';

@Module({
  imports: [WorkshopsModule],
  controllers: [ScanController],
  providers: [ScanService],
})
export class ScanModule {}
