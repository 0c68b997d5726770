// Activities (学习/教学/交流/例会/演练): the calendar, detail, organising and completing the record, the organiser's
// rotating sign-in code, sign-in, attendance and its Excel exports.
import type {
  Activity,
  ActivityList,
  ActivityQuery,
  Attendance,
  CheckinCode,
  CheckinResult,
  CreateActivityInput,
  UpdateActivityBody,
} from '../../shared/schemas/activities';
import { withQuery } from '../routes';
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

export function createActivity(body: CreateActivityInput): Promise<Activity> {
  return request('/api/activities', { method: 'POST', data: body });
}

export function updateActivity(id: string, body: UpdateActivityBody): Promise<Activity> {
  return request(`/api/activities/${enc(id)}`, { method: 'PUT', data: body });
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

/** 签到表 of one activity (xlsx). */
export const attendanceXlsxUrl = (id: string): string => `/api/activities/${enc(id)}/attendance.xlsx`;

/** 出勤汇总 of a cooperative's members over [from, to] (xlsx). */
export const attendanceSummaryUrl = (cooperativeId: string, from: string, to: string): string =>
  withQuery('/api/activities/attendance.xlsx', { cooperativeId, from, to });
