import { lineAt } from '../load/paragraphs.ts';
import type { QuotedBlock } from '../quotes/blocks.ts';
import type { Span } from '../text/sentences.ts';
import type { DatedEvent, LoadedDocument } from '../types.ts';
import { formatDate, parseIsoDate, shift, type PartialDate } from './calendar.ts';
import { documentChrono, findDates, type ChronoParse } from './date-expressions.ts';
import { datelineOf } from './dateline.ts';

/** A dateline opens the story: it is looked for in its first few paragraphs only. */
const DATELINE_PARAGRAPHS = 4;

/** A news report dated by its own "today" describes that day in the present tense ("the factory continues to burn"). */
const PRESENT_REPORT = /\b(continues? to \w+|continuing to \w+|(?:is|are) (?:still |now )?(?!going\b)\w+ing)\b/;
const SAYS_TODAY = /today/i;
const WROTE_RELATIVE = /\b(yesterday|today|last (?:week|month))\b/i;

/**
 * Every dated statement of a document. Dates resolve against the publication date, or, inside a quoted block,
 * against the quoted source's own date where the text gives it ("as the Times wrote yesterday:", "today, August 29").
 */
export function extractEvents(doc: LoadedDocument, sentenceSpans: Span[][], blocks: QuotedBlock[]): DatedEvent[] {
  const published = doc.published ? parseIsoDate(doc.published) : null;
  const blockOf = new Map<number, QuotedBlock>();
  for (const b of blocks) for (const i of b.paragraphs) blockOf.set(i, b);
  const blockDates = new Map<QuotedBlock, { date: PartialDate | null; statedToday: boolean }>();
  const parse = documentChrono();
  for (const b of blocks) blockDates.set(b, blockReference(doc, sentenceSpans, b, published, parse));

  const events: DatedEvent[] = [];
  // The author's today: the publication date, or the day a wire story's dateline gives.
  let written: PartialDate | null = published;
  let authorAnchor: PartialDate | null = published;
  let anchor: PartialDate | null = published;
  let currentBlock: QuotedBlock | null = null;

  for (const [pi, p] of doc.paragraphs.entries()) {
    if (p.kind !== 'text' && p.kind !== 'blockquote') continue;
    const block = blockOf.get(pi) ?? null;
    if (block !== currentBlock) {
      // Entering or leaving a quoted block changes whose "today" and whose "just mentioned" date we follow.
      anchor = block ? (blockDates.get(block)?.date ?? written) : authorAnchor;
      currentBlock = block;
    }
    // The dateline is no event: its date is when the story was written.
    const dateline = !block && pi < DATELINE_PARAGRAPHS ? datelineOf(p.text) : null;
    if (dateline?.dateText && published) {
      const day = findDates(dateline.dateText, published, () => null, parse)[0]?.date;
      if (day?.granularity === 'day') written = authorAnchor = anchor = day;
    }
    const reference = block ? (blockDates.get(block)?.date ?? written) : written;
    for (const s of sentenceSpans[pi] ?? []) {
      const sentence = p.text.slice(s.start, s.end).trim();
      const found = findDates(sentence, reference, () => anchor, parse).filter((f) => !dateline || s.start + f.index >= dateline.end);
      for (const f of found) {
        events.push({ date: formatDate(f.date), granularity: f.date.granularity, text: sentence, expression: f.text, line: lineAt(p, s.start + f.index) });
        anchor = f.date;
      }
      const info = block ? blockDates.get(block) : null;
      if (!found.length && info?.statedToday && info.date) {
        const present = PRESENT_REPORT.exec(sentence);
        if (present) events.push({ date: formatDate(info.date), granularity: info.date.granularity, text: sentence, expression: present[0], line: lineAt(p, s.start + (present.index ?? 0)) });
      }
    }
    if (!block) authorAnchor = anchor;
  }
  return events;
}

function blockReference(doc: LoadedDocument, spans: Span[][], block: QuotedBlock, published: PartialDate | null, parse: ChronoParse): { date: PartialDate | null; statedToday: boolean } {
  for (const pi of block.paragraphs) {
    const p = doc.paragraphs[pi];
    if (!p) continue;
    for (const s of spans[pi] ?? []) {
      const sentence = p.text.slice(s.start, s.end);
      // Only a sentence that says "today" can state its own date: the others need no parsing here.
      if (!SAYS_TODAY.test(sentence)) continue;
      const today = findDates(sentence, published, () => null, parse).find((d) => d.statesToday);
      if (today) return { date: today.date, statedToday: true };
    }
  }
  const intro = block.intro !== null ? doc.paragraphs[block.intro] : undefined;
  if (intro && published) {
    const relative = WROTE_RELATIVE.exec(intro.text)?.[1]?.toLowerCase();
    if (relative === 'yesterday') return { date: shift(published, -1, 'day'), statedToday: false };
    if (relative === 'today') return { date: published, statedToday: false };
    const explicit = findDates(intro.text, published, () => null, parse)[0];
    if (explicit && explicit.date.granularity === 'day') return { date: explicit.date, statedToday: false };
  }
  return { date: published, statedToday: false };
}
