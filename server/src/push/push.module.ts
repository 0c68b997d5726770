import { Module } from '@nestjs/common';
import { WeChatModule } from '../wechat/wechat.module';
import { PushController } from './push.controller';
import { PushOutboxService } from './push-outbox.service';
import { PushSubscriptionsService } from './push-subscriptions.service';
import { PushWorker } from './push.worker';

/** WeChat subscribe-message push: subscriptions (quota), the outbox view, and the delivering worker. */
@Module({
  imports: [WeChatModule],
  controllers: [PushController],
  providers: [PushSubscriptionsService, PushOutboxService, PushWorker],
  exports: [PushSubscriptionsService, PushWorker],
})
export class PushModule {}
