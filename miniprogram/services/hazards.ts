// Hazards (隐患闭环): lists per person, detail with timeline, the lifecycle moves, the ledger and notice documents.
import Taro from '@tarojs/taro';
import type { Page } from '../../shared/schemas/common';
import type {
  ExtensionBody,
  Hazard,
  HazardDetail,
  HazardPlanBody,
  HazardQuery,
  HazardSummary,
  RectificationBody,
  VerificationBody,
} from '../../shared/schemas/hazards';
import { withQuery } from '../routes';
import { API_BASE, ApiError, request } from './request';
import { storage } from './storage';

const enc = encodeURIComponent;

/** The list filters as the page keeps them (every value optional, page apart). */
export type HazardFilters = Partial<Omit<HazardQuery, 'page' | 'pageSize'>>;

function queryOf(f: HazardFilters): Record<string, string | undefined> {
  return {
    view: f.view,
    status: f.status,
    level: f.level,
    source: f.source,
    overdue: f.overdue,
    enterpriseId: f.enterpriseId,
    cooperativeId: f.cooperativeId,
    inspectionId: f.inspectionId,
    from: f.from,
    to: f.to,
  };
}

export function listHazards(f: HazardFilters, page = 1, pageSize = 20): Promise<Page<Hazard>> {
  return request('/api/hazards', { query: { ...queryOf(f), page, pageSize } });
}

export function hazardSummary(cooperativeId?: string): Promise<HazardSummary> {
  return request('/api/hazards/summary', { query: { cooperativeId } });
}

export function getHazard(id: string): Promise<HazardDetail> {
  return request(`/api/hazards/${enc(id)}`);
}

export function submitPlan(id: string, body: HazardPlanBody): Promise<HazardDetail> {
  return request(`/api/hazards/${enc(id)}/plan`, { method: 'POST', data: body });
}

export function submitRectification(id: string, body: RectificationBody): Promise<HazardDetail> {
  return request(`/api/hazards/${enc(id)}/rectification`, { method: 'POST', data: body });
}

export function verifyHazard(id: string, body: VerificationBody): Promise<HazardDetail> {
  return request(`/api/hazards/${enc(id)}/verification`, { method: 'POST', data: body });
}

export function extendHazard(id: string, body: ExtensionBody): Promise<HazardDetail> {
  return request(`/api/hazards/${enc(id)}/extension`, { method: 'POST', data: body });
}

export function voidHazard(id: string, reason: string): Promise<HazardDetail> {
  return request(`/api/hazards/${enc(id)}/void`, { method: 'POST', data: { reason } });
}

/** A file's URLs (API routes behind the bearer token). */
export const photoUrl = (id: string): string => `/api/files/${enc(id)}`;
export const thumbUrl = (id: string): string => `/api/files/${enc(id)}/thumb`;

export const ledgerUrl = (f: HazardFilters): string => withQuery('/api/hazards/export.xlsx', queryOf({ ...f, view: f.view ?? 'all' }));
export const hazardNoticeUrl = (id: string): string => `/api/hazards/${enc(id)}/notice.pdf`;
export const inspectionNoticeUrl = (id: string): string => `/api/inspections/${enc(id)}/notice.pdf`;

export interface DownloadProgress {
  received: number;
  /** From Content-Length (or null when the server streams without one). */
  total: number | null;
  /** Rows in the export (X-Total-Count), when the server says. */
  rows: number | null;
}

function authHeader(): Record<string, string> {
  const token = storage.get('token');
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) return new ApiError(res.status, body.error.code, body.error.message ?? '下载失败，请稍后重试');
  } catch {
    // not JSON
  }
  return new ApiError(res.status, 'INTERNAL', '下载失败，请稍后重试');
}

/** Browser: fetches a protected file with the token, reporting bytes as they arrive; the whole file as a Blob. */
export async function fetchWithProgress(url: string, onProgress: (p: DownloadProgress) => void): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${url}`, { headers: authHeader() });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (!res.ok) throw await errorOf(res);
  const length = Number(res.headers.get('Content-Length') ?? '');
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const rowsHeader = res.headers.get('X-Total-Count');
  const rows = rowsHeader !== null && /^\d+$/.test(rowsHeader) ? Number(rowsHeader) : null;
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  onProgress({ received: 0, total, rows });
  if (!res.body) return res.blob();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress({ received, total, rows });
  }
  return new Blob(chunks, { type });
}

/** Browser: hands a Blob to the person as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** WeChat: downloads a protected document with the token and opens it in the phone's viewer. */
export async function openDocument(url: string, fileType: 'pdf' | 'xlsx'): Promise<void> {
  let res: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    res = await Taro.downloadFile({ url: `${API_BASE}${url}`, header: authHeader() });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (res.statusCode !== 200) throw new ApiError(res.statusCode, 'INTERNAL', '下载失败，请稍后重试');
  await Taro.openDocument({ filePath: res.tempFilePath, fileType, showMenu: true });
}

/** The notice PDF: a new browser tab on h5, the document viewer in WeChat. */
export async function openPdf(url: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const blob = await fetchWithProgress(url, () => undefined);
    const href = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
    // a blocked pop-up still gets the file, as a download
    if (!window.open(href, '_blank')) saveBlob(blob, '整改通知书.pdf');
    setTimeout(() => URL.revokeObjectURL(href), 5 * 60_000);
    return;
  }
  await openDocument(url, 'pdf');
}
