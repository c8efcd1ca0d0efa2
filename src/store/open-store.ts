import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createClient, type RedisClientType } from '@redis/client';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import pg from 'pg';
import { sqlitePath } from '../config/env.ts';
import { PostgresAdapter } from './postgres-adapter.ts';
import { storeKind, type StoreLink } from './store-link.ts';

/** How long a write waits for another process's lock before failing, in milliseconds. */
const BUSY_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 5_000;
/** Between reconnection attempts to Redis once it has been reached: quick at first, then every 5 s. */
const redisBackoff = (retries: number) => Math.min(100 * 2 ** retries, 5_000);

/** The URL as it may be shown: without a password. */
export function displayUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
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

async function connectRedis(url: string): Promise<RedisClientType> {
  let reached = false;
  const client = createClient({
    url,
    // Commands fail at once while the server is away, instead of waiting unseen in a queue: a digest run or a
    // command then reports the failure and is tried again, rather than hanging.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      // At start-up an unreachable server is reported (the caller decides whether to wait); once reached, the
      // client reconnects by itself after a restart.
      reconnectStrategy: (retries: number, cause: Error) => (reached ? redisBackoff(retries) : cause),
    },
  }) as RedisClientType;
  // Without a listener, a dropped connection would be an unhandled 'error' event and end the process.
  client.on('error', () => undefined);
  await client.connect();
  reached = true;
  return client;
}

async function linkFor(url: string): Promise<{ adapter: KeyvStoreAdapter; link: StoreLink }> {
  const kind = storeKind(url);
  if (kind === 'redis') {
    const client = await connectRedis(url);
    return { adapter: new KeyvRedis(client as never) as unknown as KeyvStoreAdapter, link: { kind, client, shown: displayUrl(url) } };
  }
  if (kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An idle connection closed by a restarting server is dropped from the pool; the next query opens another.
    pool.on('error', () => undefined);
    return { adapter: new PostgresAdapter(pool) as unknown as KeyvStoreAdapter, link: { kind, pool, shown: displayUrl(url) } };
  }
  const file = sqlitePath(url);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return { adapter: namingFile(new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: BUSY_TIMEOUT_MS }), file) as unknown as KeyvStoreAdapter, link: { kind, file } };
}

export interface OpenedStore {
  store: Keyv;
  link: StoreLink;
}

/** Errors that mean "not reachable yet" (a server starting or restarting), as opposed to a wrong address or password. */
export function isUnreachable(error: unknown): boolean {
  for (let e = error as (Error & { code?: string }) | undefined; e; e = e.cause as typeof e) {
    if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|57P03)$/.test(e.code ?? '')) return true;
    if (/\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN)\b|Connection timeout|timeout exceeded when trying to connect|Socket closed unexpectedly|the database system is (starting up|shutting down)/i.test(e.message ?? '')) return true;
  }
  return false;
}

/**
 * The bot's key-value store under a namespace, with the connection it uses: SQLite by default (`sqlite://path`),
 * or Redis or PostgreSQL, which several processes on several machines share. The connection is tried at once, so
 * a bad path, a corrupt file or an unreachable server stops start-up with a message that names it.
 */
export async function openSharedStore(databaseUrl: string, namespace: string): Promise<OpenedStore> {
  const sqlite = storeKind(databaseUrl) === 'sqlite';
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
  let opened: Awaited<ReturnType<typeof linkFor>> | null = null;
  try {
    opened = await linkFor(databaseUrl);
    // Keyv's default turns a failed read into `undefined` (a server would silently get default settings) and a
    // failed write into `false` (a moderator's change silently lost): failures must reach the caller instead.
    const store = new Keyv({ store: opened.adapter, namespace, throwOnErrors: true });
    store.on('error', (e: unknown) => {
      failure = e;
    });
    await store.get('__open__');
    if (failure) throw failure;
    if (sqlite && !existsSync(marker)) {
      writeFileSync(marker, `Lectern keeps its settings in ${path.basename(shown)}. If that file goes missing, Lectern refuses to start rather than silently starting with default settings; delete this file to allow that.\n`);
    }
    return { store, link: opened.link };
  } catch (error) {
    if (opened?.link.kind === 'postgres') await opened.link.pool.end().catch(() => undefined);
    if (opened?.link.kind === 'redis') opened.link.client.destroy();
    const reason = ((error as Error).message || String((error as Error & { code?: string }).code ?? error)).replace(`Database ${shown}: `, '');
    throw Object.assign(new Error(`Cannot open the database ${shown}: ${reason}`, { cause: error }), { unreachable: isUnreachable(error) });
  }
}

/** The key-value store alone (for tools and tests that need no more than settings). */
export async function openStore(databaseUrl: string, namespace: string): Promise<Keyv> {
  return (await openSharedStore(databaseUrl, namespace)).store;
}
