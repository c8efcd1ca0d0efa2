import { extractEvents } from './events/extract-events.ts';
import { lineAt } from './load/paragraphs.ts';
import { detectBlocks } from './quotes/blocks.ts';
import { TaggedDocument } from './tag/tag-document.ts';
import { ALL_STAGES, extractQuotes, type QuoteStages } from './quotes/extract-quotes.ts';
import { stem, words } from './text/words.ts';
import { labelRuns, phraseRuns } from './sections/label.ts';
import { joinRuns } from './sections/join-runs.ts';
import type { WordInfo } from './sections/word-info.ts';
import { segment } from './sections/segment.ts';
import { rankBags, SUMMARY_LENGTHS } from './sections/summarise.ts';
import { splitSentences, type Span } from './text/sentences.ts';
import type { DocumentAnalysis, LoadedDocument, Section, Sentence } from './types.ts';

const PROSE = new Set(['text', 'blockquote']);

/** The similarity terms among a sentence's words, in order (what `terms` gives for its text). */
function termsOfRuns(runs: WordInfo[][]): string[] {
  const out: string[] = [];
  for (const run of runs) for (const w of run) if (w.term !== null) out.push(w.term);
  return out;
}

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

  // Each sentence's words are read once, for the sections, the labels and the summaries alike.
  const runs = sentences.map((s) => phraseRuns(s.text));
  const sentenceTerms = runs.map(termsOfRuns);
  const termsOf = (i: number): string[] => sentenceTerms[i] ?? [];
  const paragraphTerms = (pi: number): string[] => {
    const out: string[] = [];
    const first = firstSentence[pi] ?? 0;
    for (let k = 0; k < (spans[pi]?.length ?? 0); k++) out.push(...termsOf(first + k));
    return out;
  };
  const segments = segment(doc.paragraphs, blocks, paragraphTerms);
  const sectionSentences = segments.map((seg) => seg.paragraphs.flatMap((pi) => (spans[pi] ?? []).map((_, k) => (firstSentence[pi] ?? 0) + k)));
  const sourceWords = new Set(blocks.flatMap((b) => (b.source ? words(b.source.name).map(stem) : [])));
  const labels = labelRuns(
    sectionSentences.map((ids) => joinRuns(ids.map((i) => ({ text: sentences[i]?.text ?? '', runs: runs[i] ?? [] })))),
    sourceWords,
  );
  const sections: Section[] = segments.map((seg, k) => {
    const ids = sectionSentences[k] ?? [];
    const prose = seg.paragraphs.filter((pi) => PROSE.has(doc.paragraphs[pi]?.kind ?? ''));
    const firstPara = doc.paragraphs[prose[0] ?? seg.paragraphs[0] ?? 0];
    const lastPara = doc.paragraphs[prose[prose.length - 1] ?? 0];
    const lastLine = lastPara ? (lastPara.breaks[lastPara.breaks.length - 1]?.line ?? lastPara.line) : 1;
    // One ranking, cut at three lengths.
    const order = rankBags(ids.map((i) => new Set(termsOf(i))));
    const pick = (n: number) =>
      order
        .slice(0, n)
        .sort((a, b) => a - b)
        .map((j) => ids[j] ?? 0);
    const label = labels[k] ?? { label: 'untitled', keywords: [] };
    return {
      label: seg.heading ? seg.heading.toLowerCase() : label.label,
      keywords: label.keywords,
      lines: [firstPara?.line ?? 1, Math.max(lastLine, firstPara?.line ?? 1)],
      summaries: { short: pick(SUMMARY_LENGTHS.short), medium: pick(SUMMARY_LENGTHS.medium), long: pick(SUMMARY_LENGTHS.long) },
      heading: seg.heading,
    };
  });

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
