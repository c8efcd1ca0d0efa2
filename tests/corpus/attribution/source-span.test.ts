import { describe, expect, it } from 'vitest';
import { completeSource } from '../../../src/corpus/attribution/source-span.ts';
import { tagText } from '../../../src/corpus/tag/tag-text.ts';

function completed(text: string, marked: string, taken: (t: string) => boolean = () => false): string {
  const tokens = tagText(text);
  const first = tokens.findIndex((t) => t.text === marked.split(' ')[0]);
  const span = { role: 'source' as const, first, last: first + marked.split(' ').length, start: 0, end: 0, sentence: 0, lastSentence: 0 };
  const { first: a, last: b } = completeSource(tokens, span, (i) => taken(tokens[i]?.text ?? ''));
  return text.slice(tokens[a]?.start, tokens[b - 1]?.end);
}

describe('completing a tagged source to its noun phrase', () => {
  it('finishes a name the tagger cut short', () => {
    expect(completed('said Rep. G.K. Butterfield of North Carolina.', 'Rep. G.K.')).toBe('Rep. G.K. Butterfield');
  });

  it('takes the modifiers and the article before a head noun', () => {
    expect(completed('Then the Indiana governor said it was over.', 'governor')).toBe('the Indiana governor');
  });

  it('trims words at the edges that cannot belong to a speaker', () => {
    expect(completed('It was late, as they bristled at the questions.', 'as they')).toBe('they');
  });

  it('does not take words the tagger gave to a cue or a content', () => {
    expect(completed('Officials in Ohio said so.', 'Officials', (t) => t === 'Ohio')).toBe('Officials');
  });
});
