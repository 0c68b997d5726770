import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { type Principal, isMemberOf } from '../../../shared/policy';
import type { ScanAction, ScanResult } from '../../../shared/schemas/workshops';
import { AppError } from '../common/app-error';
import { WorkshopsService } from '../workshops/workshops.service';
import { ASSIGNED_INSPECTION_FINDER, type AssignedInspectionFinder } from './inspection-hook';
import { parseScanCode } from './scan-code';

// Unknown codes and codes the caller has no business with get the same answer: nothing leaks.
const unknown = (): AppError => new AppError('SCAN_UNKNOWN', HttpStatus.NOT_FOUND);

@Injectable()
export class ScanService {
  private readonly logger = new Logger(ScanService.name);
  private finder: AssignedInspectionFinder | null | undefined;

  constructor(
    private readonly workshops: WorkshopsService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /**
   * What the caller can do at the workshop a code names: start a self patrol (they work there), continue
   * the mutual round they are assigned to at this host, or only look (they may read the enterprise).
   * Anyone else: 404. A rotated label: 410 "该标签已作废，请使用新标签".
   */
  async resolve(actor: Principal, code: string): Promise<ScanResult> {
    const parsed = parseScanCode(code);
    if (!parsed) throw unknown();
    const found = await this.workshops.findByCode(parsed.value);
    if (found === 'retired') throw new AppError('QR_TOKEN_ROTATED', HttpStatus.GONE);
    // MySQL's default collation compares case-insensitively: the token must match exactly.
    if (!found || (found.workshop.qrToken !== parsed.value && found.workshop.manualCode !== parsed.value)) throw unknown();
    const w = found.workshop;

    const actions: ScanAction[] = [];
    if (isMemberOf(actor, w.enterpriseId)) actions.push({ type: 'start_self_patrol', workshopId: w.id });
    const round = await this.assignedRound(actor, w.enterpriseId);
    if (round) actions.push({ type: 'continue_inspection', inspectionId: round.id, workshopId: w.id });
    if (actions.length === 0 && !(await this.workshops.access(actor, w.id))) throw unknown();

    return {
      workshop: { id: w.id, name: w.name, location: w.location, riskLevel: w.riskLevel },
      enterprise: { id: w.enterpriseId, name: found.enterpriseName },
      actions,
    };
  }

  private async assignedRound(actor: Principal, enterpriseId: string): Promise<{ id: string } | null> {
    if (this.finder === undefined) {
      try {
        this.finder = this.moduleRef.get<AssignedInspectionFinder>(ASSIGNED_INSPECTION_FINDER, { strict: false });
      } catch {
        // The inspections module is not there (yet): scanning still offers the self patrol.
        this.logger.debug('no ASSIGNED_INSPECTION_FINDER provider: scan offers self patrols only');
        this.finder = null;
      }
    }
    return this.finder ? this.finder.assignedOpenInspectionFor(actor, enterpriseId) : null;
  }
}
