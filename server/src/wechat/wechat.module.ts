import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WECHAT_CLIENT_OPTIONS, WeChatClient, type WeChatClientOptions } from './wechat.client';
import { WechatTokenEntity } from './wechat-token.entity';

@Module({
  imports: [TypeOrmModule.forFeature([WechatTokenEntity])],
  providers: [
    // Registered so API tests can shorten the backoff with overrideProvider(WECHAT_CLIENT_OPTIONS).
    { provide: WECHAT_CLIENT_OPTIONS, useValue: {} satisfies WeChatClientOptions },
    WeChatClient,
  ],
  exports: [WeChatClient],
})
export class WeChatModule {}
