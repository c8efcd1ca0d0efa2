import { Anniversaries } from './anniversaries.ts';
import type { CorpusDocuments } from './corpus-documents.ts';
import { DocumentLookup } from './document-lookup.ts';
import { buildEventTable, type EventTable } from './event-table.ts';
import { EventQueries } from './events.ts';
import { QuoteIndex } from './quote-index.ts';
import { ReadingScopes } from './reading-scopes.ts';
import { Sections } from './sections.ts';
import { SpeakerNameIndex } from './speaker-names.ts';
import { Speakers } from './speakers.ts';

/**
 * What one state of the corpus is looked up by, each part built on first use (answers must not scan the
 * whole corpus each time). Documents coming or going make a new set: nothing here is updated in place.
 */
export class CorpusViews {
  private lookupView: DocumentLookup | null = null;
  private quoteView: QuoteIndex | null = null;
  private nameView: SpeakerNameIndex | null = null;
  private speakerView: Speakers | null = null;
  private tableView: EventTable | null = null;
  private eventView: EventQueries | null = null;
  private calendarView: Anniversaries | null = null;
  private sectionView: Sections | null = null;
  readonly scopes: ReadingScopes;

  constructor(private readonly docs: CorpusDocuments) {
    this.scopes = new ReadingScopes(docs.all, () => this.lookup);
  }

  get lookup(): DocumentLookup {
    return (this.lookupView ??= new DocumentLookup(this.docs.all));
  }
  get quotes(): QuoteIndex {
    return (this.quoteView ??= new QuoteIndex(this.docs.all, this.docs.speakers));
  }
  get names(): SpeakerNameIndex {
    return (this.nameView ??= new SpeakerNameIndex(this.docs.speakers));
  }
  get speakers(): Speakers {
    return (this.speakerView ??= new Speakers((id) => this.docs.speaker(id), this.names, this.quotes, this.scopes));
  }
  get table(): EventTable {
    return (this.tableView ??= buildEventTable(this.docs.all, this.lookup));
  }
  get events(): EventQueries {
    return (this.eventView ??= new EventQueries(() => this.table, this.scopes, () => this.lookup));
  }
  get anniversaries(): Anniversaries {
    return (this.calendarView ??= new Anniversaries(this.docs.all));
  }
  get sections(): Sections {
    return (this.sectionView ??= new Sections(this.docs.all, this.lookup, this.scopes, (id) => this.docs.get(id)));
  }

  /** Builds the lookups the first questions would otherwise build on the way to their answer. */
  prepare(): void {
    void this.table;
    void this.sections;
    void this.quotes;
    this.names.prepare();
  }
}
