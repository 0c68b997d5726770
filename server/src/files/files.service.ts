import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../shared/policy';
import type { FileMime, UploadFields, UploadedFile } from '../../../shared/schemas/files';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { WorkshopsService } from '../workshops/workshops.service';
import { FILE_ACCESS_CHECKER, type FileAccessChecker, INSPECTION_STAMP_CONTEXT, type InspectionStampContext } from './file-hooks';
import { FILE_STORE, type FileStore, newStorageKey } from './file-store';
import { processPhoto, stampTime } from './photo';
import { sniffMime } from './sniff';
import { StoredFileEntity } from './stored-file.entity';

const unsupported = (): AppError => new AppError('UNSUPPORTED_FILE_TYPE', HttpStatus.UNSUPPORTED_MEDIA_TYPE);

@Injectable()
export class FilesService {
  private readonly logger = new Logger(FilesService.name);
  private readonly hooks = new Map<string, unknown>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly workshops: WorkshopsService,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
  ) {}

  /**
   * Stores an upload. The type comes from the bytes; photos are re-encoded (no EXIF, ≤ 1280 px, stamped
   * with time, enterprise / workshop and the uploader's name) outside any database transaction.
   */
  async upload(actor: Principal & { name?: string }, bytes: Buffer, fields: UploadFields): Promise<UploadedFile> {
    const mime = sniffMime(bytes);
    if (!mime) throw unsupported();

    // What the photo was taken at: only places the caller may see (404 otherwise, like any unknown id).
    let enterpriseId: string | null = null;
    let enterpriseName: string | null = null;
    let workshopId: string | null = null;
    let workshopName: string | null = null;
    if (fields.inspectionId) {
      const ctx = await this.hook<InspectionStampContext>(INSPECTION_STAMP_CONTEXT)?.stampContextFor(actor, fields.inspectionId);
      if (ctx === null) throw AppError.notFound();
      if (ctx) ({ enterpriseId, enterpriseName } = ctx);
    }
    if (fields.workshopId) {
      const w = await this.workshops.access(actor, fields.workshopId);
      // An inspector of a round may not read the host's full record: the inspection vouches for them.
      const found = w ?? (enterpriseId ? await this.workshopOf(enterpriseId, fields.workshopId) : null);
      if (!found) throw AppError.notFound();
      workshopId = found.workshop.id;
      workshopName = found.workshop.name;
      enterpriseId = found.workshop.enterpriseId;
      enterpriseName = found.enterpriseName;
    }

    let stored: { main: Buffer; thumb: Buffer | null; width: number | null; height: number | null; mime: FileMime };
    if (mime === 'application/pdf') {
      stored = { main: bytes, thumb: null, width: null, height: null, mime };
    } else {
      const place = [enterpriseName, workshopName].filter(Boolean).join(' · ');
      const lines = [`${stampTime(this.clock.now())}（北京时间）`, place, actor.name ? `检查人：${actor.name}` : ''];
      try {
        const p = await processPhoto(bytes, lines);
        stored = { main: p.main, thumb: p.thumb, width: p.width, height: p.height, mime: 'image/jpeg' };
      } catch (err) {
        // Right magic number, bytes that do not decode: not an image we can take.
        this.logger.debug(`photo refused: ${err instanceof Error ? err.message : String(err)}`);
        throw unsupported();
      }
    }

    const key = newStorageKey();
    await this.store.put(key, stored.main, stored.mime);
    if (stored.thumb) await this.store.put(`${key}.thumb`, stored.thumb, 'image/jpeg');
    const repo = this.db.getRepository(StoredFileEntity);
    const row = await repo.save(
      repo.create({
        storageKey: key,
        thumbKey: stored.thumb ? `${key}.thumb` : null,
        mime: stored.mime,
        size: stored.main.length,
        width: stored.width,
        height: stored.height,
        uploadedById: actor.userId,
        enterpriseId,
        workshopId,
        inspectionId: fields.inspectionId ?? null,
      }),
    );
    return toDto(row);
  }

  /** The bytes of a file (or its thumbnail) for someone who may see it; 404 for anyone else. */
  async read(actor: Principal, id: string, thumb: boolean): Promise<{ data: Buffer; mime: FileMime }> {
    const row = await this.db.getRepository(StoredFileEntity).findOneBy({ id });
    if (!row || !(await this.mayRead(actor, row))) throw AppError.notFound();
    const key = thumb ? row.thumbKey : row.storageKey;
    if (!key) throw AppError.notFound();
    const data = await this.store.get(key);
    if (!data) throw AppError.notFound();
    return { data, mime: thumb ? 'image/jpeg' : row.mime };
  }

  /** Metadata of files the caller may see (for modules that attach them). */
  async meta(id: string): Promise<UploadedFile | null> {
    const row = await this.db.getRepository(StoredFileEntity).findOneBy({ id });
    return row ? toDto(row) : null;
  }

  private async mayRead(actor: Principal, row: StoredFileEntity): Promise<boolean> {
    if (row.uploadedById === actor.userId) return true;
    const checker = this.hook<FileAccessChecker>(FILE_ACCESS_CHECKER);
    return checker ? checker.mayReadFile(actor, row.id) : false;
  }

  private async workshopOf(enterpriseId: string, workshopId: string) {
    const w = await this.workshops.findById(workshopId);
    return w && w.workshop.enterpriseId === enterpriseId ? w : null;
  }

  /** An optional provider of another module, looked up once (null when that module is absent). */
  private hook<T>(token: string): T | null {
    if (!this.hooks.has(token)) {
      let found: unknown = null;
      try {
        found = this.moduleRef.get(token, { strict: false });
      } catch {
        found = null;
      }
      this.hooks.set(token, found);
    }
    return this.hooks.get(token) as T | null;
  }
}

export function toDto(row: StoredFileEntity): UploadedFile {
  return {
    id: row.id,
    url: `/api/files/${row.id}`,
    thumbUrl: row.thumbKey ? `/api/files/${row.id}/thumb` : null,
    mime: row.mime,
    size: row.size,
    width: row.width,
    height: row.height,
    createdAt: row.createdAt.toISOString(),
  };
}
