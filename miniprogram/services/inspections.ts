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

/** `POST /api/inspections/:id/results`: item results, hazards, good practices and 回头看 marks by clientId. */
export interface ResultsBatch {
  results?: Record<string, unknown>[];
  hazards?: Record<string, unknown>[];
  goodPractices?: Record<string, unknown>[];
  rechecks?: Record<string, unknown>[];
}

export function postResults(id: string, batch: ResultsBatch): Promise<unknown> {
  return request(`/api/inspections/${enc(id)}/results`, { method: 'POST', data: batch });
}

// ---- what the screens read (mapped from the API's shapes in one place) ----
export type AnswerType = 'pass_fail' | 'number' | 'text';
export type Answer = 'pass' | 'fail' | 'na';

export interface ItemView {
  id: string;
  section: string;
  text: string;
  category: string;
  answerType: AnswerType;
  photoRequiredOnFail: boolean;
  legalBasis: string | null;
}

export interface ResultView {
  workshopId: string;
  itemId: string;
  answer: Answer | null;
  value: string | null;
}

export interface FindingView {
  clientId: string;
  kind: 'hazard' | 'good_practice';
  workshopId: string | null;
  itemId: string | null;
  description: string;
  level: 'general' | 'major' | null;
  photoUrls: string[];
}

export interface CarriedView {
  hazardId: string;
  description: string;
  workshopName: string | null;
  status: string;
  mark: 'still_fixed' | 'recurred' | null;
}

export interface InspectionView {
  id: string;
  type: 'self' | 'mutual' | 'expert';
  status: 'planned' | 'in_progress' | 'submitted' | 'closed';
  cooperativeId: string | null;
  hostEnterpriseId: string;
  hostName: string;
  scheduledOn: string;
  checklistName: string;
  items: ItemView[];
  workshops: { id: string; name: string }[];
  inspectors: { name: string; enterpriseName: string | null; leader: boolean }[];
  results: ResultView[];
  findings: FindingView[];
  carried: CarriedView[];
}

export const TYPE_LABELS: Record<InspectionView['type'], string> = { self: '日巡查', mutual: '互查', expert: '专家检查' };
export const STATUS_LABELS: Record<InspectionView['status'], string> = {
  planned: '待开始',
  in_progress: '进行中',
  submitted: '已提交',
  closed: '已结束',
};

/** The inspection as the screens read it. */
export async function getInspectionView(id: string): Promise<InspectionView> {
  return request<InspectionView>(`/api/inspections/${enc(id)}`);
}
