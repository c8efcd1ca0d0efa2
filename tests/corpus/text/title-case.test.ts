import { describe, expect, it } from 'vitest';
import { isQuotedTitle, isTitleCase, isTitleEndingSentence } from '../../../src/corpus/text/title-case.ts';

describe('title case', () => {
  it('tells a headline from a sentence', () => {
    expect(isTitleCase("Obama Sees 'Personal Insult' if Blacks Don't Rally")).toBe(true);
    expect(isTitleCase('Obama sees a personal insult in the vote')).toBe(false);
    expect(isTitleCase('Fox News Sunday')).toBe(false);
  });

  it('reads a few capitalised words in quotation marks as a title, and a sentence or a phrase as no title', () => {
    expect(isQuotedTitle('Fox News Sunday,')).toBe(true);
    expect(isQuotedTitle('Face the Nation')).toBe(true);
    expect(isQuotedTitle('A Change Is Gonna Come,')).toBe(true);
    expect(isQuotedTitle('We Won.')).toBe(false);
    expect(isQuotedTitle('a fantasy')).toBe(false);
    expect(isQuotedTitle('Absolutely,')).toBe(false);
    expect(isQuotedTitle('The Plan Is Dead And We Will Start Again From Nothing')).toBe(false);
  });

  it('reads a title that ends its sentence, period inside the marks, only where a programme or publication is named', () => {
    expect(isTitleEndingSentence('Fox and Friends.', "said on Fox News's ")).toBe(true);
    expect(isTitleEndingSentence('Meet the Press.', 'he said on ')).toBe(true);
    expect(isTitleEndingSentence('We Won.', 'the captain shouted ')).toBe(false);
    expect(isTitleEndingSentence('Fox and Friends', "said on Fox News's ")).toBe(false);
    expect(isTitleEndingSentence('we will not wait.', 'said on ')).toBe(false);
  });
});
