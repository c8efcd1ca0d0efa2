import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import type { Options } from '../commands/command.ts';
import { LIMITS } from './limits.ts';

/**
 * Page buttons carry their whole state in the custom id ("pg:quote:2:speaker=Stubb"), so they keep
 * working after a restart. Options too long for the 100-character id are kept in the store under a key.
 */
const PREFIX = 'pg';
const STATE_TTL_MS = 30 * 24 * 3600 * 1000;

export interface PageState {
  command: string;
  page: number;
  options: Options;
}

export async function encodePageState(state: PageState, store: Keyv): Promise<string> {
  const params = new URLSearchParams(Object.entries(state.options).filter((e): e is [string, string] => !!e[1])).toString();
  const direct = `${PREFIX}:${state.command}:${state.page}:${params}`;
  if (direct.length <= LIMITS.customId) return direct;
  const key = createHash('sha256').update(`${state.command}|${params}`).digest('base64url').slice(0, 16);
  await store.set(`page:${key}`, params, STATE_TTL_MS);
  return `${PREFIX}:${state.command}:${state.page}:#${key}`;
}

export type Decoded = { ok: true; state: PageState } | { ok: false; reason: 'foreign' | 'expired' };

export async function decodePageState(customId: string, store: Keyv): Promise<Decoded> {
  const m = /^pg:([a-z-]+):(\d{1,4}):(.*)$/.exec(customId);
  if (!m) return { ok: false, reason: 'foreign' };
  let params = m[3] ?? '';
  if (params.startsWith('#')) {
    const stored = (await store.get(`page:${params.slice(1)}`)) as string | undefined;
    if (stored === undefined) return { ok: false, reason: 'expired' };
    params = stored;
  }
  return { ok: true, state: { command: m[1] ?? '', page: Number(m[2]), options: Object.fromEntries(new URLSearchParams(params)) } };
}
