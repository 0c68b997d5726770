import { Controller, Get, Header, HttpCode, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../shared/policy';
import {
  type CreateExpertBody,
  type CreateExpertVisitBody,
  type Expert,
  type ExpertCandidateList,
  type ExpertCandidateQuery,
  type ExpertList,
  type ExpertListQuery,
  type ExpertStats,
  type ExpertStatsQuery,
  type ExpertVisitDetail,
  type ExpertVisitList,
  type ExpertVisitQuery,
  type PrescriptionBody,
  createExpertSchema,
  createExpertVisitSchema,
  expertCandidateListSchema,
  expertCandidateQuerySchema,
  expertListQuerySchema,
  expertListSchema,
  expertSchema,
  expertStatsQuerySchema,
  expertStatsSchema,
  expertVisitDetailSchema,
  expertVisitListSchema,
  expertVisitQuerySchema,
  prescriptionBodySchema,
} from '../../../shared/schemas/experts';
import { Actor } from '../common/auth.decorators';
import { IdParam, Returns, ZBody, ZQuery } from '../common/zod';
import { ExpertVisitsService } from './expert-visits.service';
import { ExpertsService } from './experts.service';

@ApiTags('experts')
@ApiBearerAuth()
@Controller()
export class ExpertsController {
  constructor(
    private readonly experts: ExpertsService,
    private readonly visits: ExpertVisitsService,
  ) {}

  @Get('experts')
  @Returns(expertListSchema)
  list(@Actor() actor: Principal, @ZQuery(expertListQuerySchema) q: ExpertListQuery): Promise<ExpertList> {
    return this.experts.list(actor, q);
  }

  @Post('experts')
  @Returns(expertSchema, 201)
  create(@Actor() actor: Principal, @ZBody(createExpertSchema) body: CreateExpertBody): Promise<Expert> {
    return this.experts.create(actor, body);
  }

  /** Existing users a registrar may register as an expert (exact username, phone or name). */
  @Get('experts/candidates')
  @Returns(expertCandidateListSchema)
  candidates(@Actor() actor: Principal, @ZQuery(expertCandidateQuerySchema) q: ExpertCandidateQuery): Promise<ExpertCandidateList> {
    return this.experts.candidates(actor, q);
  }

  /** Visits and expert engagements (人次) of a cooperative, a town or the district. */
  @Get('experts/stats')
  @Returns(expertStatsSchema)
  stats(@Actor() actor: Principal, @ZQuery(expertStatsQuerySchema.innerType()) q: ExpertStatsQuery): Promise<ExpertStats> {
    return this.experts.stats(actor, q);
  }

  @Get('expert-visits')
  @Returns(expertVisitListSchema)
  listVisits(@Actor() actor: Principal, @ZQuery(expertVisitQuerySchema) q: ExpertVisitQuery): Promise<ExpertVisitList> {
    return this.visits.list(actor, q);
  }

  @Post('expert-visits')
  @Returns(expertVisitDetailSchema, 201)
  createVisit(@Actor() actor: Principal, @ZBody(createExpertVisitSchema) body: CreateExpertVisitBody): Promise<ExpertVisitDetail> {
    return this.visits.create(actor, body);
  }

  @Get('expert-visits/:id')
  @Returns(expertVisitDetailSchema)
  getVisit(@Actor() actor: Principal, @IdParam() id: string): Promise<ExpertVisitDetail> {
    return this.visits.get(actor, id);
  }

  /** The expert's advice: general, per hazard of the visit, and the follow-up. */
  @Put('expert-visits/:id/prescription')
  @HttpCode(200)
  @Returns(expertVisitDetailSchema)
  prescribe(@Actor() actor: Principal, @IdParam() id: string, @ZBody(prescriptionBodySchema) body: PrescriptionBody): Promise<ExpertVisitDetail> {
    return this.visits.prescribe(actor, id, body);
  }

  /** 整改处方 as a PDF: readers of the visit, once its inspection is submitted (else 409 PRESCRIPTION_NOT_READY). */
  @Get('expert-visits/:id/prescription.pdf')
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: '整改处方 PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @Header('Cache-Control', 'no-store')
  async prescription(@Actor() actor: Principal, @IdParam() id: string): Promise<StreamableFile> {
    const { pdf, filename } = await this.visits.prescriptionPdf(actor, id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="prescription.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}` });
  }
}
