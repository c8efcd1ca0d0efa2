// Page buttons carry the page and the options in their custom id, or a key to them in the store when they do not
// fit in Discord's 100 characters; the state comes back whole, or says why it cannot.
import Keyv from 'keyv';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodePageState, encodePageState, type PageState } from '../../src/discord/page-state.ts';

const DAY_MS = 24 * 3600 * 1000;

// A real Keyv over a Map we can look into: how many states were kept, if any.
let kept: Map<string, unknown>;
let store: Keyv;
beforeEach(() => {
  kept = new Map();
  store = new Keyv({ store: kept });
});

afterEach(() => {
  vi.useRealTimers();
});

const roundTrip = async (state: PageState) => decodePageState(await encodePageState(state, store), store);

describe('page state in the custom id', () => {
  it('writes short state into the id itself and keeps nothing in the store', async () => {
    const id = await encodePageState({ command: 'quote', page: 2, options: { speaker: 'Stubb', kind: 'direct' } }, store);
    expect(id).toBe('pg:quote:2:speaker=Stubb&kind=direct');
    expect(kept.size).toBe(0);
    expect(await decodePageState(id, store)).toEqual({ ok: true, state: { command: 'quote', page: 2, options: { speaker: 'Stubb', kind: 'direct' } } });
  });

  it('leaves out options that were not given or left empty', async () => {
    const id = await encodePageState({ command: 'search', page: 0, options: { query: 'harbour', document: undefined, contains: '' } }, store);
    expect(id).toBe('pg:search:0:query=harbour');
    expect(await decodePageState(id, store)).toEqual({ ok: true, state: { command: 'search', page: 0, options: { query: 'harbour' } } });
  });

  it('carries values with separators, spaces and accents through unchanged', async () => {
    const options = { speaker: 'Anna & Bob = 1:2', contains: 'ä ö / "quoted" #hash%', __subcommand: 'question' };
    const id = await encodePageState({ command: 'quiz', page: 7, options }, store);
    expect(id.startsWith('pg:quiz:7:')).toBe(true);
    expect(id.slice('pg:quiz:7:'.length)).not.toContain(':');
    expect(await decodePageState(id, store)).toEqual({ ok: true, state: { command: 'quiz', page: 7, options } });
  });

  it('reads a page with no options', async () => {
    expect(await roundTrip({ command: 'documents', page: 3, options: {} })).toEqual({ ok: true, state: { command: 'documents', page: 3, options: {} } });
  });
});

describe('page state too long for the id', () => {
  // "pg:search:0:query=" is 18 characters: 82 more make the 100 Discord allows.
  const query = (length: number) => ({ query: 'a'.repeat(length) });

  it('keeps an id of exactly 100 characters as it is, and stores one of 101', async () => {
    const fits = await encodePageState({ command: 'search', page: 0, options: query(82) }, store);
    expect(fits).toHaveLength(100);
    expect(fits).toBe(`pg:search:0:query=${'a'.repeat(82)}`);
    expect(kept.size).toBe(0);

    const over = await encodePageState({ command: 'search', page: 0, options: query(83) }, store);
    expect(over).toMatch(/^pg:search:0:#[\w-]{16}$/);
    expect(kept.size).toBe(1);
    expect(await decodePageState(over, store)).toEqual({ ok: true, state: { command: 'search', page: 0, options: query(83) } });
  });

  it('stores one entry per command and options, whatever the page', async () => {
    const options = { speaker: 'Alexander Stubb', contains: 'x'.repeat(120) };
    const page1 = await encodePageState({ command: 'quote', page: 1, options }, store);
    const page2 = await encodePageState({ command: 'quote', page: 2, options }, store);
    expect(page1.replace(':1:', ':2:')).toBe(page2);
    expect(kept.size).toBe(1);
    // The same options under another command are another entry.
    const other = await encodePageState({ command: 'search', page: 1, options }, store);
    expect(other.split('#')[1]).not.toBe(page1.split('#')[1]);
    expect(kept.size).toBe(2);
    expect(await decodePageState(page2, store)).toEqual({ ok: true, state: { command: 'quote', page: 2, options } });
  });

  it('is read for 30 days, then answers that it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T12:00:00Z'));
    const state = { command: 'quote', page: 1, options: { speaker: 'Alexander Stubb', contains: 'y'.repeat(120) } };
    const id = await encodePageState(state, store);
    vi.setSystemTime(Date.now() + 29 * DAY_MS);
    expect(await decodePageState(id, store)).toEqual({ ok: true, state });
    vi.setSystemTime(Date.now() + 2 * DAY_MS);
    expect(await decodePageState(id, store)).toEqual({ ok: false, reason: 'expired' });
  });

  it('answers expired for a key the store does not hold (another store, or cleared)', async () => {
    const id = await encodePageState({ command: 'quote', page: 1, options: { contains: 'z'.repeat(120) } }, store);
    expect(await decodePageState(id, new Keyv())).toEqual({ ok: false, reason: 'expired' });
    await store.clear();
    expect(await decodePageState(id, store)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('ids that are not page buttons', () => {
  it('are told apart as foreign', async () => {
    for (const id of ['noop:123', 'quiz:1:2', 'pg:Quote:1:speaker=x', 'pg:quote:12345:speaker=x', 'pg:quote:x:', 'pg:quote', 'pg:quote:1', '']) {
      expect(await decodePageState(id, store), id).toEqual({ ok: false, reason: 'foreign' });
    }
  });
});
