// Inspections: self patrols, mutual rounds, their results and findings, submit, 回头看, feedback.
import { request } from './request';

const enc = encodeURIComponent;

/** Starts (or resumes today's) self patrol of a workshop: the caller works at its enterprise. */
export function startSelfPatrol(workshopId: string): Promise<{ id: string }> {
  return request('/api/inspections', { method: 'POST', data: { type: 'self', workshopId } });
}

export function getInspectionRaw(id: string): Promise<unknown> {
  return request(`/api/inspections/${enc(id)}`);
}
