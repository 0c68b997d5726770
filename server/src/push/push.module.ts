import { Module } from '@nestjs/common';
import { WeChatModule } from '../wechat/wechat.module';
import { PushController } from './push.controller';
import { PushOutboxService } from './push-outbox.service';
import { PushSubscriptionsService } from './push-subscriptions.service';

/** WeChat subscribe-message push: subscriptions (quota), the outbox view, and the delivering worker. */
@Module({
  imports: [WeChatModule],
  controllers: [PushController],
  providers: [PushSubscriptionsService, PushOutboxService],
  exports: [PushSubscriptionsService],
})
export class PushModule {}
