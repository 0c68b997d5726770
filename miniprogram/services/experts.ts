// Experts and their visits (专家上门): the expert's list, a visit with its prescription (整改处方), scheduling.
import type {
  CreateExpertBody,
  CreateExpertVisitBody,
  Expert,
  ExpertCandidateList,
  ExpertList,
  ExpertStats,
  ExpertVisit,
  ExpertVisitDetail,
  ExpertVisitList,
  ExpertVisitQuery,
  PrescriptionBody,
} from '../../shared/schemas/experts';
import { request } from './request';

const enc = encodeURIComponent;

export type VisitFilters = Partial<Omit<ExpertVisitQuery, 'page' | 'pageSize'>>;

export function listVisits(f: VisitFilters, page = 1, pageSize = 20): Promise<ExpertVisitList> {
  return request('/api/expert-visits', {
    query: { status: f.status, expertUserId: f.expertUserId, enterpriseId: f.enterpriseId, cooperativeId: f.cooperativeId, mine: f.mine, from: f.from, to: f.to, page, pageSize },
  });
}

export function getVisit(id: string): Promise<ExpertVisitDetail> {
  return request(`/api/expert-visits/${enc(id)}`);
}

export function createVisit(body: CreateExpertVisitBody): Promise<ExpertVisit> {
  return request('/api/expert-visits', { method: 'POST', data: body });
}

export function listExperts(opts: { cooperativeId?: string; regionId?: string } = {}): Promise<ExpertList> {
  return request('/api/experts', { query: { cooperativeId: opts.cooperativeId, regionId: opts.regionId, page: 1, pageSize: 100 } });
}

/** Registers an expert: a new desk account or an existing user, serving a region or a cooperative. */
export function createExpert(body: CreateExpertBody): Promise<Expert> {
  return request('/api/experts', { method: 'POST', data: body });
}

/** Existing users who may be registered, by exact username, bound phone or name. */
export function findCandidates(q: string): Promise<ExpertCandidateList> {
  return request('/api/experts/candidates', { query: { q } });
}

/** Counters for one place (a cooperative or a region); neither: everything the caller oversees. */
export function expertStats(place: { cooperativeId?: string; regionId?: string } = {}): Promise<ExpertStats> {
  return request('/api/experts/stats', { query: { cooperativeId: place.cooperativeId, regionId: place.regionId } });
}

export const prescriptionPdfUrl = (id: string): string => `/api/expert-visits/${enc(id)}/prescription.pdf`;

export function savePrescription(id: string, body: PrescriptionBody): Promise<ExpertVisitDetail> {
  return request(`/api/expert-visits/${enc(id)}/prescription`, { method: 'PUT', data: body });
}
