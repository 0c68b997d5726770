import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../shared/policy';
import { type ScanResult, scanQuerySchema, scanResultSchema } from '../../../shared/schemas/workshops';
import { Actor } from '../common/auth.decorators';
import { Returns, ZQuery } from '../common/zod';
import { ScanService } from './scan.service';

@ApiTags('workshops')
@ApiBearerAuth()
@Controller('scan')
export class ScanController {
  constructor(private readonly scan: ScanService) {}

  /** `code`: the token, the label's link (plain or URL-encoded), a mini-program scene, or the manual code. */
  @Get()
  @Returns(scanResultSchema)
  resolve(@Actor() actor: Principal, @ZQuery(scanQuerySchema) q: { code: string }): Promise<ScanResult> {
    return this.scan.resolve(actor, q.code);
  }
}
