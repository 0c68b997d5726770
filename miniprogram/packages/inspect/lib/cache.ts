// The last inspection detail seen, kept on the phone so the checklist opens in a workshop without signal.
import Taro from '@tarojs/taro';
import type { Inspection } from '../../../../shared/schemas/inspections';
import { ApiError } from '../../../services/request';

const key = (id: string) => `inspectCache:${id}`;

/** Loads through `load`; with no signal, answers the copy kept from the last load (marked offline). */
export async function withOfflineCopy(id: string, load: () => Promise<Inspection>): Promise<Inspection & { offline?: boolean }> {
  try {
    const v = await load();
    try {
      Taro.setStorageSync(key(id), v);
    } catch {
      // storage full: works online only
    }
    return v;
  } catch (e) {
    if (e instanceof ApiError && e.status === 0) {
      const kept: unknown = Taro.getStorageSync(key(id));
      if (kept && typeof kept === 'object') return { ...(kept as Inspection), offline: true };
    }
    throw e;
  }
}
