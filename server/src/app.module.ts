import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { ApiExceptionFilter } from './common/exception.filter';
import { AppConfig } from './config/config';
import { CoreModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { HealthController } from './health/health.controller';
import { OrgModule } from './org/org.module';
import { UsersModule } from './users/users.module';
import { WeChatModule } from './wechat/wechat.module';
import { WorkshopsModule } from './workshops/workshops.module';
import { ScanModule } from './scan/scan.module';
import { ChecklistsModule } from './checklists/checklists.module';
import { InspectionsModule } from './inspections/inspections.module';
import { NotificationsModule } from './notifications/notifications.module';
import { FilesModule } from './files/files.module';
import { InspectorsModule } from './inspectors/inspectors.module';
import { JobsModule } from './jobs/jobs.module';
import { NoticesModule } from './notices/notices.module';
import { ActivitiesModule } from './activities/activities.module';
import { ExpertsModule } from './experts/experts.module';
import { PushModule } from './push/push.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => !req.url?.startsWith('/api') },
            ...(config.production ? {} : { transport: undefined }),
          },
        }),
        ThrottlerModule.forRoot({ throttlers: [{ name: 'login', ttl: 60_000, limit: config.loginRateLimit }] }),
        DatabaseModule,
        UsersModule,
        WeChatModule,
        OrgModule,
        AuthModule,
        WorkshopsModule,
        ScanModule,
        ChecklistsModule,
        NotificationsModule,
        InspectionsModule,
        InspectorsModule,
        JobsModule,
        NoticesModule,
        ActivitiesModule,
        ExpertsModule,
        PushModule,
        FilesModule,
        DemoModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
