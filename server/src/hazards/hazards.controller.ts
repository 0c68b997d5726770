import { Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeadlineRules } from '../../../shared/deadlines';
import type { Principal } from '../../../shared/policy';
import { type DeadlineRulesBody, type HazardDetail, deadlineRulesSchema, hazardDetailSchema } from '../../../shared/schemas/hazards';
import { Actor } from '../common/auth.decorators';
import { IdParam, Returns, ZBody } from '../common/zod';
import { HazardsService } from './hazards.service';

@ApiTags('hazards')
@ApiBearerAuth()
@Controller()
export class HazardsController {
  constructor(private readonly hazards: HazardsService) {}

  /** A hazard with its timeline: its enterprise's readers, or the people assigned to the inspection that found or carried it. */
  @Get('hazards/:id')
  @Returns(hazardDetailSchema)
  get(@Actor() actor: Principal, @IdParam() id: string): Promise<HazardDetail> {
    return this.hazards.get(actor, id);
  }

  @Get('cooperatives/:id/deadline-rules')
  @Returns(deadlineRulesSchema)
  rules(@Actor() actor: Principal, @IdParam() id: string): Promise<DeadlineRules> {
    return this.hazards.readRules(actor, id);
  }

  @Put('cooperatives/:id/deadline-rules')
  @Returns(deadlineRulesSchema)
  setRules(@Actor() actor: Principal, @IdParam() id: string, @ZBody(deadlineRulesSchema) body: DeadlineRulesBody): Promise<DeadlineRules> {
    return this.hazards.setRules(actor, id, body);
  }
}
