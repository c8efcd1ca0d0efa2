import { analyseDocument } from '../corpus/analyse.ts';
import type { CorpusQuery } from '../corpus/query/corpus-query.ts';
import type { LoadedDocument } from '../corpus/types.ts';
import type { GuildSettings } from '../settings/schema.ts';

const UPLOADS = 'uploads/';

/** The bundled documents plus every server's uploads, in one live index; each server sees its own part. */
export class LiveCorpus {
  constructor(readonly query: CorpusQuery) {}

  addUploads(docs: LoadedDocument[]): void {
    if (docs.length) this.query.addDocuments(docs.map(analyseDocument));
  }

  removeUpload(id: string): boolean {
    return id.startsWith(UPLOADS) && this.query.removeDocument(id);
  }

  bundled(): Array<{ id: string; title: string; file: string }> {
    return this.query.index.documents.filter((d) => !d.id.startsWith(UPLOADS));
  }

  /** What one server reads: the bundled documents it has not switched off, and its own uploads. */
  scopeFor(guildId: string, settings: GuildSettings): Set<string> {
    const disabled = new Set(settings.disabledDocuments);
    const own = `${UPLOADS}${guildId}/`;
    return new Set(this.query.index.documents.filter((d) => (d.id.startsWith(UPLOADS) ? d.id.startsWith(own) : !disabled.has(d.id))).map((d) => d.id));
  }
}
