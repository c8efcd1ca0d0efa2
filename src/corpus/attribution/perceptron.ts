// A greedy left-to-right tagger with an averaged perceptron (Collins 2002), written here because no maintained
// JavaScript package trains a structured tagger over our own hashed features; it is about a hundred lines.
import { advance, dynamicRows, DYNAMIC_FEATURES, startHistory, STATIC_FEATURES, type TaggerInput } from './features.ts';
import { LABEL_COUNT } from './labels.ts';
import { mulberry32 } from '../text/random.ts';

export interface TaggerWeights {
  /** The weight table has 2^bits rows of LABEL_COUNT weights. */
  bits: number;
  /**
   * As trained, or as stored: 16-bit integers on one positive scale, which leaves every argmax as it was and halves
   * the table that each token reads about forty scattered rows of.
   */
  weights: Float32Array | Int16Array;
}

/** I-X may only follow B-X or I-X: a span cannot continue what was never opened. */
function allowed(label: number, previous: number): boolean {
  if (label === 2 || label === 4 || label === 6) return previous === label || previous === label - 1;
  return true;
}

function best(scores: Float64Array, previous: number): number {
  let top = 0;
  let topScore = -Infinity;
  for (let t = 0; t < LABEL_COUNT; t++) {
    const v = scores[t] as number;
    if (v > topScore && allowed(t, previous)) {
      topScore = v;
      top = t;
    }
  }
  return top;
}

function score(weights: Float32Array | Int16Array, rows: Int32Array, from: number, count: number, scores: Float64Array): void {
  for (let k = 0; k < count; k++) {
    const base = (rows[from + k] as number) * LABEL_COUNT;
    for (let t = 0; t < LABEL_COUNT; t++) scores[t] = (scores[t] as number) + (weights[base + t] as number);
  }
}

/** The labels of one paragraph. */
export function tagParagraph(model: TaggerWeights, input: TaggerInput): Int32Array {
  const mask = (1 << model.bits) - 1;
  const labels = new Int32Array(input.length);
  const h = startHistory();
  const dyn = new Int32Array(DYNAMIC_FEATURES);
  const scores = new Float64Array(LABEL_COUNT);
  for (let i = 0; i < input.length; i++) {
    scores.fill(0);
    score(model.weights, input.rows, i * STATIC_FEATURES, STATIC_FEATURES, scores);
    dynamicRows(input, i, h, mask, dyn);
    score(model.weights, dyn, 0, DYNAMIC_FEATURES, scores);
    const label = best(scores, h.y1);
    labels[i] = label;
    advance(h, input, i, label);
  }
  return labels;
}

export interface TrainingSequence {
  input: TaggerInput;
  gold: Int32Array;
}

export interface TrainOptions {
  bits: number;
  epochs: number;
  seed: number;
  onEpoch?: (epoch: number, errors: number, tokens: number) => void;
}

/** Averaged perceptron training, each sequence decoded greedily with its own predicted history. */
export function trainTagger(data: TrainingSequence[], options: TrainOptions): TaggerWeights {
  const size = (1 << options.bits) * LABEL_COUNT;
  const mask = (1 << options.bits) - 1;
  const weights = new Float32Array(size);
  // Lazy averaging: each weight's running total is brought up to date only when it changes.
  const totals = new Float64Array(size);
  const stamps = new Int32Array(size);
  let step = 1;
  const update = (rows: Int32Array, from: number, count: number, label: number, delta: number) => {
    for (let k = 0; k < count; k++) {
      const idx = (rows[from + k] as number) * LABEL_COUNT + label;
      totals[idx] = (totals[idx] as number) + (step - (stamps[idx] as number)) * (weights[idx] as number);
      stamps[idx] = step;
      weights[idx] = (weights[idx] as number) + delta;
    }
  };
  // Seeded shuffles: the same data and seed train the same model.
  const random = mulberry32(options.seed);
  const order = data.map((_, i) => i);
  const dyn = new Int32Array(DYNAMIC_FEATURES);
  const scores = new Float64Array(LABEL_COUNT);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let errors = 0;
    let tokens = 0;
    for (const index of order) {
      const { input, gold } = data[index] as TrainingSequence;
      const h = startHistory();
      for (let i = 0; i < input.length; i++) {
        scores.fill(0);
        score(weights, input.rows, i * STATIC_FEATURES, STATIC_FEATURES, scores);
        dynamicRows(input, i, h, mask, dyn);
        score(weights, dyn, 0, DYNAMIC_FEATURES, scores);
        const predicted = best(scores, h.y1);
        // After a wrong turn the gold "continue the span" is not on offer: "open one" is the right answer then.
        const golden = gold[i] as number;
        const truth = allowed(golden, h.y1) ? golden : golden - 1;
        if (predicted !== truth) {
          errors++;
          update(input.rows, i * STATIC_FEATURES, STATIC_FEATURES, truth, 1);
          update(input.rows, i * STATIC_FEATURES, STATIC_FEATURES, predicted, -1);
          update(dyn, 0, DYNAMIC_FEATURES, truth, 1);
          update(dyn, 0, DYNAMIC_FEATURES, predicted, -1);
        }
        step++;
        tokens++;
        advance(h, input, i, predicted);
      }
    }
    options.onEpoch?.(epoch + 1, errors, tokens);
  }
  const averaged = new Float32Array(size);
  for (let idx = 0; idx < size; idx++) {
    const total = (totals[idx] as number) + (step - (stamps[idx] as number)) * (weights[idx] as number);
    averaged[idx] = total / step;
  }
  return { bits: options.bits, weights: averaged };
}
