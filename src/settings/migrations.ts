import { SETTINGS_VERSION } from './schema.ts';

type Raw = Record<string, unknown>;

/** Each step turns a stored record of version N into version N + 1. */
const digestOf = (old: Raw) => (old.digest && typeof old.digest === 'object' ? old.digest : {}) as Raw;

const STEPS: Record<number, (old: Raw) => Raw> = {
  // v2 added the digest's catch-up window and its pause switch.
  1: (old) => ({ ...old, version: 2, digest: { ...digestOf(old), catchUpHours: 6, paused: false } }),
  // v3 made the two switches (enabled, paused) one state: a digest that was on and paused stays paused.
  2: (old) => {
    const { enabled, paused, ...digest } = digestOf(old);
    const state = enabled !== true ? 'off' : paused === true ? 'paused' : 'on';
    return { ...old, version: 3, digest: { ...digest, state } };
  },
};

export type MigrationResult = { ok: true; value: Raw; migrated: boolean } | { ok: false; message: string };

/** Brings a stored record up to the current version; a record from a newer version is refused, never reset. */
export function migrate(stored: unknown): MigrationResult {
  if (!stored || typeof stored !== 'object') return { ok: false, message: 'the stored settings are not an object' };
  let value = stored as Raw;
  const start = typeof value.version === 'number' ? value.version : 1;
  if (start > SETTINGS_VERSION) return { ok: false, message: `the stored settings are version ${start}, newer than this bot understands (${SETTINGS_VERSION})` };
  for (let v = start; v < SETTINGS_VERSION; v++) {
    const step = STEPS[v];
    if (!step) return { ok: false, message: `no migration from settings version ${v}` };
    value = step({ ...value, version: v });
  }
  return { ok: true, value, migrated: start !== SETTINGS_VERSION };
}
