import { describe, expect, it } from 'vitest';
import { paragraphFeatures } from '../../../src/corpus/attribution/features.ts';
import { beamTagParagraph, tagParagraph, trainTagger, type TrainingSequence } from '../../../src/corpus/attribution/perceptron.ts';
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

  it('decodes with a beam of one exactly as the greedy tagger does', () => {
    const model = trainTagger(TRAIN.map(sequence), { bits: BITS, epochs: 2, seed: 5 });
    for (const text of ['Kari Dahl said the bridge was safe.', 'Bo said that it rained and that it snowed.']) {
      const { input } = sequence(text);
      expect([...beamTagParagraph(model, input, 1)]).toEqual([...tagParagraph(model, input)]);
    }
  });

  it('trains with a beam (LaSO) to the labelling of the examples, remembers its width, and is as deterministic', () => {
    const model = trainTagger(TRAIN.map(sequence), { bits: BITS, epochs: 10, seed: 7, beam: 4 });
    expect(model.beam).toBe(4);
    const test = sequence('Kari Dahl said the bridge was safe.');
    expect([...beamTagParagraph(model, test.input, 4)]).toEqual([...test.gold]);
    const again = trainTagger(TRAIN.map(sequence), { bits: BITS, epochs: 10, seed: 7, beam: 4 });
    expect(Buffer.from(again.weights.buffer).equals(Buffer.from(model.weights.buffer))).toBe(true);
    // Beam training moves the weights differently from greedy training on the same data.
    const greedy = trainTagger(TRAIN.map(sequence), { bits: BITS, epochs: 10, seed: 7 });
    expect(Buffer.from(greedy.weights.buffer).equals(Buffer.from(model.weights.buffer))).toBe(false);
  });

  it('keeps the best-scoring sequence, which the greedy tagger can miss: a first label that looks worse but leads to more', () => {
    // Hand-set weights over one feature row per token (every other row weighs nothing): at token 0, O scores 1 and
    // B-SRC 0.9; at token 1, I-SRC scores 5 (only reachable after B-SRC) and O 0. Greedy takes O then O (1 + 0); the
    // beam keeps B-SRC and takes B-SRC, I-SRC (0.9 + 5). The rows the labels chosen so far hash to are far from rows 1
    // and 2 in a table this size.
    const bits = 16;
    const weights = new Float32Array((1 << bits) * 7);
    const row = (r: number, label: number, w: number) => (weights[r * 7 + label] = w);
    row(1, 0, 1);
    row(1, 1, 0.9);
    row(2, 2, 5);
    const { input } = sequence('Ana said.');
    const rows = new Int32Array(input.rows.length).fill(0);
    const perToken = input.rows.length / input.length;
    rows[0] = 1;
    rows[perToken] = 2;
    const two = { ...input, length: 2, rows: rows.subarray(0, perToken * 2) };
    expect([...tagParagraph({ bits, weights }, two)]).toEqual([0, 0]);
    expect([...beamTagParagraph({ bits, weights }, two, 2)]).toEqual([1, 2]);
  });

  it('never continues a span that was not opened, with a beam either', () => {
    const model = trainTagger(TRAIN.map(sequence), { bits: BITS, epochs: 3, seed: 1, beam: 3 });
    const labels = beamTagParagraph(model, sequence('Bo said that it rained and that it snowed and that the roads froze.').input, 3);
    for (let i = 0; i < labels.length; i++) {
      const l = labels[i] ?? 0;
      if (l === 2 || l === 4 || l === 6) expect([l, l - 1]).toContain(labels[i - 1]);
    }
  });
});
