// A left-to-right tagger, greedy or with a beam, trained as an averaged perceptron (Collins 2002), written here because
// no maintained JavaScript package trains a structured tagger over our own hashed features.
import { advance, dynamicRows, DYNAMIC_FEATURES, startHistory, STATIC_FEATURES, type History, type TaggerInput } from './features.ts';
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
  /** The beam it was trained with, and is to be decoded with (1 when absent). */
  beam?: number;
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

interface Hypothesis {
  h: History;
  score: number;
  /** Index of this step's entry in the back-pointer trail. */
  at: number;
  /** Every label so far is the gold's (training only). */
  onGold: boolean;
}

/** Back pointers: for each hypothesis ever kept, its label and the entry it came from. */
interface Trail {
  labelAt: number[];
  fromAt: number[];
}

/** Buffers one search reuses at every token. */
class BeamScratch {
  readonly base = new Float64Array(LABEL_COUNT);
  readonly scores = new Float64Array(LABEL_COUNT);
  readonly dyn = new Int32Array(DYNAMIC_FEATURES);
  readonly parent: Int32Array;
  readonly label: Int32Array;
  readonly total: Float64Array;
  readonly taken: Uint8Array;
  constructor(width: number) {
    const candidates = width * LABEL_COUNT;
    this.parent = new Int32Array(candidates);
    this.label = new Int32Array(candidates);
    this.total = new Float64Array(candidates);
    this.taken = new Uint8Array(candidates);
  }
}

/** The `width` best extensions of `beam` by token `i`'s labels, best first (ties: the earlier hypothesis and label). */
function extendBeam(weights: Float32Array | Int16Array, mask: number, input: TaggerInput, i: number, beam: Hypothesis[], width: number, trail: Trail, s: BeamScratch, gold = -1): Hypothesis[] {
  s.base.fill(0);
  score(weights, input.rows, i * STATIC_FEATURES, STATIC_FEATURES, s.base);
  let count = 0;
  for (let b = 0; b < beam.length; b++) {
    const hyp = beam[b] as Hypothesis;
    s.scores.set(s.base);
    dynamicRows(input, i, hyp.h, mask, s.dyn);
    score(weights, s.dyn, 0, DYNAMIC_FEATURES, s.scores);
    for (let t = 0; t < LABEL_COUNT; t++) {
      if (!allowed(t, hyp.h.y1)) continue;
      s.parent[count] = b;
      s.label[count] = t;
      s.total[count] = hyp.score + (s.scores[t] as number);
      count++;
    }
  }
  // At most width × 7 candidates: picking the best few one by one beats sorting them all.
  s.taken.fill(0, 0, count);
  const next: Hypothesis[] = [];
  for (let k = 0; k < width && k < count; k++) {
    let top = -1;
    for (let c = 0; c < count; c++) if (!s.taken[c] && (top < 0 || (s.total[c] as number) > (s.total[top] as number))) top = c;
    s.taken[top] = 1;
    const from = beam[s.parent[top] as number] as Hypothesis;
    const label = s.label[top] as number;
    const h = { ...from.h };
    advance(h, input, i, label);
    trail.labelAt.push(label);
    trail.fromAt.push(from.at);
    next.push({ h, score: s.total[top] as number, at: trail.labelAt.length - 1, onGold: from.onGold && label === gold });
  }
  return next;
}

/** The labels of the sequence that ends at trail entry `at`, the last `length` of them. */
function labelsBack(trail: Trail, at: number, length: number): number[] {
  const back: number[] = [];
  for (let k = at; k >= 0 && back.length < length; k = trail.fromAt[k] as number) back.push(trail.labelAt[k] as number);
  return back.reverse();
}

/**
 * The labels of one paragraph by beam search: the `width` best label sequences so far are kept at each token, so an
 * early choice (a source or a content opened) can be undone by what follows it. Width 1 is the greedy tagger.
 */
export function beamTagParagraph(model: TaggerWeights, input: TaggerInput, width: number): Int32Array {
  if (width <= 1) return tagParagraph(model, input);
  const mask = (1 << model.bits) - 1;
  const trail: Trail = { labelAt: [], fromAt: [] };
  const scratch = new BeamScratch(width);
  let beam: Hypothesis[] = [{ h: startHistory(), score: 0, at: -1, onGold: false }];
  for (let i = 0; i < input.length; i++) beam = extendBeam(model.weights, mask, input, i, beam, width, trail, scratch);
  return Int32Array.from(labelsBack(trail, beam[0]?.at ?? -1, input.length));
}

