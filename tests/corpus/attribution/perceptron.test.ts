import { describe, expect, it } from 'vitest';
import { paragraphFeatures } from '../../../src/corpus/attribution/features.ts';
import { tagParagraph, trainTagger, type TrainingSequence } from '../../../src/corpus/attribution/perceptron.ts';
import { tagText } from '../../../src/corpus/tag/tag-text.ts';
import { splitSentences } from '../../../src/corpus/text/sentences.ts';

const BITS = 12;
const mask = (1 << BITS) - 1;
const cues = new Set(['said']);

/** Sequences whose gold is: names before "said" are sources, "said" is the cue, the rest of the sentence content. */
function sequence(text: string): TrainingSequence {
  const tokens = tagText(text);
  const said = tokens.findIndex((t) => t.lower === 'said');
  const gold = new Int32Array(tokens.map((t, i) => (i < said ? (i === 0 ? 1 : 2) : i === said ? 3 : t.text === '.' ? 0 : i === said + 1 ? 5 : 6)));
  return { input: paragraphFeatures(text, tokens, splitSentences(text), cues, false, mask), gold };
}

const TRAIN = ['Anna Berg said the road was closed.', 'Tom Lind said prices would rise.', 'Ola Nord said the talks had failed.', 'Eva Holm said the ferry was late.'];

describe('averaged perceptron tagger', () => {
  it('learns a labelling from examples and applies it to a sentence it has not seen', () => {
    const model = trainTagger(TRAIN.map(sequence), { bits: BITS, epochs: 10, seed: 7 });
    const test = sequence('Kari Dahl said the bridge was safe.');
    expect([...tagParagraph(model, test.input)]).toEqual([...test.gold]);
  });

  it('trains the same weights from the same data and seed', () => {
    const a = trainTagger(TRAIN.map(sequence), { bits: BITS, epochs: 5, seed: 3 });
    const b = trainTagger(TRAIN.map(sequence), { bits: BITS, epochs: 5, seed: 3 });
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
  });

  it('never continues a span that was not opened', () => {
    const model = trainTagger(TRAIN.map(sequence), { bits: BITS, epochs: 3, seed: 1 });
    const labels = tagParagraph(model, sequence('Bo said that it rained and that it snowed and that the roads froze.').input);
    for (let i = 0; i < labels.length; i++) {
      const l = labels[i] ?? 0;
      if (l === 2 || l === 4 || l === 6) expect([l, l - 1]).toContain(labels[i - 1]);
    }
  });
});
