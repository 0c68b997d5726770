import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../shared/policy';
import {
  type AckNoticeBody,
  type CreateNoticeBody,
  type Notice,
  type NoticeAcks,
  type NoticeList,
  type NoticeQuery,
  type RemindResult,
  type UpdateNoticeBody,
  ackNoticeSchema,
  createNoticeSchema,
  noticeAcksSchema,
  noticeListSchema,
  noticeQuerySchema,
  noticeSchema,
  remindResultSchema,
  updateNoticeSchema,
} from '../../../shared/schemas/notices';
import { Actor } from '../common/auth.decorators';
import { IdParam, Returns, ZBody, ZodPipe, ZQuery } from '../common/zod';
import { NoticesService } from './notices.service';

@ApiTags('notices')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @Returns(noticeListSchema)
  list(@Actor() actor: Principal, @ZQuery(noticeQuerySchema) q: NoticeQuery): Promise<NoticeList> {
    return this.notices.list(actor, q);
  }

  @Post()
  @Returns(noticeSchema, 201)
  create(@Actor() actor: Principal, @ZBody(createNoticeSchema) body: CreateNoticeBody): Promise<Notice> {
    return this.notices.create(actor, body);
  }

  @Get(':id')
  @Returns(noticeSchema)
  get(@Actor() actor: Principal, @IdParam() id: string): Promise<Notice> {
    return this.notices.get(actor, id);
  }

  /** Re-publish a changed notice (a new version to confirm). */
  @Put(':id')
  @Returns(noticeSchema)
  update(@Actor() actor: Principal, @IdParam() id: string, @ZBody(updateNoticeSchema) body: UpdateNoticeBody): Promise<Notice> {
    return this.notices.update(actor, id, body);
  }

  /** The body is optional (`{version}`): a bare POST confirms the current version. */
  @Post(':id/ack')
  @HttpCode(200)
  @Returns(noticeSchema)
  ack(@Actor() actor: Principal, @IdParam() id: string, @Body(new ZodPipe(ackNoticeSchema)) body: AckNoticeBody): Promise<Notice> {
    return this.notices.ack(actor, id, body.version);
  }

  @Get(':id/acks')
  @Returns(noticeAcksSchema)
  acks(@Actor() actor: Principal, @IdParam() id: string): Promise<NoticeAcks> {
    return this.notices.acks(actor, id);
  }

  @Post(':id/remind')
  @HttpCode(200)
  @Returns(remindResultSchema)
  remind(@Actor() actor: Principal, @IdParam() id: string): Promise<RemindResult> {
    return this.notices.remind(actor, id);
  }
}
