import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../shared/policy';
import {
  type AcceptedSubscriptions,
  type OutboxList,
  type OutboxQuery,
  type SubscriptionList,
  type SubscriptionPrefs,
  acceptedSubscriptionsSchema,
  outboxListSchema,
  outboxQuerySchema,
  subscriptionListSchema,
  subscriptionPrefsSchema,
} from '../../../shared/schemas/push';
import { Actor } from '../common/auth.decorators';
import { Returns, ZBody, ZQuery } from '../common/zod';
import { PushOutboxService } from './push-outbox.service';
import { PushSubscriptionsService } from './push-subscriptions.service';

@ApiTags('push')
@ApiBearerAuth()
@Controller()
export class PushController {
  constructor(
    private readonly subscriptions: PushSubscriptionsService,
    private readonly outbox: PushOutboxService,
  ) {}

  @Get('me/subscriptions')
  @Returns(subscriptionListSchema)
  list(@Actor() actor: Principal): Promise<SubscriptionList> {
    return this.subscriptions.list(actor);
  }

  @Put('me/subscriptions')
  @Returns(subscriptionListSchema)
  setPrefs(@Actor() actor: Principal, @ZBody(subscriptionPrefsSchema) body: SubscriptionPrefs): Promise<SubscriptionList> {
    return this.subscriptions.setPrefs(actor, body);
  }

  @Post('me/subscriptions/accepted')
  @HttpCode(200)
  @Returns(subscriptionListSchema)
  accepted(@Actor() actor: Principal, @ZBody(acceptedSubscriptionsSchema) body: AcceptedSubscriptions): Promise<SubscriptionList> {
    return this.subscriptions.accept(actor, body);
  }

  @Get('push/outbox')
  @Returns(outboxListSchema)
  outboxList(@Actor() actor: Principal, @ZQuery(outboxQuerySchema) q: OutboxQuery): Promise<OutboxList> {
    return this.outbox.list(actor, q);
  }
}
