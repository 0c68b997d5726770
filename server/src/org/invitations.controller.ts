import { Controller, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../shared/policy';
import {
  type AcceptInvitationBody,
  type AcceptInvitationResponse,
  type Invitation,
  type InvitationPreview,
  acceptInvitationResponseSchema,
  acceptInvitationSchema,
  invitationCodeSchema,
  invitationPreviewSchema,
  invitationSchema,
} from '../../../shared/schemas/org';
import { Actor, Public } from '../common/auth.decorators';
import { Returns, ZBody, ZodPipe } from '../common/zod';
import { InvitationsService } from './invitations.service';

const CodeParam = (): ParameterDecorator => Param('code', new ZodPipe(invitationCodeSchema));

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  // Public: a stranger who opens the link must learn which cooperative it is before logging in.
  @Public()
  @Get(':code')
  @Returns(invitationPreviewSchema)
  preview(@CodeParam() code: string): Promise<InvitationPreview> {
    return this.invitations.preview(code);
  }

  @Public()
  @Get(':code/qrcode.png')
  @ApiProduces('image/png')
  @ApiResponse({ status: 200, description: 'PNG QR code of the join link', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } })
  @Header('Cache-Control', 'public, max-age=3600')
  async qrcode(@CodeParam() code: string): Promise<StreamableFile> {
    return new StreamableFile(await this.invitations.qrPng(code), { type: 'image/png' });
  }

  @Post(':code/revoke')
  @HttpCode(200)
  @Returns(invitationSchema)
  revoke(@Actor() actor: Principal, @CodeParam() code: string): Promise<Invitation> {
    return this.invitations.revoke(actor, code);
  }

  @Post(':code/accept')
  @HttpCode(200)
  @Returns(acceptInvitationResponseSchema)
  accept(@Actor() actor: Principal, @CodeParam() code: string, @ZBody(acceptInvitationSchema) body: AcceptInvitationBody): Promise<AcceptInvitationResponse> {
    return this.invitations.accept(actor, code, body);
  }
}
