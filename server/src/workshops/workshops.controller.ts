import { Controller, Get, Header, Patch, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../shared/policy';
import {
  type CreateWorkshopBody,
  type UpdateWorkshopBody,
  type Workshop,
  createWorkshopSchema,
  updateWorkshopSchema,
  workshopListSchema,
  workshopSchema,
} from '../../../shared/schemas/workshops';
import { Actor } from '../common/auth.decorators';
import { IdParam, Returns, ZBody } from '../common/zod';
import { LabelsService } from './labels.service';
import { WorkshopsService } from './workshops.service';

const PNG = { 'image/png': { schema: { type: 'string', format: 'binary' } } };

@ApiTags('workshops')
@ApiBearerAuth()
@Controller()
export class WorkshopsController {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly labels: LabelsService,
  ) {}

  @Get('enterprises/:id/workshops')
  @Returns(workshopListSchema)
  async list(@Actor() actor: Principal, @IdParam() id: string): Promise<{ items: Workshop[] }> {
    return { items: await this.workshops.list(actor, id) };
  }

  @Post('enterprises/:id/workshops')
  @Returns(workshopSchema, 201)
  create(@Actor() actor: Principal, @IdParam() id: string, @ZBody(createWorkshopSchema) body: CreateWorkshopBody): Promise<Workshop> {
    return this.workshops.create(actor, id, body);
  }

  @Get('enterprises/:id/qr-labels.pdf')
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'A4 sheet of QR labels of every workshop', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @Header('Cache-Control', 'no-store')
  async labelsPdf(@Actor() actor: Principal, @IdParam() id: string): Promise<StreamableFile> {
    const pdf = await this.labels.sheet(actor, id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: 'inline; filename="qr-labels.pdf"' });
  }

  @Get('workshops/:id')
  @Returns(workshopSchema)
  get(@Actor() actor: Principal, @IdParam() id: string): Promise<Workshop> {
    return this.workshops.get(actor, id);
  }

  @Patch('workshops/:id')
  @Returns(workshopSchema)
  update(@Actor() actor: Principal, @IdParam() id: string, @ZBody(updateWorkshopSchema) body: UpdateWorkshopBody): Promise<Workshop> {
    return this.workshops.update(actor, id, body);
  }

  @Post('workshops/:id/rotate-token')
  @Returns(workshopSchema, 201)
  rotate(@Actor() actor: Principal, @IdParam() id: string): Promise<Workshop> {
    return this.workshops.rotate(actor, id);
  }

  @Get('workshops/:id/qrcode.png')
  @ApiProduces('image/png')
  @ApiResponse({ status: 200, description: "PNG QR code of the workshop label's link", content: PNG })
  @Header('Cache-Control', 'no-store')
  async qrcode(@Actor() actor: Principal, @IdParam() id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.workshops.qrPng(actor, id), { type: 'image/png' });
  }

  @Get('workshops/:id/wxacode.png')
  @ApiProduces('image/png')
  @ApiResponse({ status: 200, description: 'Mini-program code (getwxacodeunlimit, scene = token)', content: PNG })
  @Header('Cache-Control', 'no-store')
  async wxacode(@Actor() actor: Principal, @IdParam() id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.labels.wxaCode(actor, id), { type: 'image/png' });
  }
}
