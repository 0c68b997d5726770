// Photos: taken on the phone (compressed before upload), uploaded to POST /api/files, and shown back
// through the bearer token (file URLs are API routes, an <Image> cannot send the header by itself).
import Taro from '@tarojs/taro';
import { ERROR_MESSAGES, errorMessage, isApiErrorBody } from '../../shared/errors';
import type { UploadedFile, UploadFields } from '../../shared/schemas/files';
import { API_BASE, ApiError } from './request';
import { storage } from './storage';

const UPLOAD_TIMEOUT_MS = 60000;

// h5: the File behind each chosen photo's blob: URL. The page's CSP (connect-src 'self') forbids reading a
// blob: URL back, which Taro's h5 uploadFile does, so the browser uploads the File itself.
const browserFiles = new Map<string, File>();

/** Lets the person take or pick photos; resolves to compressed local paths ([] when cancelled). */
export async function choosePhotos(count = 3): Promise<string[]> {
  let paths: string[];
  try {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
    paths = res.tempFiles.map((f) => {
      // Taro's h5 chooseMedia adds the picked File (not in its typings)
      const file = (f as { originalFileObj?: File }).originalFileObj;
      if (file) browserFiles.set(f.tempFilePath, file);
      return f.tempFilePath;
    });
  } catch {
    return []; // cancelled
  }
  if (process.env.TARO_ENV !== 'weapp') return paths;
  // a phone photo is 3–8 MB: shrink it before it goes over a weak signal (the server re-encodes anyway)
  return Promise.all(
    paths.map(async (src) => {
      try {
        return (await Taro.compressImage({ src, quality: 70 })).tempFilePath;
      } catch {
        return src;
      }
    }),
  );
}

/**
 * PDFs to attach, as paths for `uploadPhoto` ([] when cancelled): from a WeChat chat in the mini-program (it has
 * no file browser), from the computer in the browser.
 */
export async function choosePdfs(count: number): Promise<string[]> {
  if (process.env.TARO_ENV === 'h5') return pickBrowserFiles('application/pdf,.pdf', count);
  try {
    return (await Taro.chooseMessageFile({ count, type: 'file', extension: ['pdf'] })).tempFiles.map((f) => f.path);
  } catch {
    return []; // cancelled
  }
}

let picked = 0;

/** The browser's own file dialog; each chosen File is kept under a key the upload reads it back by. */
function pickBrowserFiles(accept: string, count: number): Promise<string[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = count > 1;
    input.style.display = 'none';
    const done = (files: File[]) => {
      input.remove();
      resolve(
        files.slice(0, count).map((f) => {
          const key = `picked-file-${++picked}-${f.name}`;
          browserFiles.set(key, f);
          return key;
        }),
      );
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });
}

/** Keeps a temp photo across app restarts (temp files may be cleaned): the saved path, or the same on failure. */
export async function keepPhoto(tempPath: string): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return tempPath;
  try {
    const fs = Taro.getFileSystemManager();
    const saved = await new Promise<string>((resolve, reject) =>
      fs.saveFile({ tempFilePath: tempPath, success: (r) => resolve(r.savedFilePath), fail: reject }),
    );
    return saved;
  } catch {
    return tempPath;
  }
}

const MAX_EDGE = 1600;

/** A phone photo in the browser, scaled to ≤ 1600 px and re-encoded as JPEG before upload; the original on any failure. */
async function shrink(file: File): Promise<Blob> {
  if (typeof createImageBitmap !== 'function' || !/^image\/(jpeg|png|webp)$/.test(file.type)) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    return blob && blob.size < file.size ? blob : file;
  } catch {
    return file;
  }
}

async function uploadFromBrowser(file: File, fields: UploadFields, token: string | undefined): Promise<UploadedFile> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
  const photo = await shrink(file);
  form.append('file', photo, photo === file ? file.name || 'photo.jpg' : 'photo.jpg');
  let res: Response;
  try {
    res = await fetch(`${API_BASE}/api/files`, { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'NETWORK', ERROR_MESSAGES.NETWORK);
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON
  }
  if (res.ok) return body as UploadedFile;
  if (isApiErrorBody(body)) throw new ApiError(res.status, body.error.code, body.error.message || errorMessage(body.error.code));
  throw new ApiError(res.status, 'INTERNAL', ERROR_MESSAGES.INTERNAL);
}

export async function uploadPhoto(filePath: string, fields: UploadFields = {}): Promise<UploadedFile> {
  const token = storage.get('token');
  const browserFile = browserFiles.get(filePath);
  if (process.env.TARO_ENV === 'h5') {
    // a blob: URL from before a reload has no File any more: nothing left to send
    if (!browserFile) throw new ApiError(410, 'PHOTO_LOST', '照片已丢失（页面刷新后无法找回），请重新拍照');
    return uploadFromBrowser(browserFile, fields, token);
  }
  let res: Taro.uploadFile.SuccessCallbackResult;
  try {
    res = await Taro.uploadFile({
      url: `${API_BASE}/api/files`,
      filePath,
      name: 'file',
      formData: fields,
      header: token ? { Authorization: `Bearer ${token}` } : {},
      timeout: UPLOAD_TIMEOUT_MS,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', ERROR_MESSAGES.NETWORK);
  }
  let body: unknown = res.data;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      body = null;
    }
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return body as UploadedFile;
  if (isApiErrorBody(body)) throw new ApiError(res.statusCode, body.error.code, body.error.message || errorMessage(body.error.code));
  throw new ApiError(res.statusCode, 'INTERNAL', ERROR_MESSAGES.INTERNAL);
}

const shown = new Map<string, string>();

/** A local path / object URL for a protected file URL (`/api/files/:id…`), fetched once per run. */
export async function authedImage(url: string): Promise<string> {
  const hit = shown.get(url);
  if (hit) return hit;
  const token = storage.get('token');
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  let local: string;
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(`${API_BASE}${url}`, { headers: header });
    if (!res.ok) throw new ApiError(res.status, 'NOT_FOUND', ERROR_MESSAGES.INTERNAL);
    local = URL.createObjectURL(await res.blob());
  } else {
    const res = await Taro.downloadFile({ url: `${API_BASE}${url}`, header });
    if (res.statusCode !== 200) throw new ApiError(res.statusCode, 'NOT_FOUND', ERROR_MESSAGES.INTERNAL);
    local = res.tempFilePath;
  }
  shown.set(url, local);
  return local;
}
