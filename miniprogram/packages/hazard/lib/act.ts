// Running one lifecycle move from a page: busy flag, the conflict message when someone else got there first.
import Taro from '@tarojs/taro';
import { ApiError, toastError } from '../../../services/request';

/** Shown when another person moved the hazard since this screen loaded (409 HAZARD_CHANGED / ILLEGAL_MOVE). */
export const CHANGED_MESSAGE = '已被他人处理，页面已刷新为最新状态。';

/** Whether a failed move means the screen is stale. */
export function isConflict(e: unknown): boolean {
  return e instanceof ApiError && e.status === 409 && (e.code === 'HAZARD_CHANGED' || e.code === 'HAZARD_ILLEGAL_MOVE');
}

/** Tells the person someone else moved the hazard first, then reloads the screen. */
export async function showConflict(reload: () => Promise<void> | void): Promise<void> {
  await Taro.showModal({ title: '已被他人处理', content: CHANGED_MESSAGE, showCancel: false, confirmText: '知道了' }).catch(() => undefined);
  await reload();
}

/**
 * Runs `fn`; a stale screen (409) says 已被他人处理 and calls `reload`; anything else toasts. Its answer, or
 * undefined when it failed.
 */
export async function runMove<T>(fn: () => Promise<T>, reload: () => Promise<void> | void): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (isConflict(e)) {
      await showConflict(reload);
    } else {
      toastError(e);
    }
    return undefined;
  }
}
