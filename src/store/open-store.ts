import { mkdirSync } from 'node:fs';
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { sqlitePath } from '../config/env.ts';

/** How long a write waits for another process's lock before failing, in milliseconds. */
const BUSY_TIMEOUT_MS = 5_000;

/** The bot's key-value store (Keyv on SQLite), under a namespace. */
export async function openStore(databaseUrl: string, namespace: string): Promise<Keyv> {
  const file = sqlitePath(databaseUrl);
  let failure: unknown = null;
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: BUSY_TIMEOUT_MS });
    const store = new Keyv({ store: adapter, namespace });
    store.on('error', (e: unknown) => {
      failure = e;
    });
    // Touch the database now, so a bad path or a corrupt file stops start-up with its name.
    await store.get('__open__');
    if (failure) throw failure;
    return store;
  } catch (error) {
    throw new Error(`Cannot open the database ${file}: ${(error as Error).message}`, { cause: error });
  }
}
