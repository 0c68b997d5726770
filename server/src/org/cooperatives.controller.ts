import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Principal } from '../../../shared/policy';
import { type Page, pageOf } from '../../../shared/schemas/common';
import {
  type Cooperative,
  type CreateCooperativeBody,
  type CreateInvitationBody,
  type CreateRegionBody,
  type Invitation,
  type InvitationList,
  type Region,
  cooperativeListQuerySchema,
  cooperativeSchema,
  createCooperativeSchema,
  createInvitationSchema,
  createRegionSchema,
  invitationListSchema,
  invitationSchema,
  regionSchema,
} from '../../../shared/schemas/org';
import { Actor } from '../common/auth.decorators';
import { IdParam, Returns, ZBody, ZQuery } from '../common/zod';
import { CooperativesService } from './cooperatives.service';
import { InvitationsService } from './invitations.service';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class CooperativesController {
  constructor(
    private readonly coops: CooperativesService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get('regions')
  @Returns(z.object({ items: z.array(regionSchema) }))
  regions(): Promise<{ items: z.infer<typeof regionSchema>[] }> {
    return this.coops.listRegions();
  }

  @Post('regions')
  @Returns(regionSchema, 201)
  createRegion(@Actor() actor: Principal, @ZBody(createRegionSchema) body: CreateRegionBody): Promise<Region> {
    return this.coops.createRegion(actor, body);
  }

  @Get('cooperatives')
  @Returns(pageOf(cooperativeSchema))
  list(@Actor() actor: Principal, @ZQuery(cooperativeListQuerySchema) q: z.infer<typeof cooperativeListQuerySchema>): Promise<Page<Cooperative>> {
    return this.coops.list(actor, q);
  }

  @Post('cooperatives')
  @Returns(cooperativeSchema, 201)
  create(@Actor() actor: Principal, @ZBody(createCooperativeSchema) body: CreateCooperativeBody): Promise<Cooperative> {
    return this.coops.create(actor, body);
  }

  @Get('cooperatives/:id')
  @Returns(cooperativeSchema)
  get(@Actor() actor: Principal, @IdParam() id: string): Promise<Cooperative> {
    return this.coops.get(actor, id);
  }

  @Post('cooperatives/:id/invitations')
  @Returns(invitationSchema, 201)
  invite(@Actor() actor: Principal, @IdParam() id: string, @ZBody(createInvitationSchema) body: CreateInvitationBody): Promise<Invitation> {
    return this.invitations.create(actor, id, body);
  }

  @Get('cooperatives/:id/invitations')
  @Returns(invitationListSchema)
  invitationList(@Actor() actor: Principal, @IdParam() id: string): Promise<InvitationList> {
    return this.invitations.list(actor, id);
  }
}
