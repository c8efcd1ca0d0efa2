import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/corpus/text/sentences.ts';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end).trim());

describe('splitSentences', () => {
  it('splits plain prose at full stops, question and exclamation marks', () => {
    expect(split('The vote failed. Nobody knew why? It was chaos! Then calm returned.')).toEqual([
      'The vote failed.',
      'Nobody knew why?',
      'It was chaos!',
      'Then calm returned.',
    ]);
  });

  it.each([
    ['U.S.', 'The U.S. Senate voted on Monday. The bill passed.', ['The U.S. Senate voted on Monday.', 'The bill passed.']],
    ['Mr', 'Mr Smith left early. Mrs. Jones stayed.', ['Mr Smith left early.', 'Mrs. Jones stayed.']],
    ['Dr.', 'Dr. Amina Okafor led the study. It took a year.', ['Dr. Amina Okafor led the study.', 'It took a year.']],
    ['initials', 'The novel by J. K. Rowling sold well. Critics were divided.', ['The novel by J. K. Rowling sold well.', 'Critics were divided.']],
    ['decimals', 'The deal is worth $1.5 billion. It closes in 2026.', ['The deal is worth $1.5 billion.', 'It closes in 2026.']],
    ['month abbreviation', 'The talks began on Sept. 3 in Geneva. They failed.', ['The talks began on Sept. 3 in Geneva.', 'They failed.']],
    ['e.g.', 'Some fruits, e.g. apples, keep well. Others rot.', ['Some fruits, e.g. apples, keep well.', 'Others rot.']],
    ['run-together initials', 'Rep. G.K. Butterfield spoke first. U.S. President Obama spoke next.', ['Rep. G.K. Butterfield spoke first.', 'U.S. President Obama spoke next.']],
    ['initials that end a sentence', 'He moved to the U.S. The next year he left.', ['He moved to the U.S.', 'The next year he left.']],
  ])('keeps the abbreviation %s inside its sentence', (_name, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('treats an ellipsis before a lower-case word as a pause, before a capital as an end', () => {
    expect(split('He hesitated... and then agreed. Later... Nobody asked again.')).toEqual([
      'He hesitated... and then agreed.',
      'Later...',
      'Nobody asked again.',
    ]);
  });

  it('keeps an editorial elision "[...]" inside the sentence', () => {
    expect(split('The ministry said [...] the strikes were conducted in July. Nobody confirmed it.')).toEqual([
      'The ministry said [...] the strikes were conducted in July.',
      'Nobody confirmed it.',
    ]);
  });

  it('keeps a quotation of several sentences in one sentence with its attribution', () => {
    const text = '"We will not retreat. We will not surrender," the general said. Reporters left.';
    expect(split(text)).toEqual(['"We will not retreat. We will not surrender," the general said.', 'Reporters left.']);
  });

  it('ends a sentence after a closing quote or bracket', () => {
    expect(split('She called it "a disgrace." The room fell silent. (Nobody disagreed.) Then the vote came.')).toEqual([
      'She called it "a disgrace."',
      'The room fell silent.',
      '(Nobody disagreed.)',
      'Then the vote came.',
    ]);
  });

  it('does not let an unclosed quote (a quote running into the next paragraph) hide boundaries', () => {
    expect(split('"We start tomorrow. The plan is ready. Everyone knows their role.')).toHaveLength(3);
  });

  it('gives spans that cover the text in order without overlap', () => {
    const text = 'One. Two? "Three!" Four...';
    const spans = splitSentences(text);
    for (let i = 1; i < spans.length; i++) expect(spans[i]?.start).toBeGreaterThanOrEqual(spans[i - 1]?.end ?? 0);
    expect(spans[spans.length - 1]?.end).toBe(text.length);
  });

  it('does not split inside numbers, versions or web addresses', () => {
    expect(split('Version 2.4.1 shipped via example.com today. It fixed 3.5% of bugs.')).toEqual([
      'Version 2.4.1 shipped via example.com today.',
      'It fixed 3.5% of bugs.',
    ]);
  });
});
