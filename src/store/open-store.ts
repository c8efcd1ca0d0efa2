import { mkdirSync } from 'node:fs';
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

function adapterFor(url: string): KeyvStoreAdapter {
  if (/^rediss?:\/\//.test(url)) return new KeyvRedis(url, { connectionTimeout: CONNECT_TIMEOUT_MS } as never) as unknown as KeyvStoreAdapter;
  if (/^postgres(ql)?:\/\//.test(url)) return new KeyvPostgres({ uri: url }) as unknown as KeyvStoreAdapter;
  const file = sqlitePath(url);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: BUSY_TIMEOUT_MS }) as unknown as KeyvStoreAdapter;
}

/**
 * The bot's key-value store under a namespace: SQLite by default (`sqlite://path`), or Redis or
 * PostgreSQL for bots that outgrow one process. The connection is tried at once, so a bad path, a
 * corrupt file or an unreachable server stops start-up with a message that names it.
 */
export async function openStore(databaseUrl: string, namespace: string): Promise<Keyv> {
  const shown = /^sqlite:/.test(databaseUrl) ? sqlitePath(databaseUrl) : displayUrl(databaseUrl);
  let failure: unknown = null;
  try {
    const store = new Keyv({ store: adapterFor(databaseUrl), namespace });
    store.on('error', (e: unknown) => {
      failure = e;
    });
    await store.get('__open__');
    if (failure) throw failure;
    return store;
  } catch (error) {
    throw new Error(`Cannot open the database ${shown}: ${(error as Error).message}`, { cause: error });
  }
}
