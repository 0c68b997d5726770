import { Controller, Get, Header, HttpStatus, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Principal } from '../../../shared/policy';
import { type SignedFileQuery, type UploadedFile, signedFileQuerySchema, uploadFieldsSchema, uploadedFileSchema } from '../../../shared/schemas/files';
import { issuesToFields } from '../../../shared/zod-messages';
import { AppError } from '../common/app-error';
import { Actor, type AuthedRequest, Public } from '../common/auth.decorators';
import { IdParam, Returns, ZQuery } from '../common/zod';
import { AppConfig } from '../config/config';
import { FilesService } from './files.service';

const BINARY = { schema: { type: 'string', format: 'binary' } };

@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  private readonly multipart: ReturnType<ReturnType<typeof multer>['single']>;
  private readonly maxMb: string;

  constructor(
    private readonly files: FilesService,
    config: AppConfig,
  ) {
    // In memory: the cap bounds it, and the bytes go through sharp before anything is written.
    this.multipart = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 4, fieldSize: 256, parts: 6 },
    }).single('file');
    this.maxMb = String(Math.round((config.uploadMaxBytes / 1024 / 1024) * 10) / 10);
  }

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, workshopId: { type: 'string' }, inspectionId: { type: 'string' } },
    },
  })
  @Returns(uploadedFileSchema, 201)
  async upload(@Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response): Promise<UploadedFile> {
    await this.receive(req, res);
    const file = (req as Request & { file?: Express.Multer.File }).file;
    if (!file) throw AppError.validation({ file: '请选择要上传的文件' });
    const parsed = uploadFieldsSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw AppError.validation(issuesToFields(parsed.error.issues));
    return this.files.upload(req.principal as Principal & { name: string }, file.buffer, parsed.data);
  }

  @Get(':id')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'application/pdf')
  @ApiResponse({ status: 200, description: 'The file (photos as re-encoded JPEG)', content: { 'image/jpeg': BINARY, 'application/pdf': BINARY } })
  @Header('Cache-Control', 'private, max-age=86400')
  @Header('X-Content-Type-Options', 'nosniff')
  async get(@Actor() actor: Principal, @IdParam() id: string): Promise<StreamableFile> {
    const f = await this.files.read(actor, id, false);
    return new StreamableFile(f.data, { type: f.mime, disposition: f.mime === 'application/pdf' ? 'attachment; filename="file.pdf"' : 'inline' });
  }

  // Public: the signature is the permission (handed only to people who may see the file), for <Image src>.
  @Public()
  @Get(':id/img')
  @ApiProduces('image/jpeg', 'application/pdf')
  @ApiResponse({ status: 200, description: 'The file or its thumbnail through a signed link', content: { 'image/jpeg': BINARY } })
  @Header('Cache-Control', 'private, max-age=3600')
  @Header('X-Content-Type-Options', 'nosniff')
  async signed(@IdParam() id: string, @ZQuery(signedFileQuerySchema) q: SignedFileQuery): Promise<StreamableFile> {
    const f = await this.files.readSigned(id, q.v, q.exp, q.sig);
    return new StreamableFile(f.data, { type: f.mime, disposition: f.mime === 'application/pdf' ? 'attachment; filename="file.pdf"' : 'inline' });
  }

  @Get(':id/thumb')
  @ApiProduces('image/jpeg')
  @ApiResponse({ status: 200, description: 'About 320 px thumbnail of a photo', content: { 'image/jpeg': BINARY } })
  @Header('Cache-Control', 'private, max-age=86400')
  async thumb(@Actor() actor: Principal, @IdParam() id: string): Promise<StreamableFile> {
    const f = await this.files.read(actor, id, true);
    return new StreamableFile(f.data, { type: f.mime });
  }

  /** Runs the multipart parser; its failures become the API's errors (413 over the cap, 422 otherwise). */
  private receive(req: Request, res: Response): Promise<void> {
    return new Promise((resolve, reject) => {
      this.multipart(req, res, (err: unknown) => {
        if (!err) return resolve();
        if (err instanceof MulterError && err.code === 'LIMIT_FILE_SIZE') {
          return reject(new AppError('FILE_TOO_LARGE', HttpStatus.PAYLOAD_TOO_LARGE, undefined, `文件过大，不能超过 ${this.maxMb} MB`));
        }
        if (err instanceof MulterError) {
          return reject(AppError.validation({ [err.field ?? 'file']: '只能上传一个文件（字段 file），以及 workshopId、inspectionId' }));
        }
        // Broken multipart framing (busboy): the request itself is malformed.
        reject(new AppError('BAD_REQUEST', HttpStatus.BAD_REQUEST));
      });
    });
  }
}
