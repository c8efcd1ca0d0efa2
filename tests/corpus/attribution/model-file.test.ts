import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, type AttributionModel } from '../../../src/corpus/attribution/model-file.ts';
import { readModel } from '../../../src/corpus/attribution/model.ts';

const BITS = 6;
function tiny(): AttributionModel {
  const weights = new Float32Array(7 * 2 ** BITS).map((_, i) => Math.sin(i) * 3);
  return { bits: BITS, weights, scale: 1, cues: new Set(['said', 'told']), speechCues: new Set(['said']), trainedOn: 'test' };
}

describe('the model file', () => {
  it('reads back what it wrote, as 16-bit weights that keep every weight within one step of its scale', () => {
    const model = tiny();
    const back = decodeModel(encodeModel(model));
    expect(back.bits).toBe(BITS);
    expect([...back.cues].sort()).toEqual(['said', 'told']);
    expect([...back.speechCues]).toEqual(['said']);
    for (let i = 0; i < model.weights.length; i++) expect(Math.abs((back.weights[i] ?? 0) * back.scale - (model.weights[i] ?? 0))).toBeLessThanOrEqual(back.scale);
    // Written again from what was read, the bytes are the same: `npm run train` reproduces a committed model exactly.
    expect(encodeModel(back).equals(encodeModel(model))).toBe(true);
  });

  it('keeps the beam a model was trained with, and reads a model written without one as greedy', () => {
    expect(decodeModel(encodeModel({ ...tiny(), beam: 8 })).beam).toBe(8);
    expect(decodeModel(encodeModel(tiny())).beam).toBeUndefined();
  });

  it('refuses a file that is not a model, a truncated one and one whose weights were changed', () => {
    expect(() => decodeModel(Buffer.from('hello'))).toThrow('not a gzip stream');
    expect(() => decodeModel(gzipSync(Buffer.from('PK\u0003\u0004 not a model')))).toThrow('does not start as a Lectern attribution model');
    const raw = gunzipSync(encodeModel(tiny()));
    expect(() => decodeModel(gzipSync(raw.subarray(0, raw.length - 10)))).toThrow('truncated');
    const changed = Buffer.from(raw);
    changed.writeUInt8((changed.at(-1) ?? 0) ^ 0xff, changed.length - 1);
    expect(() => decodeModel(gzipSync(changed))).toThrow('do not match their checksum');
  });

  it('names the file and how to rebuild it when the model is missing or corrupt', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lectern-model-'));
    const missing = path.join(dir, 'none.model');
    expect(() => readModel(missing)).toThrow(/none\.model cannot be read \(ENOENT\).*npm run train/);
    const corrupt = path.join(dir, 'corrupt.model');
    writeFileSync(corrupt, 'garbage');
    expect(() => readModel(corrupt)).toThrow(/corrupt\.model is unusable: it is not a gzip stream\. Rebuild it with `npm run train`/);
  });
});
