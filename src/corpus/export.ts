import type { CorpusIndex } from './index/types.ts';
import { locationAt, locationOfRange } from './locations.ts';

/** The export contract (shared/CONTRACT.md): field names and order are read by other tools. */
export interface ContractExport {
  documents: Array<{
    file: string;
    title: string;
    published: string | null;
    quotes: Array<{ speaker: string; aliases: string[]; text: string; kind: string; line: number; location?: string }>;
    events: Array<{ date: string; text: string; expression: string; line: number; location?: string }>;
    sections: Array<{ label: string; keywords: string[]; lines: [number, number]; summary: string; location?: string }>;
  }>;
}

export function toContract(index: CorpusIndex): ContractExport {
  const speakers = new Map(index.speakers.map((s) => [s.id, s]));
  return {
    documents: index.documents.map((doc) => {
      const local = new Map(doc.speakers.map((s) => [s.id, s]));
      // The optional `location` is left out altogether for text sources, as the contract says.
      const at = (line: number) => {
        const location = locationAt(doc.locations, line);
        return location ? { location } : {};
      };
      return {
        file: doc.file,
        title: doc.title,
        published: doc.published,
        quotes: doc.quotes.map((q) => {
          const speaker = speakers.get(q.speakerId);
          // Aliases are the names this document used for the speaker.
          const aliases = (local.get(q.speakerId)?.aliases ?? speaker?.aliases ?? []).filter((a) => a !== speaker?.name);
          return { speaker: speaker?.name ?? q.speakerId, aliases, text: q.text, kind: q.kind, line: q.line, ...at(q.line) };
        }),
        events: doc.events.map((e) => ({ date: e.date, text: e.text, expression: e.expression, line: e.line, ...at(e.line) })),
        sections: doc.sections.map((s) => ({
          label: s.label,
          keywords: s.keywords,
          lines: s.lines,
          summary: s.summaries.medium.map((i) => doc.sentences[i]?.text ?? '').join(' '),
          ...((location) => (location ? { location } : {}))(locationOfRange(doc.locations, s.lines[0], s.lines[1])),
        })),
      };
    }),
  };
}
