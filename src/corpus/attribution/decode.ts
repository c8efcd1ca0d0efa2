// From labels to attributions: spans of one role are read off the labels, then each content and each source is
// joined to the cue nearest to it, in its own sentence first.
import type { TaggedParagraph } from '../tag/tag-document.ts';
import { begins, roleOfLabel, type Role } from './labels.ts';

export interface TaggedSpan {
  role: Role;
  /** Token indexes, end exclusive. */
  first: number;
  last: number;
  /** Character offsets in the paragraph's text, end exclusive. */
  start: number;
  end: number;
  /** The sentences the span starts and ends in (a quotation may run over several). */
  sentence: number;
  lastSentence: number;
}

export interface Attribution {
  cue: TaggedSpan;
  source: TaggedSpan | null;
  contents: TaggedSpan[];
}

export interface DecodedParagraph {
  attributions: Attribution[];
  /** Contents with no cue in the paragraph: the going-on of a quotation begun before it. */
  orphans: TaggedSpan[];
}

function sentenceOf(tp: TaggedParagraph, offset: number): number {
  let k = 0;
  while (k < tp.sentences.length - 1 && offset >= (tp.sentences[k]?.end ?? 0)) k++;
  return k;
}

export function readSpans(tp: TaggedParagraph, labels: Int32Array): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let open: TaggedSpan | null = null;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    const role = roleOfLabel(label);
    const t = tp.tokens[i];
    if (!t) continue;
    if (open && (role !== open.role || begins(label))) {
      out.push(open);
      open = null;
    }
    if (!role) continue;
    if (open) {
      open.last = i + 1;
      open.end = t.end;
      open.lastSentence = sentenceOf(tp, t.start);
    } else {
      const k = sentenceOf(tp, t.start);
      open = { role, first: i, last: i + 1, start: t.start, end: t.end, sentence: k, lastSentence: k };
    }
  }
  if (open) out.push(open);
  return out;
}

/** How many sentences lie between two spans (0 when they share one). */
function sentenceGap(a: TaggedSpan, b: TaggedSpan): number {
  return a.lastSentence < b.sentence ? b.sentence - a.lastSentence : b.lastSentence < a.sentence ? a.sentence - b.lastSentence : 0;
}

/** Token distance between two spans, in sentences first: a cue in the same sentence always wins. */
function distance(a: TaggedSpan, b: TaggedSpan): number {
  const gap = a.last <= b.first ? b.first - a.last : b.last <= a.first ? a.first - b.last : 0;
  return sentenceGap(a, b) * 10_000 + gap;
}

function nearest(span: TaggedSpan, cues: TaggedSpan[], reach: number): number {
  let best = -1;
  let bestDistance = Infinity;
  for (const [k, c] of cues.entries()) {
    if (sentenceGap(c, span) > reach) continue;
    const d = distance(span, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best;
}

/** Words of a span (tokens with a letter or digit). */
function wordsIn(tp: TaggedParagraph, s: TaggedSpan): number {
  let n = 0;
  for (let i = s.first; i < s.last; i++) if (/[\p{L}\d]/u.test(tp.tokens[i]?.text ?? '')) n++;
  return n;
}

/** Two pieces of one role a token or two apart are one span the tagger lost for a moment ("the plan , which …"). */
function mergeNear(spans: TaggedSpan[], labels: Int32Array): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    let gapIsEmpty = true;
    if (prev) for (let i = prev.last; i < s.first; i++) if (labels[i] !== 0) gapIsEmpty = false;
    if (prev && prev.role === s.role && s.first - prev.last <= 2 && gapIsEmpty && prev.lastSentence === s.sentence) {
      prev.last = s.last;
      prev.end = s.end;
      prev.lastSentence = s.lastSentence;
    } else out.push({ ...s });
  }
  return out;
}

/** Contents of fewer words are phrases, not quotations (the annotations leave them out too). */
export const MIN_CONTENT_WORDS = 4;
/** A scrap of content beside a longer one is the tagger wavering, not a second part of the quotation. */
const SCRAP_WORDS = 2;

export function decodeParagraph(tp: TaggedParagraph, labels: Int32Array): DecodedParagraph {
  const spans = mergeNear(readSpans(tp, labels), labels);
  const cues = spans.filter((s) => s.role === 'cue');
  const attributions: Attribution[] = cues.map((cue) => ({ cue, source: null, contents: [] }));
  const orphans: TaggedSpan[] = [];
  for (const s of spans) {
    if (s.role === 'cue') continue;
    // A content may run on from a cue a sentence away ("…," he said. "…"); a source speaks in its own sentence.
    const k = nearest(s, cues, s.role === 'content' ? 1 : 0);
    const a = k >= 0 ? attributions[k] : undefined;
    if (!a) {
      if (s.role === 'content') orphans.push(s);
      continue;
    }
    if (s.role === 'content') a.contents.push(s);
    else if (!a.source || distance(s, a.cue) < distance(a.source, a.cue)) a.source = s;
  }
  // "X said A and added B": a second cue with no source of its own shares the one before it in the sentence.
  for (const [k, a] of attributions.entries()) {
    if (a.source) continue;
    for (let j = k - 1; j >= 0; j--) {
      const before = attributions[j];
      if (before?.cue.sentence !== a.cue.sentence) break;
      if (before.source) {
        a.source = before.source;
        break;
      }
    }
  }
  for (const a of attributions) {
    const longest = Math.max(0, ...a.contents.map((c) => wordsIn(tp, c)));
    a.contents = a.contents.filter((c) => wordsIn(tp, c) > SCRAP_WORDS || wordsIn(tp, c) === longest);
  }
  const enough = (a: Attribution) => a.contents.reduce((n, c) => n + wordsIn(tp, c), 0) >= MIN_CONTENT_WORDS;
  return { attributions: attributions.filter(enough), orphans };
}
