// Training the attribution tagger from annotated documents: labels from the annotations, the cue lexicon from the
// labels, features as the engine will compute them, then the perceptron.
import { loadText } from '../load/load-text.ts';
import { TaggedDocument, type TaggedParagraph } from '../tag/tag-document.ts';
import { splitSentences } from '../text/sentences.ts';
import type { LoadedDocument } from '../types.ts';
import { paragraphFeatures } from './features.ts';
import { goldLabels, type GoldAttribution } from './gold-labels.ts';
import type { AttributionModel } from './model-file.ts';
import { trainTagger, type TrainingSequence } from './perceptron.ts';

export interface AnnotatedDocument {
  file: string;
  raw: string;
  attributions: GoldAttribution[];
}

export interface TrainSettings {
  bits: number;
  epochs: number;
  seed: number;
  /** Hypotheses kept while decoding (1: greedy); the model is decoded with the beam it was trained with. */
  beam?: number;
  /** A word joins the cue lexicon when it is a cue this often, and at least this share of the times it occurs. */
  cueMinCount: number;
  cueMinShare: number;
  /** A cue word is a speech word when it is one this often, and at least this share of its attributions are speech. */
  speechMinCount: number;
  speechMinShare: number;
  trainedOn: string;
  onEpoch?: (epoch: number, errors: number, tokens: number) => void;
}

export const DEFAULT_TRAIN_SETTINGS = { bits: 16, epochs: 8, seed: 1, beam: 4, cueMinCount: 3, cueMinShare: 0.1, speechMinCount: 5, speechMinShare: 0.7 } as const;

const PROSE = new Set(['text', 'blockquote']);
const SPEECH_HEAD_POS = new Set(['VERB', 'NOUN']);

/** A document as the engine reads it: the same loader, sentences and tagged paragraphs. */
export function readForTagging(doc: LoadedDocument): TaggedParagraph[] {
  const spans = doc.paragraphs.map((p) => (PROSE.has(p.kind) ? splitSentences(p.text) : []));
  return new TaggedDocument(doc, spans).all();
}

export function trainAttributionModel(docs: AnnotatedDocument[], settings: TrainSettings): AttributionModel {
  const mask = (1 << settings.bits) - 1;
  const prepared = docs.map((d) => {
    const doc = loadText(d.file, d.file, d.raw);
    const tagged = readForTagging(doc);
    return { tagged, gold: goldLabels(doc, d.raw, tagged, d.attributions), attributions: d.attributions };
  });
  const seen = new Map<string, number>();
  const asCue = new Map<string, number>();
  const speech = new Map<string, [number, number]>();
  for (const { tagged, gold, attributions } of prepared) {
    tagged.forEach((tp, k) => {
      tp.tokens.forEach((t, i) => {
        seen.set(t.lower, (seen.get(t.lower) ?? 0) + 1);
        const l = gold[k]?.labels[i] ?? 0;
        if (l !== 3 && l !== 4) return;
        asCue.set(t.lower, (asCue.get(t.lower) ?? 0) + 1);
        // Only words that can head a cue: names and days inside "Trump said on Tuesday" say nothing of speech.
        if (!SPEECH_HEAD_POS.has(t.pos)) return;
        const counts = speech.get(t.lower) ?? [0, 0];
        counts[attributions[gold[k]?.owners[i] ?? -1]?.speech ? 0 : 1]++;
        speech.set(t.lower, counts);
      });
    });
  }
  const cues = new Set([...asCue].filter(([w, n]) => n >= settings.cueMinCount && n / (seen.get(w) ?? n) >= settings.cueMinShare).map(([w]) => w));
  const speechCues = new Set(
    [...speech].filter(([, [yes, no]]) => yes >= settings.speechMinCount && yes / (yes + no) >= settings.speechMinShare).map(([w]) => w),
  );
  const data: TrainingSequence[] = [];
  for (const { tagged, gold } of prepared) {
    tagged.forEach((tp, k) => {
      if (tp.tokens.length === 0) return;
      data.push({ input: paragraphFeatures(tp.text, tp.tokens, tp.sentences, cues, tp.continuesQuote, mask), gold: gold[k]?.labels as Int32Array });
    });
  }
  const weights = trainTagger(data, { bits: settings.bits, epochs: settings.epochs, seed: settings.seed, ...(settings.beam && settings.beam > 1 ? { beam: settings.beam } : {}), ...(settings.onEpoch ? { onEpoch: settings.onEpoch } : {}) });
  return { ...weights, scale: 1, cues, speechCues, trainedOn: settings.trainedOn };
}
