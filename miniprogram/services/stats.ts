// The counters of a place over a period: activities by kind with sign-ins, and expert visits and engagements.
import type { ActivityStats } from '../../shared/schemas/activities';
import type { ExpertStats } from '../../shared/schemas/experts';
import { request } from './request';

/** Exactly one of them: a cooperative, or a town / the district (with its towns). */
export interface PlaceRef {
  cooperativeId?: string;
  regionId?: string;
}

export function activityStats(place: PlaceRef, from: string, to: string): Promise<ActivityStats> {
  return request('/api/activities/stats', { query: { ...place, from, to } });
}

export function expertStats(place: PlaceRef, from: string, to: string): Promise<ExpertStats> {
  return request('/api/experts/stats', { query: { ...place, from, to } });
}
