import { NOUN_LIKE_VERBS, SPEECH_PARTICIPLES, SPEECH_PHRASES, SPEECH_VERBS } from '../speakers/vocabulary.ts';
import { allMatches } from '../text/matches.ts';

export interface VerbMatch {
  index: number;
  end: number;
  verb: string;
}

const PATTERN = new RegExp(
  `\\b(${[...SPEECH_PHRASES.map((p) => p.replace(' ', '\\s+')), ...SPEECH_VERBS].join('|')})\\b`,
  'g',
);

const WITH_PARTICIPLES = new RegExp(`${PATTERN.source.slice(0, -3)}|${[...SPEECH_PARTICIPLES].join('|')})\\b`, 'g');

/**
 * Every speech verb or reporting phrase in `text` (lower-case forms only: "Says" opening a headline is rare), and
 * with `participles` the "-ing" forms too ("…, saying").
 */
export function speechVerbs(text: string, participles = false): VerbMatch[] {
  const out: VerbMatch[] = [];
  for (const m of allMatches(participles ? WITH_PARTICIPLES : PATTERN, text)) {
    const verb = m[1] ?? '';
    out.push({ index: m.index ?? 0, end: (m.index ?? 0) + m[0].length, verb: verb.replace(/\s+/g, ' ') });
  }
  return out;
}

export const isNounLike = (verb: string): boolean => NOUN_LIKE_VERBS.has(verb);

export const isParticiple = (verb: string): boolean => SPEECH_PARTICIPLES.has(verb);
