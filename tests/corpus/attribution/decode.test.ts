import { describe, expect, it } from 'vitest';
import { decodeParagraph } from '../../../src/corpus/attribution/decode.ts';
import { TaggedDocument } from '../../../src/corpus/tag/tag-document.ts';
import { loadText } from '../../../src/corpus/load/load-text.ts';
import { splitSentences } from '../../../src/corpus/text/sentences.ts';

const CODE: Record<string, number> = { O: 0, S: 1, s: 2, C: 3, c: 4, T: 5, t: 6 };

/** A paragraph and its labels, one letter per token: S/s source, C/c cue, T/t content (capital opens a span), O none. */
function decoded(text: string, letters: string) {
  const doc = loadText('t.txt', 't.txt', text);
  const tp = new TaggedDocument(doc, doc.paragraphs.map((p) => splitSentences(p.text))).paragraph(0);
  if (!tp) throw new Error('no paragraph');
  expect(tp.tokens).toHaveLength(letters.length);
  const labels = new Int32Array([...letters].map((l) => CODE[l] ?? 0));
  const piece = (s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);
  return decodeParagraph(tp, labels).attributions.map((a) => ({ source: piece(a.source), cue: piece(a.cue), contents: a.contents.map(piece) }));
}

describe('reading attributions off the labels', () => {
  it('joins a content before its cue and the source after it', () => {
    // "  The   port  will  reopen  ,  "  Ana  Ruiz  said  .
    expect(decoded('"The port will reopen," Ana Ruiz said.', 'OTttttOSsCO')).toEqual([{ source: 'Ana Ruiz', cue: 'said', contents: ['The port will reopen,'] }]);
  });

  it('keeps both halves of a split quotation with their one cue', () => {
    const out = decoded('"We are ready," she said, "but we need more time."', 'OTtttOSCOOTtttttO');
    expect(out).toHaveLength(1);
    expect(out[0]?.contents).toHaveLength(2);
  });

  it('gives a second cue with no source of its own the source before it in the sentence', () => {
    const out = decoded('Ana Ruiz said the port was closed and added that the ferries would run again.', 'SsCTtttOCOTttttO');
    expect(out.map((a) => a.source)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
  });

  it('drops a scrap of content beside a longer one, and contents too short to be quotations', () => {
    expect(decoded('Ana Ruiz said no.', 'SsCT')).toEqual([]);
    const out = decoded('Ana Ruiz said the port was closed for repairs by the city, then.', 'SsCTtttttOOOOTO');
    expect(out[0]?.contents).toEqual(['the port was closed for repairs']);
  });

  it('does not tie a content to a cue two sentences away', () => {
    expect(decoded('Ana Ruiz said the port was shut. Boats waited. The storm was worse than feared.', 'SsCTtttOOOOTtttttO')[0]?.contents).toEqual(['the port was shut']);
  });
});
