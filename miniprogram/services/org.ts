import type { Page } from '../../shared/schemas/common';
import type {
  AcceptInvitationBody,
  AcceptInvitationResponse,
  Cooperative,
  CreateCooperativeBody,
  CreateInvitationBody,
  CreateRegionBody,
  DirectoryEntry,
  Enterprise,
  Invitation,
  InvitationList,
  InvitationPreview,
  Region,
  UpdateEnterpriseBody,
} from '../../shared/schemas/org';
import { API_BASE, request } from './request';

const enc = encodeURIComponent;

export function listRegions(): Promise<{ items: Region[] }> {
  return request('/api/regions');
}

export function listCooperatives(page = 1, pageSize = 20): Promise<Page<Cooperative>> {
  return request('/api/cooperatives', { query: { page, pageSize } });
}

export function getCooperative(id: string): Promise<Cooperative> {
  return request(`/api/cooperatives/${enc(id)}`);
}

export function createInvitation(cooperativeId: string, body: Partial<CreateInvitationBody> = {}): Promise<Invitation> {
  return request(`/api/cooperatives/${enc(cooperativeId)}/invitations`, { method: 'POST', data: body });
}

/** Public: works without a login (a stranger opening an invitation link). */
export function previewInvitation(code: string): Promise<InvitationPreview> {
  return request(`/api/invitations/${enc(code)}`, { auth: false });
}

export function acceptInvitation(code: string, body: AcceptInvitationBody): Promise<AcceptInvitationResponse> {
  return request(`/api/invitations/${enc(code)}/accept`, { method: 'POST', data: body });
}

export interface DirectoryQuery {
  cooperativeId: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export function listEnterprises(query: DirectoryQuery): Promise<Page<DirectoryEntry>> {
  return request('/api/enterprises', {
    query: { cooperativeId: query.cooperativeId, q: query.q || undefined, page: query.page ?? 1, pageSize: query.pageSize ?? 20 },
  });
}

/** The caller's own enterprises, in one request. */
export async function myEnterprises(): Promise<Enterprise[]> {
  return (await request<{ items: Enterprise[] }>('/api/me/enterprises')).items;
}

export function getEnterprise(id: string): Promise<Enterprise> {
  return request(`/api/enterprises/${enc(id)}`);
}

export function updateEnterprise(id: string, body: UpdateEnterpriseBody): Promise<Enterprise> {
  return request(`/api/enterprises/${enc(id)}`, { method: 'PATCH', data: body });
}

/** Every cooperative the caller may see, all pages (a person rarely has more than a few dozen). */
export function listCooperativePage(page: number, pageSize = 50): Promise<Page<Cooperative>> {
  return request('/api/cooperatives', { query: { page, pageSize } });
}

export function createRegion(body: CreateRegionBody): Promise<Region> {
  return request('/api/regions', { method: 'POST', data: body });
}

export function createCooperative(body: CreateCooperativeBody): Promise<Cooperative> {
  return request('/api/cooperatives', { method: 'POST', data: body });
}

export function listInvitations(cooperativeId: string): Promise<InvitationList> {
  return request(`/api/cooperatives/${enc(cooperativeId)}/invitations`);
}

export function revokeInvitation(code: string): Promise<Invitation> {
  return request(`/api/invitations/${enc(code)}/revoke`, { method: 'POST', data: {} });
}

/** The invitation's QR code as a public PNG (the browser app shows it to strangers). */
export function invitationQrUrl(code: string): string {
  return `${API_BASE}/api/invitations/${enc(code)}/qrcode.png`;
}
