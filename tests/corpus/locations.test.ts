import { describe, expect, it } from 'vitest';
import { locationAt, locationOfRange } from '../../src/corpus/locations.ts';

const pages = [
  { line: 1, location: 'p. 1' },
  { line: 9, location: 'p. 2' },
  { line: 20, location: 'p. iii' },
];

describe('locations', () => {
  it('finds the page or chapter a line falls in', () => {
    expect([1, 8, 9, 19, 20, 500].map((l) => locationAt(pages, l))).toEqual(['p. 1', 'p. 1', 'p. 2', 'p. 2', 'p. iii', 'p. iii']);
    expect(locationAt(undefined, 3)).toBeUndefined();
    expect(locationAt([], 3)).toBeUndefined();
  });

  it('names a range of pages, and otherwise where a range starts', () => {
    expect(locationOfRange(pages, 2, 8)).toBe('p. 1');
    expect(locationOfRange(pages, 2, 25)).toBe('pp. 1–iii');
    const chapters = [
      { line: 1, location: 'ch. 1, The Town' },
      { line: 5, location: 'ch. 2, The Flood' },
    ];
    expect(locationOfRange(chapters, 3, 7)).toBe('ch. 1, The Town');
  });
});
