import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Principal } from '../../../shared/policy';
import { type Page, pageOf } from '../../../shared/schemas/common';
import {
  type CreateEnterpriseBody,
  type DirectoryEntry,
  type Enterprise,
  type EnterpriseListQuery,
  type UpdateEnterpriseBody,
  createEnterpriseSchema,
  directoryEntrySchema,
  enterpriseListQuerySchema,
  enterpriseSchema,
  updateEnterpriseSchema,
} from '../../../shared/schemas/org';
import { Actor } from '../common/auth.decorators';
import { IdParam, Returns, ZBody, ZQuery } from '../common/zod';
import { EnterprisesService } from './enterprises.service';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Get()
  @Returns(pageOf(directoryEntrySchema))
  list(@Actor() actor: Principal, @ZQuery(enterpriseListQuerySchema) q: EnterpriseListQuery): Promise<Page<DirectoryEntry>> {
    return this.enterprises.list(actor, q);
  }

  @Post()
  @Returns(enterpriseSchema, 201)
  create(@Actor() actor: Principal, @ZBody(createEnterpriseSchema) body: CreateEnterpriseBody): Promise<Enterprise> {
    return this.enterprises.create(actor, body);
  }

  @Get(':id')
  @Returns(enterpriseSchema)
  get(@Actor() actor: Principal, @IdParam() id: string): Promise<Enterprise> {
    return this.enterprises.get(actor, id);
  }

  @Patch(':id')
  @Returns(enterpriseSchema)
  update(@Actor() actor: Principal, @IdParam() id: string, @ZBody(updateEnterpriseSchema) body: UpdateEnterpriseBody): Promise<Enterprise> {
    return this.enterprises.update(actor, id, body);
  }
}

/** `GET /api/me/enterprises`: the caller's own enterprises in one request (the 我的 and join pages). */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller('me')
export class MyEnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Get('enterprises')
  @Returns(z.object({ items: z.array(enterpriseSchema) }))
  mine(@Actor() actor: Principal): Promise<{ items: Enterprise[] }> {
    return this.enterprises.mine(actor);
  }
}
