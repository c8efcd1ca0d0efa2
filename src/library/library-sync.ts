import type { Library, UploadRecord } from './library.ts';
import type { LiveCorpus } from './live-corpus.ts';

/** How often each process asks whether another has changed a reading list: one small read. */
export const LIBRARY_POLL_MS = 2_000;

export interface SyncResult {
  added: number;
  removed: number;
}

/**
 * Keeps this process's index of uploads the same as the store's, for bots run as several processes: an upload or
 * removal made through any of them changes the library's revision, and every other reads the lists again within a
 * poll. Polling one value works the same on SQLite, PostgreSQL and Redis, and a process that was disconnected
 * catches up on its next poll, which a missed notification would not.
 */
export class LibrarySync {
  private seen: string | null | undefined = undefined;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SyncResult> | null = null;

  constructor(
    private readonly o: { library: Library; corpus: LiveCorpus; warn: (message: string) => void; onError?: (error: unknown) => void },
  ) {}

  /** Reads the lists again if the revision moved since the last look; safe to call at any time. */
  async poll(): Promise<SyncResult> {
    const revision = await this.o.library.revision();
    if (revision === this.seen) return { added: 0, removed: 0 };
    const result = await this.sync();
    this.seen = revision;
    return result;
  }

  /** Makes the index hold exactly the stored uploads (one sync at a time). */
  sync(): Promise<SyncResult> {
    this.running ??= this.syncOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async syncOnce(): Promise<SyncResult> {
    // Taken before reading the store: an upload this process indexes meanwhile (its record already stored) is not
    // mistaken for one removed elsewhere.
    const loadedBefore = new Set(this.o.corpus.uploadIds());
    const stored = new Map<string, UploadRecord>();
    for (const guildId of await this.o.library.guilds()) for (const r of await this.o.library.list(guildId)) stored.set(r.id, r);
    let removed = 0;
    for (const id of loadedBefore) if (!stored.has(id) && this.o.corpus.removeUpload(id)) removed++;
    const missing = [...stored.values()].filter((r) => !loadedBefore.has(r.id));
    const docs = [];
    for (const r of missing) {
      try {
        docs.push(await this.o.library.load(r));
      } catch (error) {
        this.o.warn(`Upload ${r.file} of server ${r.guildId} could not be loaded: ${(error as Error).message}`);
      }
    }
    const before = this.o.corpus.uploadIds().length;
    this.o.corpus.addUploads(docs);
    return { added: this.o.corpus.uploadIds().length - before, removed };
  }

  start(everyMs = LIBRARY_POLL_MS): void {
    // A store that is away fails every poll: said once when it starts failing, not every two seconds.
    let failing = false;
    const loop = () => {
      this.poll().then(
        () => {
          failing = false;
        },
        (error: unknown) => {
          if (!failing) this.o.onError?.(error);
          failing = true;
        },
      ).finally(() => {
        if (this.timer) this.timer = setTimeout(loop, everyMs);
      });
    };
    this.timer = setTimeout(loop, everyMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
