import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Principal } from '../../../shared/policy';
import type { FileMime, UploadFields, UploadedFile } from '../../../shared/schemas/files';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/config';
import { ScopeService } from '../org/scope.service';
import { WorkshopsService } from '../workshops/workshops.service';
import { attachedAndReadable, inspectionHost } from './attachments';
import { FILE_ACCESS_CHECKER, type FileAccessChecker, INSPECTION_STAMP_CONTEXT, type InspectionStampContext } from './file-hooks';
import { FILE_STORE, type FileStore, newStorageKey } from './file-store';
import { processPhoto, stampTime } from './photo';
import { sniffMime } from './sniff';
import { StoredFileEntity } from './stored-file.entity';

// Signed links live 6 to 7 hours: the expiry is rounded to the hour so a list's image links stay the same
// (and cacheable) for an hour.
const SIGNED_TTL_S = 6 * 3600;

const unsupported = (): AppError => new AppError('UNSUPPORTED_FILE_TYPE', HttpStatus.UNSUPPORTED_MEDIA_TYPE);

@Injectable()
export class FilesService {
  private readonly logger = new Logger(FilesService.name);
  private readonly hooks = new Map<string, unknown>();
  private readonly signKey: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly workshops: WorkshopsService,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
    private readonly scope: ScopeService,
    config: AppConfig,
  ) {
    // A key of its own, derived from the token secret: a file link can never pass for a login token.
    this.signKey = createHmac('sha256', config.jwtSecret).update('anquan/file-links').digest();
  }

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
      const hook = this.hook<InspectionStampContext>(INSPECTION_STAMP_CONTEXT);
      const ctx = hook
        ? await hook.stampContextFor(actor, fields.inspectionId)
        : await inspectionHost(this.db, this.scope, actor, fields.inspectionId);
      if (!ctx) throw AppError.notFound();
      ({ enterpriseId, enterpriseName } = ctx);
    }
    if (fields.workshopId) {
      const w = await this.workshops.access(actor, fields.workshopId);
      // An inspector of a round may not read the host's full record: the inspection vouches for them.
      const found = w ?? (enterpriseId ? await this.workshopOf(enterpriseId, fields.workshopId) : null);
      // With an inspection, the workshop must be the host's.
      if (!found || (enterpriseId && found.workshop.enterpriseId !== enterpriseId)) throw AppError.notFound();
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
    return this.toDto(row);
  }

  /** The bytes behind a signed link; 404 when the signature is wrong or expired. */
  async readSigned(id: string, variant: 'main' | 'thumb', exp: number, sig: string): Promise<{ data: Buffer; mime: FileMime }> {
    const expected = Buffer.from(this.signature(id, variant, exp));
    const given = Buffer.from(sig);
    const valid = given.length === expected.length && timingSafeEqual(given, expected);
    if (!valid || exp * 1000 < this.clock.now().getTime()) throw AppError.notFound();
    const row = await this.db.getRepository(StoredFileEntity).findOneBy({ id });
    const key = row ? (variant === 'thumb' ? row.thumbKey : row.storageKey) : null;
    const data = key ? await this.store.get(key) : null;
    if (!row || !data) throw AppError.notFound();
    return { data, mime: variant === 'thumb' ? 'image/jpeg' : row.mime };
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

  /**
   * Files by id with fresh signed links, for modules that attach them (hazard photos …): call only after
   * deciding the viewer may see what they are attached to. Unknown ids are left out.
   */
  async views(ids: string[]): Promise<Map<string, UploadedFile>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.getRepository(StoredFileEntity).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((r) => [r.id, this.toDto(r)]));
  }

  /** Whether these ids are files this person uploaded (for attaching them to a record). */
  async uploadedBy(userId: string, ids: string[]): Promise<boolean> {
    if (ids.length === 0) return true;
    const unique = [...new Set(ids)];
    return (await this.db.getRepository(StoredFileEntity).countBy({ id: In(unique), uploadedById: userId })) === unique.length;
  }

  toDto(row: StoredFileEntity): UploadedFile {
    return {
      id: row.id,
      url: `/api/files/${row.id}`,
      thumbUrl: row.thumbKey ? `/api/files/${row.id}/thumb` : null,
      signedUrl: this.signedPath(row.id, 'main'),
      signedThumbUrl: row.thumbKey ? this.signedPath(row.id, 'thumb') : null,
      mime: row.mime,
      size: row.size,
      width: row.width,
      height: row.height,
      createdAt: row.createdAt.toISOString(),
    };
  }

  private signedPath(id: string, variant: 'main' | 'thumb'): string {
    const exp = Math.ceil(this.clock.now().getTime() / 3_600_000) * 3600 + SIGNED_TTL_S;
    return `/api/files/${id}/img?v=${variant}&exp=${exp}&sig=${this.signature(id, variant, exp)}`;
  }

  private signature(id: string, variant: string, exp: number): string {
    return createHmac('sha256', this.signKey).update(`${id}:${variant}:${exp}`).digest('base64url').slice(0, 32);
  }

  /** The uploader; anyone who may read a record the file is attached to; or whom a module's hook lets in. */
  private async mayRead(actor: Principal, row: StoredFileEntity): Promise<boolean> {
    if (row.uploadedById === actor.userId) return true;
    if (await attachedAndReadable(this.db, this.scope, actor, row.id)) return true;
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
