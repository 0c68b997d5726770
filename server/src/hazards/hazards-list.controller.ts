import { Controller, Get, Header, Logger, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
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
import { IdParam, Returns, ZQuery } from '../common/zod';
import { DownloadClosed, ledgerDisposition, writeLedger } from './hazard-ledger';
import { renderNotice } from './hazard-notice';
import { HazardsListService } from './hazards-list.service';

/** The list's filters without paging: the ledger holds every matching hazard. */
export const ledgerQuerySchema = hazardQuerySchema.omit({ page: true, pageSize: true });
export type LedgerQuery = Omit<HazardQuery, 'page' | 'pageSize'>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF_RESPONSE = { status: 200, description: '隐患整改通知书 (PDF)', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } };
const noticeFile = (pdf: Buffer): StreamableFile =>
  new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent('隐患整改通知书.pdf')}` });

// Registered before HazardsController: `hazards/summary` and `hazards/export.xlsx` are not `hazards/:id`.
@ApiTags('hazards')
@ApiBearerAuth()
@Controller()
export class HazardsListController {
  private readonly logger = new Logger(HazardsListController.name);

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

  /**
   * 隐患台账 as Excel, the list's filters: the row count first (X-Total-Count, for the app's progress), then
   * the file streamed as it is written from batches of rows.
   */
  @Get('hazards/export.xlsx')
  @ApiProduces(XLSX)
  @ApiResponse({ status: 200, description: '隐患台账 (xlsx)', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  async ledger(@Actor() actor: Principal, @ZQuery(ledgerQuerySchema) q: LedgerQuery, @Res() res: Response): Promise<void> {
    const { total, now, batches } = await this.lists.ledger(actor, q);
    res.status(200);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', ledgerDisposition(now));
    res.setHeader('X-Total-Count', String(total));
    res.setHeader('Cache-Control', 'no-store');
    try {
      await writeLedger(res, batches(), { now, total, filter: q });
    } catch (err) {
      if (err instanceof DownloadClosed) return;
      // the headers are gone: all that is left is to cut the download short, so it cannot pass for a whole file
      this.logger.error(`ledger export failed after the headers: ${err instanceof Error ? err.message : String(err)}`);
      res.destroy();
    }
  }

  /** 隐患整改通知书 for one hazard, with its before-photos: whoever may read the hazard. */
  @Get('hazards/:id/notice.pdf')
  @ApiProduces('application/pdf')
  @ApiResponse(PDF_RESPONSE)
  @Header('Cache-Control', 'no-store')
  async hazardNotice(@Actor() actor: Principal, @IdParam() id: string): Promise<StreamableFile> {
    return noticeFile(await renderNotice(await this.lists.notice(actor, { hazardId: id })));
  }

  /** 隐患整改通知书 for every hazard a round found (voided ones left out): whoever may read the inspection. */
  @Get('inspections/:id/notice.pdf')
  @ApiProduces('application/pdf')
  @ApiResponse(PDF_RESPONSE)
  @Header('Cache-Control', 'no-store')
  async inspectionNotice(@Actor() actor: Principal, @IdParam() id: string): Promise<StreamableFile> {
    return noticeFile(await renderNotice(await this.lists.notice(actor, { inspectionId: id })));
  }
}
