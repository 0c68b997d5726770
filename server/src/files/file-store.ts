import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Where uploaded bytes live. Keys are random (never the uploaded name). The local store keeps them in
 * FILES_DIR; an S3-compatible object store (Tencent COS, MinIO) implements the same three calls with
 * PutObject / GetObject / DeleteObject on a private bucket.
 */
export interface FileStore {
  put(key: string, data: Buffer, mime: string): Promise<void>;
  /** The bytes, or null when the key is unknown. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

export const FILE_STORE = Symbol('FILE_STORE');

const KEY = /^[a-f0-9]{32}(?:\.thumb)?$/;

/** 128 random bits, hex. */
export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

/** Files under a directory, two hex characters of fan-out (…/ab/abcdef…); written via a temp name and a rename. */
export class LocalFileStore implements FileStore {
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  private path(key: string): string {
    // Keys are ours, but a path must never come from anything else.
    if (!KEY.test(key)) throw new Error('bad storage key');
    return join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, data, { mode: 0o600 });
    await rename(tmp, path);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await unlink(this.path(key)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
}
