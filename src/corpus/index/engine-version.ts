import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelFingerprint } from '../attribution/model.ts';

const ENGINE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let cached: string | null = null;

/**
 * The engine's version is the hash of its own source: any change to a rule invalidates cached indexes,
 * without anyone having to remember to bump a number.
 */
export function engineVersion(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts')) hash.update(path.relative(ENGINE_DIR, full)).update(readFileSync(full));
    }
  };
  walk(ENGINE_DIR);
  hash.update(modelFingerprint());
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}
