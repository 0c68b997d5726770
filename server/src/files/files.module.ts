import { Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { ScopeService } from '../org/scope.service';
import { WorkshopsModule } from '../workshops/workshops.module';
import { FILE_STORE, LocalFileStore } from './file-store';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';

@Module({
  imports: [WorkshopsModule],
  controllers: [FilesController],
  providers: [
    // Swap this provider for an object-store implementation of FileStore to keep files in COS / MinIO.
    { provide: FILE_STORE, useFactory: (config: AppConfig) => new LocalFileStore(config.filesDir), inject: [AppConfig] },
    ScopeService,
    FilesService,
  ],
  exports: [FilesService],
})
export class FilesModule {}
