import type {
  CreateWorkshopBody,
  ScanResult,
  UpdateWorkshopBody,
  Workshop,
} from '../../shared/schemas/workshops';
import { API_BASE, ApiError, request } from './request';
import { storage } from './storage';
import { ERROR_MESSAGES, errorMessage, isApiErrorBody } from '../../shared/errors';

const enc = encodeURIComponent;

export function listWorkshops(enterpriseId: string): Promise<{ items: Workshop[] }> {
  return request(`/api/enterprises/${enc(enterpriseId)}/workshops`);
}

export function getWorkshop(id: string): Promise<Workshop> {
  return request(`/api/workshops/${enc(id)}`);
}

export function createWorkshop(enterpriseId: string, body: CreateWorkshopBody): Promise<Workshop> {
  return request(`/api/enterprises/${enc(enterpriseId)}/workshops`, { method: 'POST', data: body });
}

export function updateWorkshop(id: string, body: UpdateWorkshopBody): Promise<Workshop> {
  return request(`/api/workshops/${enc(id)}`, { method: 'PATCH', data: body });
}

/** A new QR token: labels printed before stop working (they then say so when scanned). */
export function rotateWorkshopToken(id: string): Promise<Workshop> {
  return request(`/api/workshops/${enc(id)}/rotate-token`, { method: 'POST', data: {} });
}

/** What a scanned code (token, `<PUBLIC_URL>/q/<token>` link or mini-program scene) lets the caller do. */
export function resolveScan(code: string): Promise<ScanResult> {
  return request('/api/scan', { query: { code } });
}

/**
 * Browser only: fetches the printable label sheet with the bearer token (a plain link cannot carry it)
 * and returns an object URL of the PDF to open. The caller revokes it when done.
 */
export async function fetchQrLabelsPdf(enterpriseId: string): Promise<string> {
  const token = storage.get('token');
  let res: Response;
  try {
    res = await fetch(`${API_BASE}/api/enterprises/${enc(enterpriseId)}/qr-labels.pdf`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw new ApiError(0, 'NETWORK', ERROR_MESSAGES.NETWORK);
  }
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      // not JSON
    }
    if (isApiErrorBody(body)) throw new ApiError(res.status, body.error.code, body.error.message || errorMessage(body.error.code));
    throw new ApiError(res.status, 'INTERNAL', ERROR_MESSAGES.INTERNAL);
  }
  return URL.createObjectURL(await res.blob());
}
