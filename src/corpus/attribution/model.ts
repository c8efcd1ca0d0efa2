// The committed attribution model: found beside this file, read once per process, refused loudly when unusable.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeModel, ModelFileError, type AttributionModel } from './model-file.ts';

export const DEFAULT_MODEL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'attribution.model');

export class ModelUnavailableError extends Error {}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ModelUnavailableError(`The attribution model ${file} cannot be read (${code}). Restore it with \`git checkout -- ${path.relative(process.cwd(), file)}\`, or rebuild it with \`npm run train\`.`);
  }
}

function decodeOrExplain(file: string, bytes: Buffer): AttributionModel {
  try {
    return decodeModel(bytes);
  } catch (error) {
    const reason = error instanceof ModelFileError ? error.message : String(error);
    throw new ModelUnavailableError(`The attribution model ${file} is unusable: ${reason}. Rebuild it with \`npm run train\` (or restore the committed file).`);
  }
}

export const readModel = (file: string): AttributionModel => decodeOrExplain(file, readBytes(file));

let loaded: { model: AttributionModel; fingerprint: string } | null = null;

/** The model file in use: the committed one, or another named by LECTERN_ATTRIBUTION_MODEL (training, tests). */
export const modelFile = (): string => process.env.LECTERN_ATTRIBUTION_MODEL || DEFAULT_MODEL_FILE;

function load(): { model: AttributionModel; fingerprint: string } {
  if (!loaded) {
    const file = modelFile();
    const bytes = readBytes(file);
    loaded = { model: decodeOrExplain(file, bytes), fingerprint: createHash('sha256').update(bytes).digest('hex').slice(0, 16) };
  }
  return loaded;
}

/** The model every analysis uses, read once: start-up asks for it first, so a bad file stops it with its message. */
export const attributionModel = (): AttributionModel => load().model;

/** A hash of the model's bytes: an index built with other weights is another engine's index. */
export const modelFingerprint = (): string => load().fingerprint;
