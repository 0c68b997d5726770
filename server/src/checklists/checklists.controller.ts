import { Controller, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../shared/policy';
import {
  type Checklist,
  type ChecklistQuery,
  type ChecklistSummary,
  type CopyChecklistBody,
  type CreateChecklistBody,
  type UpdateChecklistBody,
  checklistListSchema,
  checklistQuerySchema,
  checklistSchema,
  copyChecklistSchema,
  createChecklistSchema,
  updateChecklistSchema,
} from '../../../shared/schemas/checklists';
import { Actor } from '../common/auth.decorators';
import { IdParam, Returns, ZBody, ZQuery } from '../common/zod';
import { ChecklistsService } from './checklists.service';

@ApiTags('checklists')
@ApiBearerAuth()
@Controller('checklists')
export class ChecklistsController {
  constructor(private readonly checklists: ChecklistsService) {}

  @Get()
  @Returns(checklistListSchema)
  async list(@Actor() actor: Principal, @ZQuery(checklistQuerySchema) q: ChecklistQuery): Promise<{ items: ChecklistSummary[] }> {
    return { items: await this.checklists.list(actor, q) };
  }

  @Post()
  @Returns(checklistSchema, 201)
  create(@Actor() actor: Principal, @ZBody(createChecklistSchema) body: CreateChecklistBody): Promise<Checklist> {
    return this.checklists.create(actor, body);
  }

  @Get(':id')
  @Returns(checklistSchema)
  get(@Actor() actor: Principal, @IdParam() id: string): Promise<Checklist> {
    return this.checklists.get(actor, id);
  }

  @Post(':id/copy')
  @Returns(checklistSchema, 201)
  copy(@Actor() actor: Principal, @IdParam() id: string, @ZBody(copyChecklistSchema) body: CopyChecklistBody): Promise<Checklist> {
    return this.checklists.copy(actor, id, body);
  }

  /** Saves an edit as a new version. */
  @Put(':id')
  @Returns(checklistSchema)
  update(@Actor() actor: Principal, @IdParam() id: string, @ZBody(updateChecklistSchema) body: UpdateChecklistBody): Promise<Checklist> {
    return this.checklists.update(actor, id, body);
  }
}
