// The phone's outbox for an inspection: answers, hazards, good practices and 回头看 marks are queued here
// first, kept in storage while there is no signal, and sent when it returns. Every entry carries a
// `clientId` made on the phone, so a batch re-sent after a lost answer never creates a record twice
// (the server is idempotent on it, see docs/api.md). Pure: storage, upload and send are injected,
// so the rules are unit-tested without Taro (offline-queue.spec.ts).

/** A photo taken on the phone: its saved local file until it is uploaded, then the server's file id. */
export interface QueuedPhoto {
  localPath: string;
  fileId: string | null;
}

export interface QueuedEntry<P = unknown> {
  clientId: string;
  inspectionId: string;
  /** What the entry is (e.g. `result`, `finding`, `recheck`): the sender builds the batch from it. */
  kind: string;
  /**
   * What it is about (e.g. `result:<workshopId>:<itemId>`): a newer entry with the same key replaces
   * one not yet sent, so an answer changed twice offline is sent once, as last answered.
   */
  key: string;
  payload: P;
  photos: QueuedPhoto[];
  queuedAt: string;
  attempts: number;
  /** Set when the server refused the entry (not a network problem): kept for the person to see, not re-sent. */
  error?: string;
}

export interface QueueStore {
  load(): QueuedEntry[];
  save(entries: QueuedEntry[]): void;
}

export interface QueueTransport {
  /** Uploads a local photo; resolves to the server's file id. */
  upload(photo: QueuedPhoto, entry: QueuedEntry): Promise<string>;
  /** Sends one inspection's entries in one batch (photos already uploaded). */
  send(inspectionId: string, entries: QueuedEntry[]): Promise<void>;
  /** No signal / timeout (keep and retry later) as opposed to a refusal (mark the entry). */
  isNetworkError(e: unknown): boolean;
  /** The text to keep on a refused entry. */
  messageOf(e: unknown): string;
}

export interface FlushReport {
  sent: number;
  /** Still waiting for the network. */
  pending: number;
  /** Refused by the server. */
  failed: number;
  offline: boolean;
}

/** RFC 4122 version 4 UUID. Math.random is enough for uniqueness of a phone's own entries. */
export function uuid(random: () => number = Math.random): string {
  const hex: string[] = [];
  for (let i = 0; i < 16; i++) {
    let b = Math.floor(random() * 256) & 0xff;
    if (i === 6) b = (b & 0x0f) | 0x40;
    if (i === 8) b = (b & 0x3f) | 0x80;
    hex.push(b.toString(16).padStart(2, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export type NewEntry<P> = Omit<QueuedEntry<P>, 'clientId' | 'queuedAt' | 'attempts' | 'photos' | 'error'> & {
  clientId?: string;
  photos?: string[];
};

export class OfflineQueue {
  private entries: QueuedEntry[];
  private inFlight: Promise<FlushReport> | null = null;
  private listeners = new Set<() => void>();

  constructor(
    private readonly store: QueueStore,
    private readonly transport: QueueTransport,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.entries = safeLoad(store);
  }

  /** Queues an entry (a new `clientId` unless given); replaces a waiting entry with the same key. */
  add<P>(entry: NewEntry<P>): QueuedEntry<P> {
    const queued: QueuedEntry<P> = {
      clientId: entry.clientId ?? uuid(),
      inspectionId: entry.inspectionId,
      kind: entry.kind,
      key: entry.key,
      payload: entry.payload,
      photos: (entry.photos ?? []).map((localPath) => ({ localPath, fileId: null })),
      queuedAt: this.now().toISOString(),
      attempts: 0,
    };
    this.entries = [...this.entries.filter((e) => !(e.inspectionId === entry.inspectionId && e.key === entry.key)), queued];
    this.persist();
    return queued;
  }

  /** Entries still to send (optionally of one inspection), oldest first. */
  pending(inspectionId?: string): QueuedEntry[] {
    return this.entries.filter((e) => !e.error && (inspectionId === undefined || e.inspectionId === inspectionId));
  }

  failed(inspectionId?: string): QueuedEntry[] {
    return this.entries.filter((e) => !!e.error && (inspectionId === undefined || e.inspectionId === inspectionId));
  }

  /** Drops an entry (e.g. the person discards a refused one). */
  remove(clientId: string): void {
    this.entries = this.entries.filter((e) => e.clientId !== clientId);
    this.persist();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends everything waiting. Single-flight: a call while one runs gets that run's report. */
  flush(): Promise<FlushReport> {
    if (!this.inFlight) {
      this.inFlight = this.run().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  private async run(): Promise<FlushReport> {
    let sent = 0;
    let offline = false;
    const inspections = [...new Set(this.pending().map((e) => e.inspectionId))];
    for (const inspectionId of inspections) {
      // a snapshot: entries added or replaced meanwhile wait for the next flush
      const batch = this.pending(inspectionId);
      try {
        for (const entry of batch) await this.uploadPhotos(entry);
        batch.forEach((e) => (e.attempts += 1));
        await this.transport.send(inspectionId, batch);
        const done = new Set(batch.map((e) => e.clientId));
        this.entries = this.entries.filter((e) => !done.has(e.clientId));
        sent += batch.length;
      } catch (e) {
        if (this.transport.isNetworkError(e)) {
          offline = true;
          this.persist();
          break; // no signal: the others would fail the same way
        }
        const message = this.transport.messageOf(e);
        for (const entry of batch) entry.error = message;
      }
      this.persist();
    }
    return { sent, pending: this.pending().length, failed: this.failed().length, offline };
  }

  private async uploadPhotos(entry: QueuedEntry): Promise<void> {
    for (const photo of entry.photos) {
      if (photo.fileId) continue; // uploaded in an earlier try: never twice
      photo.fileId = await this.transport.upload(photo, entry);
      this.persist();
    }
  }

  private persist(): void {
    this.store.save(this.entries);
    for (const l of this.listeners) l();
  }
}

function safeLoad(store: QueueStore): QueuedEntry[] {
  try {
    const loaded = store.load();
    return Array.isArray(loaded) ? loaded.filter((e) => e && typeof e.clientId === 'string') : [];
  } catch {
    return [];
  }
}
