// The trained tagger on disk: gzip of a small header (JSON) and the weights as 16-bit integers with one scale.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FEATURES } from './features.ts';
import { LABELS } from './labels.ts';
import type { TaggerWeights } from './perceptron.ts';

export interface AttributionModel extends TaggerWeights {
  /** What one unit of an integer weight is worth (1 for weights as trained). */
  scale: number;
  /** Words often used as cues in the training data: the look-ahead features find them. */
  cues: ReadonlySet<string>;
  /** Cue words that report speech (said, told, according, wrote…) rather than belief or intention (wants, believes). */
  speechCues: ReadonlySet<string>;
  /** What it was trained on, for the record. */
  trainedOn: string;
}

const MAGIC = 'LECTATR1';

interface Header {
  bits: number;
  labels: readonly string[];
  features: number;
  cues: string[];
  speechCues: string[];
  scale: number;
  sha256: string;
  trainedOn: string;
  /** The beam the tagger was trained with (absent: 1, greedy). */
  beam?: number;
}

export class ModelFileError extends Error {}

export function encodeModel(model: AttributionModel): Buffer {
  let q: Int16Array;
  let scale = model.scale;
  if (model.weights instanceof Int16Array) q = model.weights;
  else {
    let max = 0;
    for (const w of model.weights) max = Math.max(max, Math.abs(w));
    scale = max > 0 ? max / 32767 : 1;
    q = new Int16Array(model.weights.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.round((model.weights[i] as number) / scale);
  }
  const body = Buffer.from(q.buffer, q.byteOffset, q.byteLength);
  const header: Header = {
    bits: model.bits,
    labels: LABELS,
    features: FEATURES,
    cues: [...model.cues].sort(),
    speechCues: [...model.speechCues].sort(),
    scale,
    sha256: createHash('sha256').update(body).digest('hex'),
    trainedOn: model.trainedOn,
    ...(model.beam && model.beam > 1 ? { beam: model.beam } : {}),
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  // A fixed gzip level and no timestamp in the stream: the same weights always give the same bytes.
  return gzipSync(Buffer.concat([Buffer.from(MAGIC, 'ascii'), size, head, body]), { level: 9 });
}

/** Reads a model, refusing anything that is not exactly what this version of the engine wrote. */
export function decodeModel(bytes: Buffer): AttributionModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(bytes);
  } catch {
    throw new ModelFileError('it is not a gzip stream');
  }
  if (raw.subarray(0, 8).toString('ascii') !== MAGIC) throw new ModelFileError('it does not start as a Lectern attribution model');
  const headLength = raw.readUInt32LE(8);
  let header: Header;
  try {
    header = JSON.parse(raw.subarray(12, 12 + headLength).toString('utf8')) as Header;
  } catch {
    throw new ModelFileError('its header is not readable');
  }
  if (header.features !== FEATURES || header.labels.join() !== LABELS.join()) {
    throw new ModelFileError('it was trained for another version of the tagger features');
  }
  const body = raw.subarray(12 + headLength);
  const rows = LABELS.length * 2 ** header.bits;
  if (body.length !== rows * 2) throw new ModelFileError('its weights are truncated');
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) throw new ModelFileError('its weights do not match their checksum');
  const weights = new Int16Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.length));
  return { bits: header.bits, weights, scale: header.scale, cues: new Set(header.cues), speechCues: new Set(header.speechCues ?? []), trainedOn: header.trainedOn, ...(header.beam ? { beam: header.beam } : {}) };
}
