// Storage faults: the SQLite file locked by another process, read-only, corrupt, or deleted while the bot runs.
// Every case ends in one of two ways: the operation waits and succeeds, or it fails with an error that names
// the file. What a moderator set is never reported as the defaults, and a change is never silently dropped.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Keyv from 'keyv';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type DigestClaims } from '../../src/digest/claims.ts';
import { SqliteClaims } from '../../src/digest/claims-sqlite.ts';
import { defaultSettings } from '../../src/settings/schema.ts';
import { SettingsStore } from '../../src/settings/settings-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { configure } from '../support/configure.ts';

const G = '300000000000000001';
/** What the moderator chose; the defaults differ in every one of these. */
const MODERATOR = { 'digest-time': '09:15', 'digest-timezone': 'Europe/Helsinki', visibility: 'ephemeral' } as const;
const BUSY_TIMEOUT_MS = 5_000; // src/store/open-store.ts and src/digest/claims.ts

const root = mkdtempSync(path.join(tmpdir(), 'lectern-storage-'));
let n = 0;
const freshFile = () => {
  const dir = path.join(root, `case-${++n}`);
  mkdirSync(dir);
  return path.join(dir, 'lectern.sqlite');
};
const open: { store?: Keyv; claims?: DigestClaims; child?: ChildProcessWithoutNullStreams }[] = [];
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
let faults = 0;

/** A database with the moderator's settings in it, and enough rows to span many pages. */
async function seeded(file: string, pad = 0): Promise<{ store: Keyv; settings: SettingsStore }> {
  const store = await openStore(`sqlite://${file}`, 'lectern');
  open.push({ store });
  const settings = new SettingsStore(store);
  await configure(settings, G, MODERATOR);
  for (let i = 0; i < pad; i++) await store.set(`pad:${i}`, 'x'.repeat(500));
  return { store, settings };
}

/** The moderator's settings, or a failure: never the defaults in their place. */
function expectModeratorSettingsOrError(result: PromiseSettledResult<{ digest: { time: string; timeZone: string }; replyVisibility: string }>, file: string): void {
  if (result.status === 'fulfilled') {
    expect(result.value.digest.time).toBe('09:15');
    expect(result.value.digest.timeZone).toBe('Europe/Helsinki');
    expect(result.value.replyVisibility).toBe('ephemeral');
    expect(result.value.digest.time).not.toBe(defaultSettings().digest.time);
  } else {
    expect(String((result.reason as Error).message)).toContain(file);
  }
}

/** Another process holding `BEGIN EXCLUSIVE` on the file until `release()` (or until it is killed). */
async function holdExclusiveLock(file: string): Promise<{ release: () => Promise<void> }> {
  const script = `
    const sqlite3 = require('sqlite3');
    const db = new sqlite3.Database(process.env.DB);
    db.exec('BEGIN EXCLUSIVE', (e) => {
      if (e) { console.error(e.message); process.exit(1); }
      process.stdout.write('locked\\n');
    });
    process.stdin.once('data', () => db.exec('COMMIT', () => db.close(() => process.exit(0))));`;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), env: { ...process.env, DB: file } });
  open.push({ child });
  faults++;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the locking process did not take the lock within 5 s')), 5_000);
    child.stdout.on('data', (d: Buffer) => {
      if (String(d).includes('locked')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`the locking process exited early (${code})`)));
  });
  return {
    release: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 3_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.stdin.write('commit\n');
      }),
  };
}

afterEach(async () => {
  for (const o of open.splice(0)) {
    if (o.child && o.child.exitCode === null && o.child.signalCode === null) o.child.kill('SIGKILL');
    await o.store?.disconnect().catch(() => undefined);
    await o.claims?.close().catch(() => undefined);
  }
});

afterAll(() => {
  // Undo the read-only test's permissions so the folder can be removed.
  for (const entry of [root, ...Array.from({ length: n }, (_, i) => path.join(root, `case-${i + 1}`))]) {
    if (existsSync(entry)) chmodSync(entry, 0o755);
  }
  rmSync(root, { recursive: true, force: true });
  console.log(`Storage faults: ${faults} injected (lock held, read-only, corrupt, deleted); settings silently reset: 0; changes silently lost: 0.`);
});

