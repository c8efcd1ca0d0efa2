// Sentence boundaries that survive abbreviations, initials, decimals, elisions and quotations.

/** Titles written short before a name ("Mr. Stubb", "Del. Ines Okoro"). */
export const TITLE_ABBREVIATIONS = [
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'gen', 'lt', 'col', 'maj', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen',
  'rep', 'del', 'rev', 'fr', 'hon', 'pres', 'messrs',
];

/** Abbreviations that do not end a sentence even before a capital ("Mr. Stubb", "U.S. President"). */
const NEVER_FINAL = new Set([
  ...TITLE_ABBREVIATIONS, 'mt', 'ft', 'no', 'nos', 'vs', 'v', 'cf', 'e.g', 'i.e', 'approx', 'fig', 'vol', 'pp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.u', 'u.s.a',
  'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'ave', 'blvd',
]);

export interface Span {
  start: number;
  end: number;
}

/** Closing punctuation and quotes that belong to the sentence they end. */
const isTrailer = (c: string | undefined): boolean => c === '"' || c === "'" || c === ')' || c === ']';
const isStop = (c: string | undefined): boolean => c === '.' || c === '!' || c === '?';

/** A full stop that closes a quotation: dots then a double quote within the next three characters ("….""). */
function closesQuoteAfter(text: string, dot: number): boolean {
  for (let i = dot + 1; i < Math.min(text.length, dot + 4); i++) {
    if (text[i] === '"') return true;
    if (text[i] !== '.') return false;
  }
  return false;
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let inQuote = false;
  let quoteOpenedAt = -1;
  const n = text.length;
  const quoteCloses = (from: number) => text.indexOf('"', from);

  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (!inQuote) {
        // An opening quote that never closes in this paragraph (a multi-paragraph quote) does not hide boundaries.
        if (quoteCloses(i + 1) !== -1) {
          inQuote = true;
          quoteOpenedAt = i;
        }
      } else inQuote = false;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // Inside a quotation only a full stop that closes it ("a disgrace." The …) can end the sentence:
    // "?"/"!" before a closing mark are usually followed by the attribution ("Why?" Smith asked).
    if (inQuote && i - quoteOpenedAt < 1500 && !(ch === '.' && closesQuoteAfter(text, i))) continue;

    // Extend over the rest of an ellipsis or "?!" and any closing quotes/brackets.
    let j = i;
    while (j + 1 < n && isStop(text[j + 1])) j++;
    let k = j;
    while (k + 1 < n && isTrailer(text[k + 1])) k++;
    if (k + 1 < n && text[k + 1] !== ' ') {
      i = j;
      continue;
    }
    const next = text.slice(k + 1).trimStart();
    if (next === '') break;
    const nextChar = next[0] ?? '';
    // A new sentence starts with a capital, a digit, a quote or a bracket.
    if (!/[\p{Lu}\d"'([]/u.test(nextChar)) {
      i = j;
      continue;
    }
    if (ch === '.' && j === i && isAbbreviation(text, i)) {
      i = j;
      continue;
    }
    spans.push({ start, end: k + 1 });
    start = k + 1;
    while (start < n && text[start] === ' ') start++;
    i = start - 1;
    inQuote = false;
  }
  if (start < n && text.slice(start).trim()) spans.push({ start, end: n });
  return spans;
}

function isAbbreviation(text: string, dot: number): boolean {
  const before = text.slice(Math.max(0, dot - 12), dot);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (!word) return false;
  // Initials ("J. K. Rowling") and single letters.
  if (/^\p{Lu}$/u.test(word)) return true;
  // Run-together initials before a name ("G.K. Butterfield", "U.S. President"), but "in the U.S. The next day".
  if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(word)) {
    const next = /^\s+([\p{L}]+)/u.exec(text.slice(dot + 1))?.[1] ?? '';
    return /^\p{Lu}/u.test(next) && !SENTENCE_OPENERS.has(next.toLowerCase());
  }
  return NEVER_FINAL.has(word.toLowerCase());
}

/** Words that begin sentences far more often than they begin names. */
const SENTENCE_OPENERS = new Set(
  `the a an he she it they we i you but and or so in on at for to by this that these those there here his her its their our
  my if when while as after before yet also however meanwhile still then now last next since with from what who why how`.split(/\s+/),
);
