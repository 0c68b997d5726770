import { OfflineQueue, uuid, type QueueStore, type QueueTransport, type QueuedEntry, type QueuedPhoto } from './offline-queue';

class NetworkDown extends Error {}

function memoryStore(initial: QueuedEntry[] = []): QueueStore & { saved: QueuedEntry[] } {
  const s = {
    saved: JSON.parse(JSON.stringify(initial)) as QueuedEntry[],
    load: () => JSON.parse(JSON.stringify(s.saved)) as QueuedEntry[],
    save: (entries: QueuedEntry[]) => {
      s.saved = JSON.parse(JSON.stringify(entries)) as QueuedEntry[];
    },
  };
  return s;
}

/** A fake server: idempotent on clientId like the real one, can be switched off. */
function fakeTransport() {
  const t = {
    online: true,
    refuse: null as string | null,
    uploads: [] as string[],
    batches: [] as { inspectionId: string; clientIds: string[]; photos: (string | null)[] }[],
    records: new Map<string, unknown>(),
    upload: async (photo: QueuedPhoto) => {
      if (!t.online) throw new NetworkDown();
      t.uploads.push(photo.localPath);
      return `file-${photo.localPath}`;
    },
    send: async (inspectionId: string, entries: QueuedEntry[]) => {
      if (!t.online) throw new NetworkDown();
      if (t.refuse) throw new Error(t.refuse);
      t.batches.push({ inspectionId, clientIds: entries.map((e) => e.clientId), photos: entries.flatMap((e) => e.photos.map((p) => p.fileId)) });
      for (const e of entries) if (!t.records.has(e.clientId)) t.records.set(e.clientId, e.payload);
    },
    isNetworkError: (e: unknown) => e instanceof NetworkDown,
    messageOf: (e: unknown) => (e as Error).message,
  };
  return t satisfies QueueTransport;
}

describe('offline queue', () => {
  it('makes RFC 4122 v4 ids that differ', () => {
    const a = uuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(Array.from({ length: 1000 }, () => uuid())).size).toBe(1000);
  });

  it('keeps answers while offline (also across a restart) and sends them once when the signal returns', async () => {
    const store = memoryStore();
    const t = fakeTransport();
    t.online = false;
    const q = new OfflineQueue(store, t);
    q.add({ inspectionId: 'i1', kind: 'result', key: 'r:w1:a', payload: { answer: 'pass' } });
    q.add({ inspectionId: 'i1', kind: 'result', key: 'r:w1:b', payload: { answer: 'fail' }, photos: ['/tmp/p1.jpg'] });
    const offline = await q.flush();
    expect(offline).toEqual({ sent: 0, pending: 2, failed: 0, offline: true });
    expect(store.saved).toHaveLength(2);

    // the app is closed and opened again: the queue comes back from storage
    const q2 = new OfflineQueue(store, t);
    expect(q2.pending('i1').map((e) => e.key)).toEqual(['r:w1:a', 'r:w1:b']);
    t.online = true;
    const report = await q2.flush();
    expect(report).toEqual({ sent: 2, pending: 0, failed: 0, offline: false });
    expect(t.batches).toHaveLength(1);
    expect(t.batches[0].photos).toEqual(['file-/tmp/p1.jpg']);
    expect(store.saved).toEqual([]);
    // nothing left: another flush sends nothing
    await q2.flush();
    expect(t.batches).toHaveLength(1);
  });

  it('a newer answer to the same item replaces the waiting one', async () => {
    const t = fakeTransport();
    t.online = false;
    const q = new OfflineQueue(memoryStore(), t);
    q.add({ inspectionId: 'i1', kind: 'result', key: 'r:w1:a', payload: { answer: 'pass' } });
    const second = q.add({ inspectionId: 'i1', kind: 'result', key: 'r:w1:a', payload: { answer: 'fail' } });
    expect(q.pending()).toHaveLength(1);
    t.online = true;
    await q.flush();
    expect([...t.records.entries()]).toEqual([[second.clientId, { answer: 'fail' }]]);
  });

  it('a batch re-sent after the answer was lost keeps its clientIds (the server stores each once)', async () => {
    const t = fakeTransport();
    const q = new OfflineQueue(memoryStore(), t);
    q.add({ inspectionId: 'i1', kind: 'finding', key: 'f:1', payload: { description: '配电箱前堆放杂物' } });
    // the server stores the batch but the answer never reaches the phone
    const realSend = t.send;
    t.send = async (id, entries) => {
      await realSend(id, entries);
      throw new NetworkDown();
    };
    expect((await q.flush()).offline).toBe(true);
    t.send = realSend;
    await q.flush();
    expect(t.batches).toHaveLength(2);
    expect(t.batches[0].clientIds).toEqual(t.batches[1].clientIds);
    expect(t.records.size).toBe(1);
  });

  it('an uploaded photo is not uploaded again when the batch itself failed', async () => {
    const t = fakeTransport();
    const q = new OfflineQueue(memoryStore(), t);
    q.add({ inspectionId: 'i1', kind: 'finding', key: 'f:1', payload: {}, photos: ['/a.jpg', '/b.jpg'] });
    const realSend = t.send;
    t.send = async () => {
      throw new NetworkDown();
    };
    await q.flush();
    t.send = realSend;
    await q.flush();
    expect(t.uploads).toEqual(['/a.jpg', '/b.jpg']);
    expect(t.batches[0].photos).toEqual(['file-/a.jpg', 'file-/b.jpg']);
  });

  it('parallel flushes share one run (a network event and a button tap at once send once)', async () => {
    const t = fakeTransport();
    const q = new OfflineQueue(memoryStore(), t);
    q.add({ inspectionId: 'i1', kind: 'result', key: 'a', payload: {} });
    const [a, b] = await Promise.all([q.flush(), q.flush()]);
    expect(a).toBe(b);
    expect(t.batches).toHaveLength(1);
  });

  it('a refusal marks the entries with the message and does not block other inspections', async () => {
    const t = fakeTransport();
    const q = new OfflineQueue(memoryStore(), t);
    q.add({ inspectionId: 'i1', kind: 'result', key: 'a', payload: {} });
    t.refuse = '检查已提交，不能再修改';
    const report = await q.flush();
    expect(report).toEqual({ sent: 0, pending: 0, failed: 1, offline: false });
    expect(q.failed('i1')[0].error).toBe('检查已提交，不能再修改');
    t.refuse = null;
    q.add({ inspectionId: 'i2', kind: 'result', key: 'a', payload: {} });
    expect((await q.flush()).sent).toBe(1);
    // the refused entry is not re-sent by itself
    expect(t.batches.map((b) => b.inspectionId)).toEqual(['i2']);
  });

  it('unreadable storage starts an empty queue', () => {
    const q = new OfflineQueue(
      {
        load: () => {
          throw new Error('corrupt');
        },
        save: () => undefined,
      },
      fakeTransport(),
    );
    expect(q.pending()).toEqual([]);
  });
});
