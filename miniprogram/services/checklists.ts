import type { Checklist, ChecklistSummary, CopyChecklistBody } from '../../shared/schemas/checklists';
import { request } from './request';

const enc = encodeURIComponent;

/** The platform library plus the cooperative's own copies (newest versions). */
export function listChecklists(cooperativeId?: string): Promise<{ items: ChecklistSummary[] }> {
  return request('/api/checklists', { query: { cooperativeId } });
}

export function getChecklist(id: string): Promise<Checklist> {
  return request(`/api/checklists/${enc(id)}`);
}

/** A cooperative's own copy to edit (edits become new versions; past inspections keep theirs). */
export function copyChecklist(id: string, body: CopyChecklistBody): Promise<Checklist> {
  return request(`/api/checklists/${enc(id)}/copy`, { method: 'POST', data: body });
}
