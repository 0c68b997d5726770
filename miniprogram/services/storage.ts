import Taro from '@tarojs/taro';
import type { Me } from '../../shared/schemas/auth';

// Everything the client keeps in storage, by key. Storage is 10 MB total, 1 MB a key: keep it small.
export interface StorageSchema {
  token: string;
  tokenExpiresAt: string;
  me: Me;
  /** Set by 退出登录 on weapp so the 401 handler does not log the user straight back in. */
  loggedOut: boolean;
}

export type StorageKey = keyof StorageSchema;

export const storage = {
  get<K extends StorageKey>(key: K): StorageSchema[K] | undefined {
    try {
      const v: unknown = Taro.getStorageSync(key);
      return v === '' || v === null || v === undefined ? undefined : (v as StorageSchema[K]);
    } catch {
      return undefined;
    }
  },
  set<K extends StorageKey>(key: K, value: StorageSchema[K]): void {
    try {
      Taro.setStorageSync(key, value);
    } catch {
      // storage full or unavailable: the session lives for this run only
    }
  },
  remove(key: StorageKey): void {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // nothing to remove
    }
  },
};