export interface TrainingSequence {
  input: TaggerInput;
  gold: Int32Array;
}

export interface TrainOptions {
  bits: number;
  epochs: number;
  seed: number;
  /** Hypotheses kept while decoding in training (1: greedy). */
  beam?: number;
  onEpoch?: (epoch: number, errors: number, tokens: number) => void;
}

/**
 * Averaged perceptron training. Width 1 decodes each sequence greedily with its own predicted history and corrects
 * each wrong label; a wider beam is trained as it decodes (LaSO, Daumé and Marcu 2005): when the gold sequence falls
 * out of the beam, the weights move from the best hypothesis towards the gold since the last such point, and the
 * search goes on from the gold.
 */
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
  const width = options.beam ?? 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let errors = 0;
    let tokens = 0;
    for (const index of order) {
      const { input, gold } = data[index] as TrainingSequence;
      if (width > 1) {
        errors += trainBeam(weights, mask, input, gold, width, update, () => step++);
        tokens += input.length;
        continue;
      }
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
  return { bits: options.bits, weights: averaged, ...(width > 1 ? { beam: width } : {}) };
}

type Update = (rows: Int32Array, from: number, count: number, label: number, delta: number) => void;

/** The gold labels made a valid sequence: a continuation after nothing opens the span instead. */
function validGold(gold: Int32Array): Int32Array {
  const out = new Int32Array(gold.length);
  let previous = startHistory().y1;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] as number;
    out[i] = allowed(g, previous) ? g : g - 1;
    previous = out[i] as number;
  }
  return out;
}

/** One sequence of beam training; returns how many of its labels were wrong when the weights were moved. */
function trainBeam(weights: Float32Array, mask: number, input: TaggerInput, goldIn: Int32Array, width: number, update: Update, tick: () => void): number {
  const gold = validGold(goldIn);
  const n = input.length;
  const dyn = new Int32Array(DYNAMIC_FEATURES);
  const trail: Trail = { labelAt: [], fromAt: [] };
  const scratch = new BeamScratch(width);
  let errors = 0;
  // The search restarts from the gold at `sync` with the gold's history there.
  let sync = 0;
  let syncHistory = startHistory();
  const goldHistory = startHistory();
  let beam: Hypothesis[] = [{ h: { ...syncHistory }, score: 0, at: -1, onGold: true }];
  /** Moves the weights from the predicted labels of `sync`…`i` (ending at trail entry `predictedAt`) to the gold's. */
  const moveTowardsGold = (i: number, predictedAt: number) => {
    const predicted = labelsBack(trail, predictedAt, i - sync + 1);
    const hp = { ...syncHistory };
    const hg = { ...syncHistory };
    for (let j = sync; j <= i; j++) {
      const p = predicted[j - sync] as number;
      const g = gold[j] as number;
      if (p !== g) {
        errors++;
        update(input.rows, j * STATIC_FEATURES, STATIC_FEATURES, g, 1);
        update(input.rows, j * STATIC_FEATURES, STATIC_FEATURES, p, -1);
      }
      dynamicRows(input, j, hg, mask, dyn);
      update(dyn, 0, DYNAMIC_FEATURES, g, 1);
      dynamicRows(input, j, hp, mask, dyn);
      update(dyn, 0, DYNAMIC_FEATURES, p, -1);
      advance(hg, input, j, g);
      advance(hp, input, j, p);
    }
  };
  for (let i = 0; i < n; i++) {
    const g = gold[i] as number;
    beam = extendBeam(weights, mask, input, i, beam, width, trail, scratch, g);
    advance(goldHistory, input, i, g);
    tick();
    if (!beam.some((b) => b.onGold)) {
      moveTowardsGold(i, beam[0]?.at ?? -1);
      sync = i + 1;
      syncHistory = { ...goldHistory };
      beam = [{ h: { ...goldHistory }, score: 0, at: -1, onGold: true }];
    }
  }
  // The gold survived to the end but did not win: one last correction.
  const top = beam[0];
  if (top && !top.onGold) moveTowardsGold(n - 1, top.at);
  return errors;
}
