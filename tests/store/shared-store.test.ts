// One suite, run against each store the bot can use: a SQLite file, a PostgreSQL server and a Redis server, each
// real and started by the tests. Settings, page-button state, the command-registration hash, digest claims (racing,
// stale takeover) and uploads (written by one process, read by another) behave the same on all three.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import type { DigestClaims } from '../../src/digest/claims.ts';
import { openClaims } from '../../src/digest/open-claims.ts';
import { decodePageState, encodePageState } from '../../src/discord/page-state.ts';
import { Library } from '../../src/library/library.ts';
import { LibrarySync } from '../../src/library/library-sync.ts';
import { LiveCorpus } from '../../src/library/live-corpus.ts';
import { uploadFilesFor } from '../../src/library/upload-files.ts';
import { SettingsStore } from '../../src/settings/settings-store.ts';
import { openSharedStore, type OpenedStore } from '../../src/store/open-store.ts';
import { startBackend, describeLive, type Backend, type BackendName } from '../support/backends.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { configure } from '../support/configure.ts';

const G = '400000000000000001';
const STALE = 60_000;

function suite(name: BackendName) {
  let backend: Backend;
  /** Two connections, as two bot processes on two machines would have. */
  let a: OpenedStore;
  let b: OpenedStore;
  let claimsA: DigestClaims;
  let claimsB: DigestClaims;

  beforeAll(async () => {
    backend = await startBackend(name);
    a = await openSharedStore(backend.url, 'lectern');
    b = await openSharedStore(backend.url, 'lectern');
    claimsA = await openClaims(a.link, { staleAfterMs: STALE });
    claimsB = await openClaims(b.link, { staleAfterMs: STALE });
  }, 60_000);
  afterAll(async () => {
    await claimsA?.close();
    await claimsB?.close();
    await a?.store.disconnect();
    await b?.store.disconnect();
    await backend?.destroy();
  });

  it('keeps settings written by one process for the other', async () => {
    await configure(new SettingsStore(a.store), G, { 'digest-time': '07:30', visibility: 'ephemeral' });
    const seen = await new SettingsStore(b.store).get(G);
    expect(seen.digest.time).toBe('07:30');
    expect(seen.replyVisibility).toBe('ephemeral');
    expect((await new SettingsStore(b.store).history(G)).map((h) => h.setting)).toEqual(expect.arrayContaining(['digest-time', 'visibility']));
  });

  it('keeps page-button state and the registration hash in the store', async () => {
    const options = { query: 'x'.repeat(120) };
    const id = await encodePageState({ command: 'search', page: 2, options }, a.store);
    expect(id).toMatch(/^pg:search:2:#/);
    expect(await decodePageState(id, b.store)).toEqual({ ok: true, state: { command: 'search', page: 2, options } });
    await a.store.set('commands:app:global', 'hash-1');
    expect(await b.store.get('commands:app:global')).toBe('hash-1');
  });

  it('lets exactly one of many racing processes claim a day', async () => {
    const day = '2026-06-10';
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? claimsA : claimsB).claim(G, day, `owner-${i}`, 1_000)));
    expect(results.filter((r) => r.won)).toHaveLength(1);
    const winner = `owner-${results.findIndex((r) => r.won)}`;
    for (const r of results) if (!r.won) expect(r.row.owner).toBe(winner);
    expect((await claimsB.get(G, day))?.status).toBe('claimed');
  });

  it('takes over a stale claim once, by compare-and-set, and never a fresh one', async () => {
    const day = '2026-06-11';
    expect((await claimsA.claim(G, day, 'dead', 10_000)).won).toBe(true);
    // Not stale yet: nobody takes it.
    expect((await claimsB.claim(G, day, 'other', 10_000 + STALE - 1)).won).toBe(false);
    // Stale: of many processes trying at the same moment, one takes it over.
    const later = 10_000 + STALE + 5;
    const tries = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? claimsA : claimsB).claim(G, day, `heir-${i}`, later)));
    const won = tries.filter((t) => t.won);
    expect(won).toHaveLength(1);
    expect(won[0]).toEqual({ won: true, recovered: true });
    const row = await claimsA.get(G, day);
    expect(row?.claimedAt).toBe(later);
    expect(row?.owner).toMatch(/^heir-/);
  });

  it('marks a claim posted or failed, releases an unused one, and forgets a failed day on request', async () => {
    await claimsA.claim(G, '2026-06-12', 'p1', 1);
    await claimsA.markPosted(G, '2026-06-12', '900000000000000001');
    expect(await claimsB.get(G, '2026-06-12')).toMatchObject({ status: 'posted', messageId: '900000000000000001', owner: 'p1', detail: null });
    // A posted day is not taken over however old.
    expect((await claimsB.claim(G, '2026-06-12', 'p2', 10 ** 12)).won).toBe(false);

    await claimsA.claim(G, '2026-06-13', 'p1', 1);
    await claimsB.release(G, '2026-06-13', 'someone-else');
    expect(await claimsA.get(G, '2026-06-13')).not.toBeNull();
    await claimsB.release(G, '2026-06-13', 'p1');
    expect(await claimsA.get(G, '2026-06-13')).toBeNull();

    await claimsA.claim(G, '2026-06-14', 'p1', 1);
    await claimsA.markFailed(G, '2026-06-14', '50013 Missing Permissions');
    expect(await claimsB.get(G, '2026-06-14')).toMatchObject({ status: 'failed', detail: '50013 Missing Permissions' });
    await claimsB.forgetFailed(G, '2026-06-14');
    expect(await claimsA.get(G, '2026-06-14')).toBeNull();
    expect((await claimsA.rows(G)).map((r) => r.day)).toEqual(['2026-06-10', '2026-06-11', '2026-06-12']);
  });

  it('shares uploads: added through one process, read and indexed by another, removed everywhere', async () => {
    const query = await bundledIndex();
    const mine = new Library(a.store, uploadFilesFor(a.link, a.store, `${backend.url.replace(/^sqlite:\/\//, '')}-uploads`));
    const theirs = new Library(b.store, uploadFilesFor(b.link, b.store, `${backend.url.replace(/^sqlite:\/\//, '')}-uploads`));
    const theirCorpus = new LiveCorpus(new CorpusQuery(query));
    const sync = new LibrarySync({ library: theirs, corpus: theirCorpus, warn: (m) => expect.fail(m) });
    expect(await sync.poll()).toEqual({ added: 0, removed: 0 });
    const text = 'Harbour notes\n\nThe harbour master, Ilse Varga, said: "The north quay reopens on Monday."';
    const added = await mine.add(G, 'mod', { name: 'harbour-notes.txt', bytes: new TextEncoder().encode(text) });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(await sync.poll()).toEqual({ added: 1, removed: 0 });
    expect(theirCorpus.uploadIds()).toEqual([added.record.id]);
    expect(theirCorpus.query.searchSentences('north quay', { documents: new Set([added.record.id]) }).map((h) => h.document.id)).toEqual([added.record.id]);
    // Nothing changed: the next poll reads one value and does nothing.
    expect(await sync.poll()).toEqual({ added: 0, removed: 0 });
    await mine.remove(G, added.record.id);
    expect(await sync.poll()).toEqual({ added: 0, removed: 1 });
    expect(theirCorpus.uploadIds()).toEqual([]);
  });

  it('keeps every server in the shared list when processes add uploads for different servers at the same moment', async () => {
    const dir = `${backend.url.replace(/^sqlite:\/\//, '')}-uploads-many`;
    const one = new Library(a.store, uploadFilesFor(a.link, a.store, dir));
    const two = new Library(b.store, uploadFilesFor(b.link, b.store, dir));
    const ids = Array.from({ length: 12 }, (_, i) => `41000000000000000${String(i).padStart(2, '0')}`);
    const bytes = new TextEncoder().encode('Notes\n\nThe ferry to Holm runs twice a day in winter.');
    const added = await Promise.all(ids.map((g, i) => (i % 2 ? one : two).add(g, 'mod', { name: 'notes.txt', bytes })));
    expect(added.every((r) => r.ok)).toBe(true);
    for (const g of ids) expect(await one.guilds()).toContain(g);
  });
}

describe('store: SQLite', () => suite('sqlite'));
describeLive('store: PostgreSQL', () => suite('postgres'));
describeLive('store: Redis', () => suite('redis'));

