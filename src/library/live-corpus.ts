import { analyseDocument } from '../corpus/analyse.ts';
import type { CorpusQuery } from '../corpus/query/corpus-query.ts';
import type { LoadedDocument } from '../corpus/types.ts';
import type { GuildSettings } from '../settings/schema.ts';

const UPLOADS = 'uploads/';
/** Distinct reading lists kept at once. */
const MAX_SCOPES = 64;

/** The bundled documents plus every server's uploads, in one live index; each server sees its own part. */
export class LiveCorpus {
  /**
   * Reading lists as last worked out, by what makes them differ (switched-off documents, own uploads):
   * most servers change neither, so they share one. Bounded, as each holds an id per document.
   */
  private readonly scopes = new Map<string, ReadonlySet<string>>();
  private uploadsByGuild = new Map<string, string[]>();
  private revision = -1;

  constructor(readonly query: CorpusQuery) {}

  /** Adds uploads not in the index yet: an upload read again from the store (another process's) is indexed once. */
  addUploads(docs: LoadedDocument[]): void {
    const present = new Set(this.uploadIds());
    const fresh = docs.filter((d) => !present.has(d.id));
    if (fresh.length) this.query.addDocuments(fresh.map((d) => analyseDocument(d)));
  }

  /** Every upload in the index, of every server. */
  uploadIds(): string[] {
    return this.query.documents().filter((d) => d.id.startsWith(UPLOADS)).map((d) => d.id);
  }

  removeUpload(id: string): boolean {
    return id.startsWith(UPLOADS) && this.query.removeDocument(id);
  }

  bundled(): Array<{ id: string; title: string; file: string }> {
    return this.query.documents().filter((d) => !d.id.startsWith(UPLOADS));
  }

  /**
   * What one server reads: the bundled documents it has not switched off, and its own uploads. Every
   * command asks, so the answer is kept until documents come or go (working it out is O(documents)).
   */
  scopeFor(guildId: string, settings: GuildSettings): ReadonlySet<string> {
    if (this.revision !== this.query.revision) this.reindex();
    const own = this.uploadsByGuild.get(guildId) ?? [];
    const key = `${settings.disabledDocuments.join('\n')}\0${own.join('\n')}`;
    const cached = this.scopes.get(key);
    if (cached) {
      // Most recently used last, so the oldest is the one let go.
      this.scopes.delete(key);
      this.scopes.set(key, cached);
      return cached;
    }
    const disabled = new Set(settings.disabledDocuments);
    const scope = new Set([...this.query.documents().filter((d) => !d.id.startsWith(UPLOADS) && !disabled.has(d.id)).map((d) => d.id), ...own]);
    this.scopes.set(key, scope);
    if (this.scopes.size > MAX_SCOPES) this.scopes.delete(this.scopes.keys().next().value as string);
    return scope;
  }

  private reindex(): void {
    this.revision = this.query.revision;
    this.scopes.clear();
    this.uploadsByGuild = new Map();
    for (const d of this.query.documents()) {
      if (!d.id.startsWith(UPLOADS)) continue;
      const end = d.id.indexOf('/', UPLOADS.length);
      if (end < 0) continue;
      const guild = d.id.slice(UPLOADS.length, end);
      const list = this.uploadsByGuild.get(guild);
      if (list) list.push(d.id);
      else this.uploadsByGuild.set(guild, [d.id]);
    }
  }
}
