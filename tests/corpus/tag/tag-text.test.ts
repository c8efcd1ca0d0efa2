import { describe, expect, it } from 'vitest';
import { tagText } from '../../../src/corpus/tag/tag-text.ts';

describe('tagText', () => {
  it('gives each token its tag and its offsets in the text', () => {
    const text = 'Ortiz said on Friday "We will not wait."';
    const tokens = tagText(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => `${t.lower}/${t.pos}`)).toEqual([
      'ortiz/PROPN', 'said/VERB', 'on/ADP', 'friday/PROPN', '"/PUNCT', 'we/PRON', 'will/AUX', 'not/PART', 'wait/VERB', './PUNCT', '"/PUNCT',
    ]);
  });

  it('splits a possessive the same way before and after the tagger has seen the word', () => {
    const text = "Commerzbank's chief economist said the bank's view was clear.";
    const first = tagText(text).map((t) => t.text);
    tagText("Commerzbank's Commerzbank's bank's");
    expect(tagText(text).map((t) => t.text)).toEqual(first);
    expect(first.slice(0, 2)).toEqual(['Commerzbank', "'s"]);
  });
});
