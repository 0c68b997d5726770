import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../shared/policy';
import {
  type HazardList,
  type HazardQuery,
  type HazardSummary,
  type HazardSummaryQuery,
  hazardListSchema,
  hazardQuerySchema,
  hazardSummaryQuerySchema,
  hazardSummarySchema,
} from '../../../shared/schemas/hazards';
import { Actor } from '../common/auth.decorators';
import { Returns, ZQuery } from '../common/zod';
import { HazardsListService } from './hazards-list.service';

// Registered before HazardsController: `hazards/summary` and `hazards/export.xlsx` are not `hazards/:id`.
@ApiTags('hazards')
@ApiBearerAuth()
@Controller()
export class HazardsListController {
  constructor(private readonly lists: HazardsListService) {}

  /** The caller's hazards: a member's open ones, those waiting for their verification, a cooperative's or a region's. */
  @Get('hazards')
  @Returns(hazardListSchema)
  list(@Actor() actor: Principal, @ZQuery(hazardQuerySchema) q: HazardQuery): Promise<HazardList> {
    return this.lists.list(actor, q);
  }

  /** Per-member counts (open, pending verification, overdue, open majors, closed), overdue first. */
  @Get('hazards/summary')
  @Returns(hazardSummarySchema)
  summary(@Actor() actor: Principal, @ZQuery(hazardSummaryQuerySchema) q: HazardSummaryQuery): Promise<HazardSummary> {
    return this.lists.summary(actor, q);
  }
}
