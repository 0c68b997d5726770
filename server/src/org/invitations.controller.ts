import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../shared/policy';
import {
  type AcceptInvitationBody,
  type AcceptInvitationResponse,
  type InvitationPreview,
  acceptInvitationResponseSchema,
  acceptInvitationSchema,
  invitationCodeSchema,
  invitationPreviewSchema,
} from '../../../shared/schemas/org';
import { Actor } from '../common/auth.decorators';
import { Returns, ZBody, ZodPipe } from '../common/zod';
import { InvitationsService } from './invitations.service';

const CodeParam = (): ParameterDecorator => Param('code', new ZodPipe(invitationCodeSchema));

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get(':code')
  @Returns(invitationPreviewSchema)
  preview(@CodeParam() code: string): Promise<InvitationPreview> {
    return this.invitations.preview(code);
  }

  @Post(':code/accept')
  @HttpCode(200)
  @Returns(acceptInvitationResponseSchema)
  accept(@Actor() actor: Principal, @CodeParam() code: string, @ZBody(acceptInvitationSchema) body: AcceptInvitationBody): Promise<AcceptInvitationResponse> {
    return this.invitations.accept(actor, code, body);
  }
}
