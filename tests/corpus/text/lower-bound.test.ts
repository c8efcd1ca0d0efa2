import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound } from '../../../src/corpus/text/lower-bound.ts';

describe('lowerBound', () => {
  it('finds the first position not below the key, as a scan from the start would', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 })), fc.string({ maxLength: 3 }), (words, key) => {
        const sorted = [...words].sort();
        const scanned = sorted.findIndex((w) => !(w < key));
        expect(lowerBound(sorted.length, (i) => (sorted[i] as string) < key)).toBe(scanned < 0 ? sorted.length : scanned);
      }),
      { numRuns: 500 },
    );
  });

  it('is 0 for an empty list and the length when every entry is below', () => {
    expect(lowerBound(0, () => true)).toBe(0);
    expect(lowerBound(5, () => true)).toBe(5);
    expect(lowerBound(5, () => false)).toBe(0);
  });
});
