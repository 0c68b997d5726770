// Activities (学习/教学/交流/例会/演练): the calendar, detail, the organiser's rotating sign-in code, sign-in, attendance.
import type { Activity, ActivityList, ActivityQuery, Attendance, CheckinCode, CheckinResult } from '../../shared/schemas/activities';
import { request } from './request';

const enc = encodeURIComponent;

export type ActivityFilters = Partial<Omit<ActivityQuery, 'page' | 'pageSize'>>;

export function listActivities(f: ActivityFilters, page = 1, pageSize = 50): Promise<ActivityList> {
  return request('/api/activities', {
    query: { cooperativeId: f.cooperativeId, kind: f.kind, from: f.from, to: f.to, invited: f.invited, page, pageSize },
  });
}

export function getActivity(id: string): Promise<Activity> {
  return request(`/api/activities/${enc(id)}`);
}

export function getCheckinCode(id: string): Promise<CheckinCode> {
  return request(`/api/activities/${enc(id)}/checkin-code`);
}

export function checkin(id: string, code: string): Promise<CheckinResult> {
  return request(`/api/activities/${enc(id)}/checkin`, { method: 'POST', data: { code } });
}

export function getAttendance(id: string): Promise<Attendance> {
  return request(`/api/activities/${enc(id)}/attendance`);
}

export const materialUrl = (fileId: string): string => `/api/files/${enc(fileId)}`;
