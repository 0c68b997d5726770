// Asks for WeChat subscribe messages at a natural tap (requestSubscribeMessage only works inside a tap) and
// tells the server which templates were accepted: each acceptance allows one message. A no-op on h5.
import Taro from '@tarojs/taro';
import { SUBSCRIBE_PROMPTS, type SubscribeMoment } from '../../shared/push-templates';
import type { SubscriptionList } from '../../shared/schemas/push';
import { getSubscriptions, reportAccepted } from '../services/push';

// the template ids change only with a deploy: read once per launch
let cached: SubscriptionList | null = null;

/** The template ids to ask for at `moment`: the topics' ids, only those the person has switched on (≤ 3). */
export function idsFor(moment: SubscribeMoment, subs: SubscriptionList): string[] {
  const topics: readonly string[] = SUBSCRIBE_PROMPTS[moment];
  return subs.items.filter((s) => topics.includes(s.topic) && s.enabled).map((s) => s.templateId).slice(0, 3);
}

/** The ids whose answer was accept (WeChat answers per id: accept, reject, ban, filter). */
export function acceptedIds(result: Record<string, unknown>, asked: readonly string[]): string[] {
  return asked.filter((id) => typeof result[id] === 'string' && (result[id] as string).startsWith('accept'));
}

/**
 * Call first thing in the tap's handler, before any `await`: WeChat shows the prompt only while the tap is
 * being handled and refuses it after a network round trip ("can only be invoked by user TAP gesture"). The
 * prompt and the tap's own work then go on side by side. Needs the list read ahead (`primeSubscribe` on the
 * page's load); without it this tap asks nothing and reads the list for the next one. Never throws: a refusal
 * only means fewer WeChat messages (the in-app inbox still has everything).
 */
export function askSubscribe(moment: SubscribeMoment): Promise<string[]> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve([]);
  const list = cached;
  if (!list) {
    primeSubscribe();
    return Promise.resolve([]);
  }
  if (!list.hasWechat) return Promise.resolve([]);
  const tmplIds = idsFor(moment, list);
  if (tmplIds.length === 0) return Promise.resolve([]);
  let asked: Promise<Record<string, unknown>>;
  try {
    // called synchronously, still inside the tap
    asked = Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option) as unknown as Promise<Record<string, unknown>>;
  } catch {
    return Promise.resolve([]);
  }
  return asked
    .then(async (res) => {
      const ids = acceptedIds(res, tmplIds);
      if (ids.length > 0) cached = await reportAccepted(ids);
      return ids;
    })
    .catch(() => []);
}

/** Reads the template ids ahead (on a page's load), so a later tap asks at once. */
export function primeSubscribe(): void {
  if (process.env.TARO_ENV !== 'weapp' || cached) return;
  void getSubscriptions()
    .then((l) => {
      cached = l;
    })
    .catch(() => undefined);
}

/** Forget the cached list (after the settings page changed it). */
export function resetSubscribeCache(list: SubscriptionList | null = null): void {
  cached = list;
}
