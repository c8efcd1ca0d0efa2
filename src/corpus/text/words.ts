// Words for similarity and keywords: lower-cased, without stop words, lightly stemmed.

import { memoised } from './memo.ts';
import { wordRuns } from './word-scan.ts';

export const STOP_WORDS = new Set(
  `a about above after again against all also although am an and any are aren't as at be because been before being below
  between both but by can cannot could couldn't did didn't do does doesn't doing don't down during each even ever every few
  for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his
  how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just let's like made make many may me might
  more most much must mustn't my myself no nor not now of off on once one only or other ought our ours ourselves out over
  own per quite rather said same says see seen shan't she she'd she'll she's should shouldn't since so some still such
  than that that's the their theirs them themselves then there there's these they they'd they'll they're they've this
  those though through thus to too two under until up upon us very was wasn't we we'd we'll we're we've were weren't what
  what's when when's where where's whether which while who who's whom why why's will with within without won't would
  wouldn't yet you you'd you'll you're you've your yours yourself yourselves mr mrs ms dr also already almost another
  around away back become became been come could day days do done first get got going gone good great know last least
  less long lot new next none nothing often put really several since take thing things think time told too took towards
  upon use used using want way well went whose will year years`.split(/\s+/),
);

/** Runs of letters, marks and digits, with inner apostrophes and hyphens: `/[\p{L}\p{M}\d][\p{L}\p{M}\d'’-]* /gu`. */
export function words(text: string): string[] {
  return wordRuns(text);
}

/** A light stemmer: enough to join "missile"/"missiles" and "Finland's"/"Finland" for similarity. */
export const stem: (word: string) => string = memoised((word) => {
  let w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('es') && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  return w;
});

/** Only ASCII digits, as `/^\d+$/` (no `u` flag) has it, without a regex per word. */
export function isDigits(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A word as a content term: lower-cased and stemmed, or null for stop words, short words and numbers. */
export const termOf = memoised((word: string): string | null => {
  const w = word.toLowerCase();
  return w.length > 2 && !STOP_WORDS.has(w) && !isDigits(w) ? stem(w) : null;
});

/** Content words of a text, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const t = termOf(word);
    if (t !== null) out.push(t);
  }
  return out;
}
