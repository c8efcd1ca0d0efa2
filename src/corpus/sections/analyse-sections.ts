import type { QuotedBlock } from '../quotes/blocks.ts';
import type { TaggedDocument } from '../tag/tag-document.ts';
import { tagText } from '../tag/tag-text.ts';
import type { Span } from '../text/sentences.ts';
import { stem, words } from '../text/words.ts';
import type { LoadedDocument, Section, Sentence } from '../types.ts';
import { clauseAround, findWords } from './clauses.ts';
import { labelSections, type PhraseTest } from './label.ts';
import { nounPhrases } from './noun-phrases.ts';
import { segment } from './segment.ts';
import { rankBags } from './summarise.ts';
import { pickSummaries } from './summary-picks.ts';
import { phraseRuns, type WordInfo } from './word-info.ts';

const PROSE = new Set(['text', 'blockquote']);

/**
 * A document's sections: where they start and end, their labels and keywords, their summaries. Only the
 * clauses that name a section's best label candidates are tagged, each once: tagging costs by the word, and a
 * clause is context enough to tell a noun from a verb.
 */
export function analyseSections(
  doc: LoadedDocument,
  spans: Span[][],
  blocks: QuotedBlock[],
  sentences: Sentence[],
  firstSentence: number[],
  tagged: TaggedDocument,
): Section[] {
  // Each sentence's words are read once, for the sections, the labels and the summaries alike.
  const runs = sentences.map((s) => phraseRuns(s.text));
  const sentenceTerms = runs.map(termsOfRuns);
  const paragraphTerms = (pi: number): string[] => {
    const out: string[] = [];
    const first = firstSentence[pi] ?? 0;
    for (let k = 0; k < (spans[pi]?.length ?? 0); k++) out.push(...(sentenceTerms[first + k] ?? []));
    return out;
  };
  const segments = segment(doc.paragraphs, blocks, paragraphTerms);
  const sectionSentences = segments.map((seg) => seg.paragraphs.flatMap((pi) => (spans[pi] ?? []).map((_, k) => (firstSentence[pi] ?? 0) + k)));
  // One ranking per section, cut at every summary length.
  const bags = sectionSentences.map((ids) => ids.map((i) => new Set(sentenceTerms[i])));
  const orders = bags.map(rankBags);
  const sourceWords = new Set(blocks.flatMap((b) => (b.source ? words(b.source.name).map(stem) : [])));
  const isPhrase = clausePhraseTest(sentences, tagged);
  const labels = labelSections(
    sectionSentences.map((ids) => ids.map((i) => ({ sentence: i, runs: runs[i] ?? [] }))),
    isPhrase,
    sourceWords,
  );
  return segments.map((seg, k) => {
    const ids = sectionSentences[k] ?? [];
    const prose = seg.paragraphs.filter((pi) => PROSE.has(doc.paragraphs[pi]?.kind ?? ''));
    const firstPara = doc.paragraphs[prose[0] ?? seg.paragraphs[0] ?? 0];
    const lastPara = doc.paragraphs[prose[prose.length - 1] ?? 0];
    const lastLine = lastPara ? (lastPara.breaks[lastPara.breaks.length - 1]?.line ?? lastPara.line) : 1;
    const position = new Map(ids.map((id, j) => [id, j]));
    const excerpts = blocks.map((b) => b.paragraphs.flatMap((pi) => (spans[pi] ?? []).map((_, m) => position.get((firstSentence[pi] ?? 0) + m) ?? -1)).filter((j) => j >= 0));
    const picks = pickSummaries({ texts: ids.map((i) => sentences[i]?.text ?? ''), bags: bags[k] ?? [], order: orders[k] ?? [], excerpts });
    const toIds = (js: number[]) => js.map((j) => ids[j] ?? 0);
    const label = labels[k] ?? { label: 'untitled', keywords: [] };
    return {
      label: seg.heading ? headingLabel(seg.heading, doc.format === 'txt') : label.label,
      keywords: label.keywords,
      lines: [firstPara?.line ?? 1, Math.max(lastLine, firstPara?.line ?? 1)],
      summaries: { short: toIds(picks.short), medium: toIds(picks.medium), long: toIds(picks.long) },
      heading: seg.heading,
    };
  });
}

/** The similarity terms among a sentence's words, in order (what `terms` gives for its text). */
function termsOfRuns(runs: WordInfo[][]): string[] {
  const out: string[] = [];
  for (const run of runs) for (const w of run) if (w.term !== null) out.push(w.term);
  return out;
}

/**
 * A heading names its section as its author wrote it; a plain-text article's headline is a sentence
 * ("Harbour strike ends after three weeks"), and names it by the noun phrase it opens with ("harbour strike").
 */
function headingLabel(heading: string, headline: boolean): string {
  const phrase = headline ? nounPhrases(tagText(heading))[0] : undefined;
  return (phrase?.surface ?? heading).toLowerCase();
}

/** Noun phrases read from the clause that names the candidate, each clause tagged once. */
function clausePhraseTest(sentences: Sentence[], tagged: TaggedDocument): PhraseTest {
  const phrases = new Map<string, Set<string>>();
  return (i, key, surface) => {
    const text = sentences[i]?.text ?? '';
    const at = findWords(text, surface);
    // Not found as written (spacing): the whole sentence is the clause.
    const clause = at < 0 ? { start: 0, end: text.length } : clauseAround(text, at, at + surface.length);
    if (!clause) return false;
    const id = `${i} ${clause.start}`;
    let keys = phrases.get(id);
    if (!keys) {
      const s = sentences[i];
      const tokens = s ? tagged.tokensIn(s.paragraph, s.start + clause.start, s.start + clause.end) : [];
      keys = new Set(nounPhrases(tokens).map((p) => p.key));
      phrases.set(id, keys);
    }
    return keys.has(key);
  };
}
