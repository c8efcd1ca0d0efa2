import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import KeyvPostgres from '@keyv/postgres';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import { sqlitePath } from '../config/env.ts';

/** How long a write waits for another process's lock before failing, in milliseconds. */
const BUSY_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 5_000;

/** The URL as it may be shown: without a password. */
export function displayUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

/**
 * Every failure of the SQLite file names it: "SQLITE_CORRUPT: database disk image is malformed" alone does not
 * say which file to look at. The SQLite code (SQLITE_BUSY, SQLITE_READONLY, ...) stays on the error.
 */
function namingFile(adapter: KeyvSqlite, file: string): KeyvSqlite {
  const query = adapter.query.bind(adapter);
  adapter.query = async (...args: Parameters<typeof query>) => {
    try {
      return await query(...args);
    } catch (error) {
      const e = error as Error & { code?: string };
      throw Object.assign(new Error(`Database ${file}: ${e.message}`, { cause: error }), { code: e.code });
    }
  };
  return adapter;
}

function adapterFor(url: string): KeyvStoreAdapter {
  if (/^rediss?:\/\//.test(url)) return new KeyvRedis(url, { connectionTimeout: CONNECT_TIMEOUT_MS } as never) as unknown as KeyvStoreAdapter;
  if (/^postgres(ql)?:\/\//.test(url)) return new KeyvPostgres({ uri: url }) as unknown as KeyvStoreAdapter;
  const file = sqlitePath(url);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return namingFile(new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: BUSY_TIMEOUT_MS }), file) as unknown as KeyvStoreAdapter;
}

/**
 * The bot's key-value store under a namespace: SQLite by default (`sqlite://path`), or Redis or
 * PostgreSQL for bots that outgrow one process. The connection is tried at once, so a bad path, a
 * corrupt file or an unreachable server stops start-up with a message that names it.
 */
export async function openStore(databaseUrl: string, namespace: string): Promise<Keyv> {
  const sqlite = /^sqlite:/.test(databaseUrl);
  const shown = sqlite ? sqlitePath(databaseUrl) : displayUrl(databaseUrl);
  // A database file that has gone missing would be recreated empty, and every server would silently get default
  // settings. A marker beside it remembers that it existed, so start-up refuses instead.
  const marker = `${shown}.in-use`;
  if (sqlite && !existsSync(shown) && existsSync(marker)) {
    throw new Error(
      `Cannot open the database ${shown}: it is missing, but Lectern has kept settings there before (${marker} says so). Restore it from a backup, or delete ${marker} to start again with default settings.`,
    );
  }
  let failure: unknown = null;
  try {
    // Keyv's default turns a failed read into `undefined` (a server would silently get default settings) and a
    // failed write into `false` (a moderator's change silently lost): failures must reach the caller instead.
    const store = new Keyv({ store: adapterFor(databaseUrl), namespace, throwOnErrors: true });
    store.on('error', (e: unknown) => {
      failure = e;
    });
    await store.get('__open__');
    if (failure) throw failure;
    if (sqlite && !existsSync(marker)) {
      writeFileSync(marker, `Lectern keeps its settings in ${path.basename(shown)}. If that file goes missing, Lectern refuses to start rather than silently starting with default settings; delete this file to allow that.\n`);
    }
    return store;
  } catch (error) {
    const reason = (error as Error).message.replace(`Database ${shown}: `, '');
    throw new Error(`Cannot open the database ${shown}: ${reason}`, { cause: error });
  }
}
