// The phone side of the offline queue: storage, photo upload and the results batch for lib/offline-queue.
// One queue for the whole app run; it flushes when the network comes back.
import Taro from '@tarojs/taro';
import { OfflineQueue, type QueuedEntry, type QueueStore } from '../../../lib/offline-queue';
import { uploadPhoto } from '../../../services/files';
import { postResults, type ResultsBatch } from '../../../services/inspections';
import { ApiError, messageOf } from '../../../services/request';

const STORAGE_KEY = 'inspectOutbox';

const store: QueueStore = {
  load: () => {
    const v: unknown = Taro.getStorageSync(STORAGE_KEY);
    return Array.isArray(v) ? (v as QueuedEntry[]) : [];
  },
  save: (entries) => {
    try {
      Taro.setStorageSync(STORAGE_KEY, entries);
    } catch {
      // storage full: the entries still live in memory for this run
    }
  },
};

/** Entry kinds are the batch's arrays; payloads get their clientId and uploaded photo ids. */
export function batchOf(entries: QueuedEntry[]): ResultsBatch {
  const batch: ResultsBatch = {};
  for (const e of entries) {
    const item: Record<string, unknown> = { ...(e.payload as Record<string, unknown>), clientId: e.clientId };
    if (e.photos.length > 0) item.photoIds = e.photos.map((p) => p.fileId);
    const key = e.kind as 'results' | 'hazards' | 'goodPractices' | 'rechecks';
    // payloads are built by the run page per kind; the server validates them with the shared schema
    (batch[key] ??= [] as never[]).push(item as never);
  }
  return batch;
}

/** Saved photo files count against the phone's 10 MB for the app: free each once it is on the server. */
function forgetLocal(path: string): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  try {
    Taro.getFileSystemManager().removeSavedFile({ filePath: path, fail: () => undefined });
  } catch {
    // a temp file (not saved) or already gone
  }
}

let queue: OfflineQueue | null = null;

export function outbox(): OfflineQueue {
  if (queue) return queue;
  const q = new OfflineQueue(store, {
    upload: async (photo, entry) => {
      const workshopId = (entry.payload as { workshopId?: string }).workshopId;
      const uploaded = await uploadPhoto(photo.localPath, { inspectionId: entry.inspectionId, ...(workshopId ? { workshopId } : {}) });
      forgetLocal(photo.localPath);
      return uploaded.id;
    },
    send: async (inspectionId, entries) => {
      await postResults(inspectionId, batchOf(entries));
    },
    // status 0: no answer at all (no signal, timeout); 5xx: the server is having a bad moment, try later
    isNetworkError: (e) => e instanceof ApiError && (e.status === 0 || e.status >= 500),
    messageOf,
  });
  queue = q;
  Taro.onNetworkStatusChange?.((res) => {
    if (res.isConnected) void q.flush();
  });
  return q;
}
