import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../shared/policy';
import {
  type ExtensionBody,
  type HazardDetail,
  type HazardPlanBody,
  type RectificationBody,
  type VerificationBody,
  type VoidBody,
  extensionBodySchema,
  hazardDetailSchema,
  hazardPlanSchema,
  rectificationBodySchema,
  verificationBodySchema,
  voidBodySchema,
} from '../../../shared/schemas/hazards';
import { Actor } from '../common/auth.decorators';
import { IdParam, Returns, ZBody } from '../common/zod';
import { HazardLifecycleService } from './hazard-lifecycle.service';

/** The moves of the hazard loop; each answers the hazard as the caller now sees it. No route edits or deletes events. */
@ApiTags('hazards')
@ApiBearerAuth()
@Controller('hazards/:id')
export class HazardLifecycleController {
  constructor(private readonly lifecycle: HazardLifecycleService) {}

  /** A major hazard's five-fixed treatment plan, by its enterprise. */
  @Post('plan')
  @HttpCode(200)
  @Returns(hazardDetailSchema)
  plan(@Actor() actor: Principal, @IdParam() id: string, @ZBody(hazardPlanSchema) body: HazardPlanBody): Promise<HazardDetail> {
    return this.lifecycle.plan(actor, id, body);
  }

  /** The enterprise's fix with after-photos; idempotent by clientId. */
  @Post('rectification')
  @HttpCode(200)
  @Returns(hazardDetailSchema)
  rectify(@Actor() actor: Principal, @IdParam() id: string, @ZBody(rectificationBodySchema) body: RectificationBody): Promise<HazardDetail> {
    return this.lifecycle.rectify(actor, id, body);
  }

  /** Accept or reject a fix; a stale version answers 409 HAZARD_CHANGED. */
  @Post('verification')
  @HttpCode(200)
  @Returns(hazardDetailSchema)
  verify(@Actor() actor: Principal, @IdParam() id: string, @ZBody(verificationBodySchema) body: VerificationBody): Promise<HazardDetail> {
    return this.lifecycle.verify(actor, id, body);
  }

  /** Ask for more time (the enterprise), or grant / deny it. */
  @Post('extension')
  @HttpCode(200)
  @Returns(hazardDetailSchema)
  extension(@Actor() actor: Principal, @IdParam() id: string, @ZBody(extensionBodySchema) body: ExtensionBody): Promise<HazardDetail> {
    return this.lifecycle.extension(actor, id, body);
  }

  @Post('void')
  @HttpCode(200)
  @Returns(hazardDetailSchema)
  void(@Actor() actor: Principal, @IdParam() id: string, @ZBody(voidBodySchema) body: VoidBody): Promise<HazardDetail> {
    return this.lifecycle.void(actor, id, body);
  }
}
