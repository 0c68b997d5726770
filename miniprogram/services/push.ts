// WeChat subscribe messages: the person's subscriptions per template (switch, quota left) and accepted ids.
import type { SubscriptionList } from '../../shared/schemas/push';
import { request } from './request';

export function getSubscriptions(): Promise<SubscriptionList> {
  return request('/api/me/subscriptions');
}

export function setSubscription(templateId: string, enabled: boolean): Promise<SubscriptionList> {
  return request('/api/me/subscriptions', { method: 'PUT', data: { items: [{ templateId, enabled }] } });
}

export function reportAccepted(templateIds: string[]): Promise<SubscriptionList> {
  return request('/api/me/subscriptions/accepted', { method: 'POST', data: { templateIds } });
}