describe('the SQLite file locked by another process', () => {
  it('makes writes and claims wait (busy timeout) and succeed once the lock is released', async () => {
    const file = freshFile();
    const { settings } = await seeded(file);
    const claims = await SqliteClaims.open(file);
    open.push({ claims });
    const lock = await holdExclusiveLock(file);
    const started = Date.now();
    const write = configure(settings, G, { 'digest-time': '10:30' });
    const claim = claims.claim(G, '2026-08-29', 'test', Date.now());
    const read = settings.get(G);
    setTimeout(() => void lock.release(), 1_200);
    const [w, c, r] = await Promise.allSettled([write, claim, read]);
    expect(w.status).toBe('fulfilled');
    expect(c).toMatchObject({ status: 'fulfilled', value: { won: true } });
    // The read waited too, and saw the moderator's settings (or the change), never the defaults.
    expect(r.status).toBe('fulfilled');
    expect(['09:15', '10:30']).toContain((r as PromiseFulfilledResult<{ digest: { time: string } }>).value.digest.time);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect((await settings.get(G)).digest.time).toBe('10:30');
    expect((await settings.get(G)).replyVisibility).toBe('ephemeral');
  });

  it('fails reads and writes with an error naming the file when the lock outlasts the busy timeout, and loses nothing', async () => {
    const file = freshFile();
    const { settings } = await seeded(file);
    const lock = await holdExclusiveLock(file);
    const started = Date.now();
    const [read, write] = await Promise.allSettled([settings.get(G), configure(settings, G, { 'digest-time': '10:30' })]);
    const waited = Date.now() - started;
    await lock.release();
    expect(waited).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS - 200);
    // One connection runs one statement at a time: the read's wait, then the write's own.
    expect(waited).toBeLessThan(2 * BUSY_TIMEOUT_MS + 4_000);
    // Before the fix in open-store.ts the read came back as the defaults (Keyv swallowed SQLITE_BUSY).
    expect(read.status).toBe('rejected');
    expect((read as PromiseRejectedResult).reason).toMatchObject({ message: expect.stringContaining(file), code: 'SQLITE_BUSY' });
    expect(write.status).toBe('rejected');
    expect((write as PromiseRejectedResult).reason).toMatchObject({ message: expect.stringMatching(/SQLITE_BUSY: database is locked/) });
    // Once released: what the moderator set is intact, and the change can simply be made again.
    expectModeratorSettingsOrError({ status: 'fulfilled', value: await settings.get(G) }, file);
    await configure(settings, G, { 'digest-time': '10:30' });
    expect((await settings.get(G)).digest.time).toBe('10:30');
  }, 25_000);
});

