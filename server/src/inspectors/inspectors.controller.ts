import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../shared/policy';
import { type InspectorCandidate, inspectorCandidateListSchema } from '../../../shared/schemas/inspectors';
import { Actor } from '../common/auth.decorators';
import { IdParam, Returns } from '../common/zod';
import { InspectorsService } from './inspectors.service';

@ApiTags('inspections')
@ApiBearerAuth()
@Controller()
export class InspectorsController {
  constructor(private readonly inspectors: InspectorsService) {}

  /** People the coop admin may put in a mutual inspection group (members of the cooperative's enterprises, its experts). */
  @Get('cooperatives/:id/inspectors')
  @Returns(inspectorCandidateListSchema)
  list(@Actor() actor: Principal, @IdParam() id: string): Promise<{ items: InspectorCandidate[] }> {
    return this.inspectors.candidates(actor, id);
  }
}
