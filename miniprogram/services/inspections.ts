// Inspections: self patrols, mutual rounds, their results and findings, submit, 回头看, feedback.
import type { Page } from '../../shared/schemas/common';
import type {
  CreateMutualInspectionBody,
  Feedback,
  Inspection,
  InspectionQuery,
  InspectionSummary,
  ResultsAck,
  ResultsBatchInput,
} from '../../shared/schemas/inspections';
import type { InspectorCandidate } from '../../shared/schemas/inspectors';
import { request } from './request';

const enc = encodeURIComponent;

/** Starts a self patrol of a workshop (the caller works at its enterprise). */
export function startSelfPatrol(workshopId: string): Promise<Inspection> {
  return request('/api/inspections', { method: 'POST', data: { type: 'self', workshopId } });
}

export function scheduleMutual(body: CreateMutualInspectionBody): Promise<Inspection> {
  return request('/api/inspections', { method: 'POST', data: body });
}

export function listInspections(query: Partial<InspectionQuery> & { page?: number; pageSize?: number }): Promise<Page<InspectionSummary>> {
  return request('/api/inspections', { query: { ...query, page: query.page ?? 1, pageSize: query.pageSize ?? 20 } as Record<string, string | number | undefined> });
}

export function getInspection(id: string): Promise<Inspection> {
  return request(`/api/inspections/${enc(id)}`);
}

/** planned → in progress (a member of the group arrives at the host). */
export function startInspection(id: string): Promise<Inspection> {
  return request(`/api/inspections/${enc(id)}/start`, { method: 'POST', data: {} });
}

export function submitInspection(id: string): Promise<Inspection> {
  return request(`/api/inspections/${enc(id)}/submit`, { method: 'POST', data: {} });
}

export function getFeedback(id: string): Promise<Feedback> {
  return request(`/api/inspections/${enc(id)}/feedback`);
}

export type ResultsBatch = ResultsBatchInput;

/** `POST /api/inspections/:id/results`: item results, hazards, good practices and 回头看 marks by clientId. */
export function postResults(id: string, batch: ResultsBatch): Promise<ResultsAck> {
  return request(`/api/inspections/${enc(id)}/results`, { method: 'POST', data: batch });
}

/** A stored file's URL (behind the bearer token, like every API route). */
export function fileUrl(id: string): string {
  return `/api/files/${enc(id)}`;
}

/**
 * People of the cooperative's member enterprises (and its experts) to pick an inspection group from
 * (coop admin only).
 */
export function listInspectorCandidates(cooperativeId: string): Promise<{ items: InspectorCandidate[] }> {
  return request(`/api/cooperatives/${enc(cooperativeId)}/inspectors`);
}
