// Typographic normalisation, applied one source line at a time so line numbers never move.

export const REPLACEMENTS: ReadonlyArray<[RegExp, string]> = [
  [/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g, '"'],
  [/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'"],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' '],
  [/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, ''],
  [/\u2026/g, '...'],
  // Two apostrophes for a double mark, as typewriters and some news archives write it (''It's more tinkering,'').
  [/''/g, '"'],
  // Spaced-out ellipses (". . .") are the same elision mark.
  [/\.\s\.\s\./g, '...'],
];

/**
 * Printable ASCII other than the backtick: NFC and every replacement but the spaced ellipsis and the doubled
 * apostrophe leave such a line as it is, and most lines are like that.
 */
const PLAIN = /^[\x20-\x5f\x61-\x7e]*$/;
const SPACED_ELLIPSIS = REPLACEMENTS[REPLACEMENTS.length - 1] as [RegExp, string];
const DOUBLED_APOSTROPHE = REPLACEMENTS[REPLACEMENTS.length - 2] as [RegExp, string];

export function normaliseLine(line: string): string {
  let out: string;
  if (PLAIN.test(line)) out = line.replace(SPACED_ELLIPSIS[0], SPACED_ELLIPSIS[1]).replace(DOUBLED_APOSTROPHE[0], DOUBLED_APOSTROPHE[1]);
  else {
    out = line.normalize('NFC');
    for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  }
  return out.replace(/ {2,}/g, ' ').trimEnd();
}

/** Splits a file's text into normalised lines; index i holds source line i + 1. */
export function normaliseLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map(normaliseLine);
}
