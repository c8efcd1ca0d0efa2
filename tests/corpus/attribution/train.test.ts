// The training path on a few documents written for the test: no ../shared needed.
import { describe, expect, it } from 'vitest';
import { encodeModel } from '../../../src/corpus/attribution/model-file.ts';
import { learnedQuotes } from '../../../src/corpus/attribution/learned-attributions.ts';
import { decodeModel } from '../../../src/corpus/attribution/model-file.ts';
import { DEFAULT_TRAIN_SETTINGS, readForTagging, trainAttributionModel } from '../../../src/corpus/attribution/train.ts';
import { loadText } from '../../../src/corpus/load/load-text.ts';
import { annotated, TRAINING_ARTICLES } from './annotate.ts';

const docs = TRAINING_ARTICLES.map((markup, i) => ({ file: `article-${i}.txt`, ...annotated(markup) }));
const settings = { ...DEFAULT_TRAIN_SETTINGS, bits: 12, epochs: 10, cueMinCount: 1, speechMinCount: 1, trainedOn: 'fixtures' };

describe('training the attribution tagger', () => {
  it('learns the cue words and the speech words from the annotations', () => {
    const model = trainAttributionModel(docs, settings);
    expect(model.cues.has('said')).toBe(true);
    expect(model.speechCues.has('said')).toBe(true);
    expect(model.speechCues.has('the')).toBe(false);
  });

  it('is deterministic: the same documents and seed give the same file', () => {
    expect(encodeModel(trainAttributionModel(docs, settings)).equals(encodeModel(trainAttributionModel(docs, settings)))).toBe(true);
  });

  it('finds attributions in sentences it was not trained on', () => {
    const model = decodeModel(encodeModel(trainAttributionModel(docs, settings)));
    const doc = loadText('new.txt', 'new.txt', 'September 5, 2016\n\nKarin Holt said the ferry would run again on Sunday.\n\n"We need more buses now," Lars Eide said.');
    const quotes = readForTagging(doc).flatMap((tp) => learnedQuotes(model, tp));
    expect(quotes.map((q) => [q.source, q.text])).toEqual([
      ['Karin Holt', 'the ferry would run again on Sunday'],
      ['Lars Eide', 'We need more buses now'],
    ]);
  });
});
