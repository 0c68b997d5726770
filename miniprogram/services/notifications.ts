// The in-app inbox: notifications of deadlines, fixes to verify, decisions; unread count on the 隐患 tab.
import Taro from '@tarojs/taro';
import type { Notification, NotificationList, ReadAllResult } from '../../shared/schemas/notifications';
import { ROUTES, withQuery } from '../routes';
import { request } from './request';

export function listNotifications(opts: { unread?: boolean; page?: number; pageSize?: number } = {}): Promise<NotificationList> {
  return request('/api/notifications', {
    query: { unread: opts.unread === undefined ? undefined : String(opts.unread), page: opts.page ?? 1, pageSize: opts.pageSize ?? 20 },
  });
}

export function markRead(id: string): Promise<Notification> {
  return request(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', data: {} });
}

export function markAllRead(): Promise<ReadAllResult> {
  return request('/api/notifications/read-all', { method: 'POST', data: {} });
}

export async function unreadCount(): Promise<number> {
  return (await listNotifications({ unread: true, pageSize: 1 })).unread;
}

// The in-app links the server writes (`/<kind>/<id>`) and the page that shows each kind; kinds without a
// page open nothing, but still mark the message read.
const LINK_PAGES = new Map<string, string>([
  ['hazards', ROUTES.hazard],
  ['inspections', ROUTES.inspection],
  ['activities', ROUTES.activity],
  ['notices', ROUTES.notice],
  ['expert-visits', ROUTES.expertVisit],
]);

/** A notification's in-app link (`/hazards/<id>`, `/inspections/<id>`) as a page route; null when unknown. */
export function routeOfLink(link: string | null): string | null {
  if (!link) return null;
  const m = /^\/?([a-z-]+)\/([^/?#]+)/.exec(link);
  const page = m ? LINK_PAGES.get(m[1]) : undefined;
  if (!m || !page) return null;
  return withQuery(page, { id: decodeURIComponent(m[2]) });
}

// The badge sits on the 隐患 tab: nearly every message is about a hazard, and that tab opens the inbox.
const TAB_INDEX = (['home', 'inspections', 'hazards', 'mine'] as const).indexOf('hazards');

/** Shows `count` on the 隐患 tab (none at 0). Only tab pages may set it; failures (no tab bar) are ignored. */
export function showUnreadBadge(count: number): void {
  const done = () => undefined;
  if (count > 0) void Taro.setTabBarBadge({ index: TAB_INDEX, text: count > 99 ? '99+' : String(count) }).catch(done);
  else void Taro.removeTabBarBadge({ index: TAB_INDEX }).catch(done);
}

/** Fetches the unread count and puts it on the tab; the count, or null when it could not be read. */
export async function refreshUnreadBadge(): Promise<number | null> {
  try {
    const n = await unreadCount();
    showUnreadBadge(n);
    return n;
  } catch {
    return null;
  }
}

