import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelFile, modelFingerprint } from '../attribution/model.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ENGINE_DIR = path.resolve(HERE, '..');

/**
 * Beside the compiled code (dist/), the build writes the hash of the TypeScript it compiled (the compiled code has no
 * `.ts` to hash): a compiled start and a TypeScript one then agree on the version, and share a cache.
 */
export const SOURCE_HASH_FILE = 'engine-source.sha256';

/** The hash of every `.ts` file under the engine's folder, names included, in a fixed order. */
export function engineSourceHash(dir: string = ENGINE_DIR): string {
  const hash = createHash('sha256');
  const walk = (at: string) => {
    for (const e of readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(at, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts')) hash.update(path.relative(dir, full)).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

function sourceHash(): string {
  try {
    return readFileSync(path.join(HERE, SOURCE_HASH_FILE), 'utf8').trim();
  } catch {
    return engineSourceHash();
  }
}

/**
 * The model's fingerprint from its bytes alone: a start that finds its index in the cache never needs the weights,
 * so it does not decode them. Same value as `modelFingerprint()`, which also explains a file that cannot be read.
 */
function modelBytesFingerprint(): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(modelFile());
  } catch {
    return modelFingerprint();
  }
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

let cached: string | null = null;

/**
 * The engine's version is the hash of its own source and of the model's weights: any change to a rule or to the
 * model invalidates cached indexes, without anyone having to remember to bump a number.
 */
export function engineVersion(): string {
  cached ??= createHash('sha256').update(sourceHash()).update(modelBytesFingerprint()).digest('hex').slice(0, 16);
  return cached;
}