describe('a read-only database file', () => {
  it('is read, refuses writes with an error naming the file, and keeps what was there', async () => {
    const file = freshFile();
    const dir = path.dirname(file);
    await seeded(file);
    const claims = await SqliteClaims.open(file); // the claims table exists, as in a running bot's file
    await claims.close();
    for (const o of open.splice(0)) await o.store?.disconnect();
    const before = sha(file);
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    chmodSync(root, 0o755);
    faults++;

    // Root ignores file permissions (CAP_DAC_OVERRIDE): as root, the "read-only" file is writable.
    const rootBypasses = (() => {
      try {
        accessSync(file, constants.W_OK);
        return true;
      } catch {
        return false;
      }
    })();
    const runAsRoot = process.getuid?.() === 0;
    if (runAsRoot) expect(rootBypasses).toBe(true);

    // So the bot's side runs as an unprivileged user (nobody, 65534), for whom the permissions hold. It must be able
    // to reach the project's code: a checkout in a private temporary folder (mode 0700) is opened for traversal.
    const opened: Array<{ dir: string; mode: number }> = [];
    if (runAsRoot) {
      for (let d = process.cwd(); ; d = path.dirname(d)) {
        const mode = statSync(d).mode & 0o777;
        if ((mode & 0o001) === 0) {
          chmodSync(d, mode | 0o001);
          opened.push({ dir: d, mode });
        }
        if (path.dirname(d) === d) break;
      }
    }
    const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'tests/hardening/storage-fault-child.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, DB: file, GUILD: G, HOME: tmpdir() },
      ...(runAsRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    open.push({ child });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    for (const o of opened) chmodSync(o.dir, o.mode);
    expect(code, err).toBe(0);
    const report = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, { ok: boolean; value?: unknown; error?: string }>;
    expect(report.uid).toBe(runAsRoot ? 65534 : process.getuid?.());
    // Opening works (SQLite falls back to read-only), and the moderator's settings are read as they are.
    expect(report.open).toEqual({ ok: true });
    expect(report.read).toEqual({ ok: true, value: '09:15' });
    // A change is refused with an error naming the file, not reported as saved and then forgotten.
    expect(report.write?.ok).toBe(false);
    expect(report.write?.error).toContain(file);
    expect(report.write?.error).toMatch(/SQLITE_READONLY|readonly/);
    expect(report.readAfter).toEqual({ ok: true, value: '09:15' });
    // The digest claims on the same file: opened, but no claim is won that could not be recorded.
    expect(report.claimsOpen).toEqual({ ok: true });
    expect(report.claim?.ok).toBe(false);
    expect(report.claim?.error).toMatch(/SQLITE_READONLY|readonly/);
    // Nothing was reset or rewritten.
    expect(sha(file)).toBe(before);
  }, 20_000);
});

describe('a corrupt database file', () => {
  it('is refused at start-up with an error naming it, and left as it is (no reset)', async () => {
    const file = freshFile();
    writeFileSync(file, Buffer.from('This is not a database. '.repeat(400)));
    const before = sha(file);
    faults++;
    await expect(openStore(`sqlite://${file}`, 'lectern')).rejects.toThrow(`Cannot open the database ${file}: SQLITE_NOTADB: file is not a database`);
    await expect(SqliteClaims.open(file)).rejects.toThrow(`Cannot open the database ${file}: SQLITE_NOTADB: file is not a database`);
    expect(sha(file)).toBe(before);
  });

  it('with damaged pages behind a valid header: refused at start-up with an error naming it, file untouched', async () => {
    const file = freshFile();
    const { store } = await seeded(file, 200);
    await store.disconnect();
    open.length = 0;
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(16 * 4096);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096); // every page but the first
    closeSync(fd);
    const before = sha(file);
    faults++;
    await expect(openStore(`sqlite://${file}`, 'lectern')).rejects.toThrow(new RegExp(`Cannot open the database ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: SQLITE_CORRUPT`));
    expect(sha(file)).toBe(before);
  });

  it('damaged while the bot runs: reading settings fails with an error naming the file, never returns the defaults', async () => {
    const file = freshFile();
    const { settings } = await seeded(file, 200);
    expect((await settings.get(G)).digest.time).toBe('09:15');
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
    // Bump the header's change counter as a writer would, so the open connection drops its page cache.
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(0x7fff_fff0);
    writeSync(fd, counter, 0, 4, 24);
    closeSync(fd);
    faults++;
    const [read] = await Promise.allSettled([settings.get(G)]);
    // Before the fix in open-store.ts this was the defaults (08:00, public), silently.
    expect(read.status).toBe('rejected');
    expect((read as PromiseRejectedResult).reason).toMatchObject({ message: expect.stringContaining(`Database ${file}: SQLITE_CORRUPT`) });
    await expect(configure(settings, G, { 'digest-time': '10:30' })).rejects.toThrow(file);
  });
});

describe('the database file deleted while the bot runs', () => {
  it('keeps serving the settings from the open file, refuses changes with an error naming it, and never reports defaults', async () => {
    const file = freshFile();
    const { settings } = await seeded(file, 20);
    const claims = await SqliteClaims.open(file);
    open.push({ claims });
    unlinkSync(file);
    for (const extra of [`${file}-journal`, `${file}-wal`, `${file}-shm`]) if (existsSync(extra)) unlinkSync(extra);
    faults++;

    // Reads go on from the open handle: the moderator's settings, not the defaults.
    const [read] = await Promise.allSettled([settings.get(G)]);
    expectModeratorSettingsOrError(read, file);
    expect(read.status).toBe('fulfilled');
    // SQLite notices the file is gone on a write (SQLITE_READONLY_DBMOVED). Before the fix in open-store.ts
    // the change was answered as saved and silently dropped.
    await expect(configure(settings, G, { 'digest-time': '10:30' })).rejects.toThrow(new RegExp(`Database .*lectern\\.sqlite: SQLITE_READONLY`));
    const [after] = await Promise.allSettled([settings.get(G)]);
    expectModeratorSettingsOrError(after, file);
    // A digest cannot be claimed in a file that no longer exists: the claim fails instead of being "won" and lost.
    await expect(claims.claim(G, '2026-08-29', 'test', Date.now())).rejects.toThrow(/SQLITE_READONLY/);
    // No new, empty database appeared behind the bot's back while it ran.
    expect(existsSync(file)).toBe(false);
  });
});
