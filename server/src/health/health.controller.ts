import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { type Health, healthSchema } from '../../../shared/schemas/common';
import { Public } from '../common/auth.decorators';
import { DB_RETRY_AFTER_SECONDS } from '../common/exception.filter';
import { Returns } from '../common/zod';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Public()
  @Get()
  @Returns(healthSchema)
  async check(@Res({ passthrough: true }) res: Response): Promise<Health> {
    try {
      await this.db.query('SELECT 1');
      return { status: 'ok', db: 'up' };
    } catch {
      res.status(503).setHeader('Retry-After', String(DB_RETRY_AFTER_SECONDS));
      return { status: 'error', db: 'down' };
    }
  }
}
