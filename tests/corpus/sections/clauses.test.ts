import { describe, expect, it } from 'vitest';
import { clauseAround, findWords } from '../../../src/corpus/sections/clauses.ts';

describe('the clause around a phrase', () => {
  const text = 'Europe outpaced the United States in military aid, providing $95 billion (according to the Kiel Institute) - a record.';
  const clause = (phrase: string) => {
    const at = findWords(text, phrase);
    const c = clauseAround(text, at, at + phrase.length);
    return c && text.slice(c.start, c.end);
  };

  it('runs from the clause punctuation before the phrase to the one after it', () => {
    expect(clause('military aid')).toBe('Europe outpaced the United States in military aid');
    expect(clause('Kiel Institute')).toBe('according to the Kiel Institute');
    expect(clause('record')).toBe('a record.');
  });

  it('finds whole words only, and refuses a phrase across punctuation', () => {
    expect(findWords('He said the aid arrived.', 'aid')).toBe(12);
    expect(findWords('He said nothing.', 'aid')).toBe(-1);
    expect(clauseAround('Kyiv, Moscow and Minsk', 0, 12)).toBeNull();
  });
});
