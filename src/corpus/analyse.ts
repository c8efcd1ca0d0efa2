import { extractEvents } from './events/extract-events.ts';
import { lineAt } from './load/paragraphs.ts';
import { detectBlocks } from './quotes/blocks.ts';
import { TaggedDocument } from './tag/tag-document.ts';
import { ALL_STAGES, extractQuotes, type QuoteStages } from './quotes/extract-quotes.ts';
import { analyseSections } from './sections/analyse-sections.ts';
import { splitSentences, type Span } from './text/sentences.ts';
import type { DocumentAnalysis, LoadedDocument, Sentence } from './types.ts';

const PROSE = new Set(['text', 'blockquote']);

/** One document through every analyser: sentences, quotes and speakers, events, sections and summaries. */
export function analyseDocument(doc: LoadedDocument, stages: QuoteStages = ALL_STAGES): DocumentAnalysis {
  // Blocks first: they mark citation lines, which are structure rather than sentences.
  const blocks = detectBlocks(doc.paragraphs);
  const spans: Span[][] = doc.paragraphs.map((p) => (PROSE.has(p.kind) ? splitSentences(p.text) : []));
  const tagged = new TaggedDocument(doc, spans);
  const { quotes, speakers } = extractQuotes(doc, spans, blocks, tagged, stages);
  const events = extractEvents(doc, spans, blocks);

  const sentences: Sentence[] = [];
  const firstSentence: number[] = [];
  for (const [pi, p] of doc.paragraphs.entries()) {
    firstSentence[pi] = sentences.length;
    for (const s of spans[pi] ?? []) {
      sentences.push({ paragraph: pi, start: s.start, end: s.end, text: p.text.slice(s.start, s.end).trim(), line: lineAt(p, s.start) });
    }
  }

  const sections = analyseSections(doc, spans, blocks, sentences, firstSentence, tagged);

  return {
    id: doc.id,
    file: doc.file,
    format: doc.format,
    title: doc.title,
    published: doc.published,
    author: doc.author,
    source: doc.source,
    lineCount: doc.lineCount,
    sentences,
    quotes,
    events,
    sections,
    speakers,
    ...(doc.locations?.length ? { locations: doc.locations } : {}),
  };
}
