// Notices with acknowledgement (通知/通报): received and published lists, confirm reading, acks and reminders.
import type { CreateNoticeBody, Notice, NoticeAcks, NoticeList, NoticeSummary, RemindResult, UpdateNoticeBody } from '../../shared/schemas/notices';
import { request } from './request';

const enc = encodeURIComponent;

export function listNotices(opts: { box?: 'received' | 'published'; unconfirmed?: boolean; page?: number; pageSize?: number } = {}): Promise<NoticeList> {
  return request('/api/notices', {
    query: {
      box: opts.box,
      unconfirmed: opts.unconfirmed === undefined ? undefined : String(opts.unconfirmed),
      page: opts.page ?? 1,
      pageSize: opts.pageSize ?? 20,
    },
  });
}

export function getNotice(id: string): Promise<Notice> {
  return request(`/api/notices/${enc(id)}`);
}

/** Confirms the version read; the server answers the notice with confirmedAt set. */
export function ackNotice(id: string, version: number): Promise<Notice> {
  return request(`/api/notices/${enc(id)}/ack`, { method: 'POST', data: { version } });
}

export function getAcks(id: string): Promise<NoticeAcks> {
  return request(`/api/notices/${enc(id)}/acks`);
}

/** Publishes to a cooperative or a region; every person of its members is told and asked to confirm. */
export function createNotice(body: CreateNoticeBody): Promise<Notice> {
  return request('/api/notices', { method: 'POST', data: body });
}

/** Re-publishes a change as the next version (`version`: the one edited; a stale one is 409 NOTICE_CHANGED). */
export function updateNotice(id: string, body: UpdateNoticeBody): Promise<Notice> {
  return request(`/api/notices/${enc(id)}`, { method: 'PUT', data: body });
}

export function remindNotice(id: string): Promise<RemindResult> {
  return request(`/api/notices/${enc(id)}/remind`, { method: 'POST', data: {} });
}

/** Received and unconfirmed first (those need the person's action), then newest first as the server sent them. */
export function unconfirmedFirst(items: readonly NoticeSummary[]): NoticeSummary[] {
  const needs = (n: NoticeSummary) => (n.recipient && !n.confirmedAt ? 0 : 1);
  return items.map((n, i) => ({ n, i })).sort((a, b) => needs(a.n) - needs(b.n) || a.i - b.i).map(({ n }) => n);
}
