// Training labels: annotated attributions (character spans into the raw file, as PolNeAR's are) carried onto the
// tokens of the paragraphs the engine reads, through line normalisation and paragraph joining.
import { normaliseLine, REPLACEMENTS } from '../load/normalise.ts';
import type { TaggedParagraph } from '../tag/tag-document.ts';
import type { LoadedDocument, Paragraph } from '../types.ts';
import { labelOf, O, type Role } from './labels.ts';

export interface AnnotatedSpan {
  spans: Array<[number, number]>;
}

/** One attribution as annotated: its source, cue and content spans (source or cue may be missing). */
export interface GoldAttribution {
  source?: AnnotatedSpan;
  cue?: AnnotatedSpan;
  content?: AnnotatedSpan;
  /** The cue is a speech verb or the content is quoted (PolNeAR's flag); belief and intention are not speech. */
  speech?: boolean;
}

export interface GoldTokens {
  labels: Int32Array;
  /** Index of the attribution each token belongs to, or -1. */
  owners: Int32Array;
}

function normaliseChar(c: string): string {
  let out = c;
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(new RegExp(pattern.source, 'g'), replacement);
  return out;
}

/** The replacements anchored, to find those that read several raw characters (two apostrophes, ". . ."). */
const ANCHORED = REPLACEMENTS.map(([pattern, replacement]) => [new RegExp(pattern.source, 'y'), replacement] as const);

/** For each character of a normalised line, the column of the raw character it came from. */
export function alignLine(raw: string, normalised: string): Int32Array {
  const map = new Int32Array(normalised.length + 1);
  if (raw === normalised) {
    for (let j = 0; j <= normalised.length; j++) map[j] = j;
    return map;
  }
  let i = 0;
  let j = 0;
  outer: while (j < normalised.length) {
    if (i >= raw.length) {
      map[j++] = raw.length;
      continue;
    }
    // A replacement of several raw characters by one or more ("''" → '"'): each produced column maps to its first.
    for (const [pattern, replacement] of ANCHORED) {
      pattern.lastIndex = i;
      const m = pattern.exec(raw);
      if (m && m[0].length > 1 && normalised.startsWith(replacement, j)) {
        for (let k = 0; k < replacement.length; k++) map[j++] = i;
        i += m[0].length;
        continue outer;
      }
    }
    const produced = normaliseChar(raw[i] ?? '');
    if (produced.length > 0 && normalised.startsWith(produced, j)) {
      for (let k = 0; k < produced.length; k++) map[j++] = i;
    }
    i++;
  }
  map[normalised.length] = raw.length;
  return map;
}

/** Raw file offset of each offset of a paragraph's text. */
function paragraphToRaw(p: Paragraph, rawLines: string[], lineStarts: number[]): (offset: number) => number {
  const pieces = [{ offset: 0, line: p.line }, ...p.breaks].map((b) => {
    const raw = rawLines[b.line - 1] ?? '';
    const normalised = normaliseLine(raw);
    const lead = normalised.length - normalised.trimStart().length;
    return { offset: b.offset, start: lineStarts[b.line - 1] ?? 0, lead, map: alignLine(raw, normalised) };
  });
  return (offset) => {
    let piece = pieces[0];
    for (const q of pieces) if (q.offset <= offset) piece = q;
    if (!piece) return 0;
    const col = offset - piece.offset + piece.lead;
    return piece.start + (piece.map[Math.min(col, piece.map.length - 1)] ?? 0);
  };
}

const ROLES: Role[] = ['source', 'cue', 'content'];

/** The gold label of every token of every tagged paragraph. */
export function goldLabels(doc: LoadedDocument, raw: string, tagged: TaggedParagraph[], gold: GoldAttribution[]): GoldTokens[] {
  // Which attribution and role each raw character belongs to (PolNeAR's spans never overlap).
  const owner = new Int32Array(raw.length).fill(-1);
  gold.forEach((a, ai) => {
    ROLES.forEach((role, ri) => {
      for (const [s, e] of a[role]?.spans ?? []) for (let c = Math.max(0, s); c < Math.min(e, raw.length); c++) if (owner[c] === -1) owner[c] = ai * 3 + ri;
    });
  });
  const rawLines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lineStarts: number[] = [];
  const bom = raw.startsWith('\uFEFF') ? 1 : 0;
  let at = bom;
  for (const m of raw.slice(bom).matchAll(/[^\r\n]*(\r\n|\r|\n|$)/g)) {
    if (lineStarts.length >= rawLines.length) break;
    lineStarts.push(at);
    at += m[0].length;
  }
  return tagged.map((tp) => {
    const toRaw = paragraphToRaw(doc.paragraphs[tp.paragraph] as Paragraph, rawLines, lineStarts);
    const labels = new Int32Array(tp.tokens.length);
    const owners = new Int32Array(tp.tokens.length).fill(-1);
    let previous = -1;
    tp.tokens.forEach((t, i) => {
      const from = toRaw(t.start);
      const to = Math.max(from + 1, toRaw(t.end - 1) + 1);
      let o = -1;
      for (let c = from; c < to && o < 0; c++) o = owner[c] ?? -1;
      labels[i] = o < 0 ? O : labelOf(ROLES[o % 3] as Role, o !== previous);
      owners[i] = o < 0 ? -1 : Math.floor(o / 3);
      previous = o;
    });
    return { labels, owners };
  });
}
