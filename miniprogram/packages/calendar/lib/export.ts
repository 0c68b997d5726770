// The attendance exports: the browser downloads the xlsx with progress, WeChat opens it in the document viewer.
import Taro from '@tarojs/taro';
import { progressText } from '../../../lib/hazard-labels';
import { cachedMe, fetchMe } from '../../../services/auth';
import { fetchWithProgress, openDocument, saveBlob } from '../../../services/hazards';
import { listCooperatives, listRegions } from '../../../services/org';
import { type OrganisedCoop, organisedCoops } from './organiser';

export async function downloadXlsx(url: string, name: string, onProgress: (text: string) => void): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const blob = await fetchWithProgress(url, (p) => onProgress(progressText(p.received, p.total)));
    saveBlob(blob, name);
  } else {
    await openDocument(url, 'xlsx');
  }
}

/** A file name without the characters a file system refuses. */
export const xlsxName = (base: string): string => `${base.replace(/[\\/:*?"<>|]+/g, '_')}.xlsx`;

/** The cooperative whose 出勤汇总 to export: the only one the person organises for, or one they pick (null: none / cancelled). */
export async function pickOrganisedCoop(): Promise<OrganisedCoop | null> {
  const [me, regions, coops] = await Promise.all([cachedMe() ?? fetchMe(), listRegions(), listCooperatives(1, 100)]);
  const mine = organisedCoops(me, regions.items, coops.items);
  if (mine.length <= 1) return mine[0] ?? null;
  // WeChat's action sheet takes at most 6 items
  const shown = mine.slice(0, 6);
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: shown.map((p) => p.name) });
    return shown[tapIndex] ?? null;
  } catch {
    return null; // cancelled
  }
}
