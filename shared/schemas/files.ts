import { z } from 'zod';

export const FILE_MIMES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type FileMime = (typeof FILE_MIMES)[number];

/** Optional form fields of `POST /api/files` (multipart, next to `file`): what the photo's stamp names. */
export const uploadFieldsSchema = z
  .object({
    workshopId: z.string().min(1).max(64).optional(),
    inspectionId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type UploadFields = z.infer<typeof uploadFieldsSchema>;

/** A stored file. Photos are re-encoded as JPEG (≤ 1280 px, no EXIF, stamped); `thumbUrl` ≈ 320 px. */
export const uploadedFileSchema = z.object({
  id: z.string(),
  /** `/api/files/:id` — needs the caller's bearer token like every API route. */
  url: z.string(),
  thumbUrl: z.string().nullable(),
  /**
   * The same file without a bearer token, for `<Image src>` (the mini-program cannot send headers there):
   * a signed link valid for a few hours. Only given to people who may see the file.
   */
  signedUrl: z.string(),
  signedThumbUrl: z.string().nullable(),
  mime: z.enum(FILE_MIMES),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  createdAt: z.string(),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

/** Default cap of `UPLOAD_MAX_MB`. */
export const DEFAULT_UPLOAD_MAX_MB = 10;

export const signedFileQuerySchema = z
  .object({
    v: z.enum(['main', 'thumb']).default('main'),
    exp: z.coerce.number().int().positive(),
    sig: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/),
  })
  .strict();
export type SignedFileQuery = z.infer<typeof signedFileQuerySchema>;
