import { describe, expect, it } from 'vitest';
import { analyse, quoteList } from '../helpers.ts';

const indirect = (text: string) => quoteList(analyse(text), 'indirect');

describe('reported speech with the source after the verb', () => {
  it('reads "<clause>, said <name>."', () => {
    expect(indirect('Talks will resume on Friday after the holiday, said Anna Harbers.')).toEqual(['Anna Harbers: Talks will resume on Friday after the holiday']);
  });

  it('gives the clause to the source after the verb, not to a noun before the comma', () => {
    expect(indirect('Debates in themselves are not likely to alter the campaign, noted CNN’s Dana Bash.')).toEqual([
      'Dana Bash: Debates in themselves are not likely to alter the campaign',
    ]);
  });

  it('leaves an appositive, a time or "in a statement" after the source out of its name', () => {
    expect(indirect('Talks will resume on Friday after the holiday, said Anna Harbers, the union leader, on Tuesday.')).toEqual([
      'Anna Harbers: Talks will resume on Friday after the holiday',
    ]);
    expect(indirect('The embassy will reopen within a week, said the State Department in a statement.')).toEqual([
      'State Department: The embassy will reopen within a week',
    ]);
  });

  it('reads a description after the verb as its own speaker', () => {
    expect(indirect('The bridge will stay closed until spring, noted the mayor.')).toEqual(['the mayor: The bridge will stay closed until spring']);
  });

  it('does not take a pronoun, a place or a bare quantity for the source', () => {
    expect(indirect('The bridge will stay closed until spring, said he.')).toEqual([]);
    expect(indirect('The bridge will stay closed until spring, said one of the aides.')).toEqual([]);
    expect(indirect('The bridge will stay closed, said in a statement.')).toEqual([]);
  });

  it('leaves a clause of fewer than four words, or one with quotation marks, to the other readers', () => {
    expect(indirect('It is closed, said Anna Harbers.')).toEqual([]);
    expect(indirect('The "new" bridge will stay closed until spring, said Anna Harbers.')).toEqual([]);
  });
});
