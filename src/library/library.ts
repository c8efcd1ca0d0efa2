import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type Keyv from 'keyv';
import { parseStandaloneDate } from '../corpus/load/dates.ts';
import { formatOf } from '../corpus/load/find-documents.ts';
import type { LoadedDocument } from '../corpus/types.ts';
import { KeyedQueue } from '../store/keyed-queue.ts';
import type { UploadFiles } from './upload-files.ts';

/** The loaders (HTML, PDF, Word…) are loaded with the first upload to read, not at every start. */
const readers = () => import('../corpus/load/load-file.ts');

/** An upload is study material, not a book: 2 MB is plenty and keeps indexing instant. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const MAX_UPLOADS_PER_SERVER = 50;
export const SUPPORTED = '.txt, .md, .html, .pdf, .epub or .docx';
export const LIBRARY_FULL = `This server already has ${MAX_UPLOADS_PER_SERVER} uploads; remove one first.`;

export interface UploadRecord {
  /** Document id in the index: `uploads/<server>/<upload>/<file name>`. */
  id: string;
  guildId: string;
  file: string;
  title: string;
  published: string | null;
  size: number;
  addedBy: string;
  addedAt: string;
  /** The address a web article was fetched from. */
  url?: string;
}

export type AddResult = { ok: true; record: UploadRecord; doc: LoadedDocument } | { ok: false; message: string };

/** "../../etc/My Notes (v2).MD" → "My-Notes-v2.md": no folders, no surprises, the extension kept. */
export function safeFileName(name: string): string | null {
  const base = path.posix.basename(name.replace(/\\/g, '/')).normalize('NFKC');
  const ext = path.extname(base).toLowerCase();
  const stem = base
    .slice(0, base.length - ext.length)
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  if (!stem || !ext) return null;
  return `${stem}${ext}`;
}

/** "https://www.coastal-herald.example/news/harbour-city?id=3" → "coastal-herald.example-harbour-city.html". */
export function fileNameForLink(address: string): string {
  const url = new URL(address);
  const last = url.pathname.split('/').filter(Boolean).pop()?.replace(/\.[a-z0-9]+$/i, '') ?? '';
  return safeFileName(`${url.hostname.replace(/^www\./, '')}${last ? `-${last}` : ''}.html`) ?? 'page.html';
}

/** Changes with every upload or removal in any process: the others poll it to know when to read the lists again. */
const REVISION = 'library:revision';

/** A server's own documents: their bytes (on disk, or in the shared store), their records in the store. Failures change nothing. */
export class Library {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly store: Keyv,
    private readonly files: UploadFiles,
  ) {}

  /** A token that differs after every change made by any process sharing the store. */
  async revision(): Promise<string | null> {
    return ((await this.store.get(REVISION)) as string | undefined) ?? null;
  }

  /** Every server with uploads. */
  async guilds(): Promise<string[]> {
    return ((await this.store.get('library:guilds')) as string[] | undefined) ?? [];
  }

  async list(guildId: string): Promise<UploadRecord[]> {
    return ((await this.store.get(`library:${guildId}`)) as UploadRecord[] | undefined) ?? [];
  }

  /** Checks and stores an upload; returns the parsed document to index. */
  add(guildId: string, actor: string, input: { name: string; bytes: Uint8Array; title?: string; date?: string; url?: string }): Promise<AddResult> {
    return this.queue.run(guildId, async () => {
      const file = safeFileName(input.name);
      const format = file ? formatOf(file) : null;
      if (!file || !format) return { ok: false, message: `Upload a ${SUPPORTED} file.` };
      if (input.bytes.length > MAX_UPLOAD_BYTES) return { ok: false, message: `That file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` };
      let published: string | null | undefined;
      if (input.date?.trim()) {
        published = parseStandaloneDate(input.date);
        if (!published) return { ok: false, message: 'The date must be a full date, e.g. 2025-09-04 or September 4, 2025.' };
      }
      const title = input.title?.trim().slice(0, 200);
      const records = await this.list(guildId);
      if (records.length >= MAX_UPLOADS_PER_SERVER) return { ok: false, message: LIBRARY_FULL };
      const uploadId = randomBytes(6).toString('hex');
      const id = `uploads/${guildId}/${uploadId}/${file}`;
      const read = await (await readers()).readDocument(id, file, input.bytes, { maxBytes: MAX_UPLOAD_BYTES, ...(input.url ? { url: input.url } : {}) });
      if (!read.ok) return { ok: false, message: `${input.url ? 'That page' : 'That file'} cannot be read: ${read.reason}.` };
      const doc: LoadedDocument = { ...read.doc, ...(title ? { title } : {}), ...(published !== undefined ? { published } : {}) };
      const record: UploadRecord = {
        id,
        guildId,
        file,
        title: doc.title,
        published: doc.published,
        size: input.bytes.length,
        addedBy: actor,
        addedAt: new Date().toISOString(),
        ...(input.url ? { url: input.url } : {}),
      };

      // The bytes first, then the record: a process that sees the record can always read the bytes.
      await this.files.write(id, input.bytes);
      try {
        await this.store.set(`library:${guildId}`, [...records, record]);
        await this.rememberGuild(guildId);
      } catch (error) {
        await this.files.remove(id).catch(() => undefined);
        throw error;
      }
      await this.changed();
      return { ok: true, record, doc };
    });
  }

  remove(guildId: string, id: string): Promise<UploadRecord | null> {
    return this.queue.run(guildId, async () => {
      const records = await this.list(guildId);
      const record = records.find((r) => r.id === id);
      if (!record) return null;
      await this.store.set(`library:${guildId}`, records.filter((r) => r.id !== id));
      await this.changed();
      await this.files.remove(record.id);
      return record;
    });
  }

  /** One upload parsed again from its stored bytes, with the title and date it was given. */
  async load(r: UploadRecord): Promise<LoadedDocument> {
    const bytes = await this.files.read(r.id);
    const read = await (await readers()).readDocument(r.id, r.file, bytes, { maxBytes: MAX_UPLOAD_BYTES, ...(r.url ? { url: r.url } : {}) });
    if (!read.ok) throw new Error(read.reason);
    return { ...read.doc, title: r.title, published: r.published };
  }

  /** Every server's uploads, parsed again (at start-up). One that cannot be read is reported, not fatal. */
  async loadAll(warn: (message: string) => void): Promise<LoadedDocument[]> {
    const docs: LoadedDocument[] = [];
    for (const guildId of await this.guilds()) {
      for (const r of await this.list(guildId)) {
        try {
          docs.push(await this.load(r));
        } catch (error) {
          warn(`Upload ${r.file} of server ${guildId} could not be loaded: ${(error as Error).message}`);
        }
      }
    }
    return docs;
  }

  private async changed(): Promise<void> {
    await this.store.set(REVISION, `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`);
  }

  /**
   * The list of servers with uploads is shared by all servers: its writes have a queue of their own here, and, since
   * processes on other machines (other shards) may add their servers at the same moment and a key-value store has no
   * atomic append, the write is read back after a moment and made again until it stands.
   */
  private rememberGuild(guildId: string): Promise<void> {
    return this.queue.run('library:guilds', async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const guilds = await this.guilds();
        if (guilds.includes(guildId)) return;
        await this.store.set('library:guilds', [...guilds, guildId]);
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
      }
    });
  }
}
