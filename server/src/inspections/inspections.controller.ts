import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '../../../shared/policy';
import {
  type CreateInspectionBody,
  type Feedback,
  type Inspection,
  type InspectionQuery,
  type InspectionSummary,
  type ResultsAck,
  type ResultsBatch,
  createInspectionSchema,
  feedbackSchema,
  inspectionListSchema,
  inspectionQuerySchema,
  inspectionSchema,
  resultsAckSchema,
  resultsBatchSchema,
} from '../../../shared/schemas/inspections';
import { Actor } from '../common/auth.decorators';
import { IdParam, Returns, ZBody, ZQuery } from '../common/zod';
import { InspectionsService } from './inspections.service';

@ApiTags('inspections')
@ApiBearerAuth()
@Controller('inspections')
export class InspectionsController {
  constructor(private readonly inspections: InspectionsService) {}

  @Get()
  @Returns(inspectionListSchema)
  list(
    @Actor() actor: Principal,
    @ZQuery(inspectionQuerySchema) q: InspectionQuery,
  ): Promise<{ items: InspectionSummary[]; total: number; page: number; pageSize: number }> {
    return this.inspections.list(actor, q);
  }

  /** 201 for a new inspection; 200 when today's open self patrol of the same spot is resumed. */
  @Post()
  @Returns(inspectionSchema, 201)
  async create(
    @Actor() actor: Principal,
    @ZBody(createInspectionSchema) body: CreateInspectionBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Inspection> {
    const { inspection, created } = await this.inspections.create(actor, body);
    res.status(created ? 201 : 200);
    return inspection;
  }

  @Get(':id')
  @Returns(inspectionSchema)
  get(@Actor() actor: Principal, @IdParam() id: string): Promise<Inspection> {
    return this.inspections.get(actor, id);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Returns(inspectionSchema)
  start(@Actor() actor: Principal, @IdParam() id: string): Promise<Inspection> {
    return this.inspections.start(actor, id);
  }

  @Post(':id/results')
  @HttpCode(200)
  @Returns(resultsAckSchema)
  results(@Actor() actor: Principal, @IdParam() id: string, @ZBody(resultsBatchSchema) body: ResultsBatch): Promise<ResultsAck> {
    return this.inspections.record(actor, id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Returns(inspectionSchema)
  submit(@Actor() actor: Principal, @IdParam() id: string): Promise<Inspection> {
    return this.inspections.submit(actor, id);
  }

  @Get(':id/feedback')
  @Returns(feedbackSchema)
  feedback(@Actor() actor: Principal, @IdParam() id: string): Promise<Feedback> {
    return this.inspections.feedback(actor, id);
  }
}
