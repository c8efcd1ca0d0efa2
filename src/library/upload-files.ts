import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type Keyv from 'keyv';
import type { StoreLink } from '../store/store-link.ts';

/** Where an upload's bytes are kept, by its document id (`uploads/<server>/<upload>/<file name>`). */
export interface UploadFiles {
  write(id: string, bytes: Uint8Array): Promise<void>;
  read(id: string): Promise<Uint8Array>;
  remove(id: string): Promise<void>;
}

/** On this machine's disk, under `UPLOADS_DIR`: with a SQLite file, the bot is one machine anyway. */
export class DiskUploadFiles implements UploadFiles {
  constructor(private readonly dir: string) {}

  private pathOf(id: string): string {
    const [, guildId, uploadId, file] = id.split('/');
    return path.join(this.dir, guildId ?? 'unknown', uploadId ?? 'unknown', file ?? 'unknown');
  }

  async write(id: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(id);
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  }

  read(id: string): Promise<Uint8Array> {
    return readFile(this.pathOf(id));
  }

  async remove(id: string): Promise<void> {
    await rm(path.dirname(this.pathOf(id)), { recursive: true, force: true });
  }
}

/**
 * In the shared store itself (PostgreSQL or Redis), so every process on every machine reads the same uploads and a
 * process started later finds them. Uploads are at most 2 MB; base64 keeps them in Keyv's JSON values.
 */
export class StoreUploadFiles implements UploadFiles {
  constructor(private readonly store: Keyv) {}

  async write(id: string, bytes: Uint8Array): Promise<void> {
    await this.store.set(`upload-bytes:${id}`, Buffer.from(bytes).toString('base64'));
  }

  async read(id: string): Promise<Uint8Array> {
    const stored = (await this.store.get(`upload-bytes:${id}`)) as string | undefined;
    if (stored === undefined) throw new Error('its file is missing from the store');
    return Buffer.from(stored, 'base64');
  }

  async remove(id: string): Promise<void> {
    await this.store.delete(`upload-bytes:${id}`);
  }
}

export function uploadFilesFor(link: StoreLink, store: Keyv, dir: string): UploadFiles {
  return link.kind === 'sqlite' ? new DiskUploadFiles(dir) : new StoreUploadFiles(store);
}
