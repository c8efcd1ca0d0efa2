// The three stores the bot can keep its state in, each started for real: a SQLite file, and (from
// live-servers.ts) a PostgreSQL cluster and a Redis server of their own. A test suite runs once per backend.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';
import { liveServersMissing, MAY_SKIP_LIVE, startPostgres, startRedis, type LiveServer } from './live-servers.ts';

export type BackendName = 'sqlite' | 'postgres' | 'redis';

export interface Backend {
  name: BackendName;
  /** The DATABASE_URL of a fresh, empty store. */
  url: string;
  server: LiveServer | null;
  destroy(): Promise<void>;
}

export async function startBackend(name: BackendName, o: { port?: number } = {}): Promise<Backend> {
  if (name === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'lectern-store-'));
    return { name, url: `sqlite://${path.join(dir, 'lectern.sqlite')}`, server: null, destroy: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = name === 'postgres' ? await startPostgres(o) : await startRedis(o);
  return { name, url: server.url, server, destroy: () => server.destroy() };
}

/**
 * `describe` for the live servers: when they are not installed the suite fails with what to install, except when a
 * developer asked to skip them (LECTERN_LIVE_SERVERS=skip, ignored in CI): a missing server is never silently skipped.
 */
export function describeLive(name: string, body: () => void): void {
  const missing = liveServersMissing();
  if (missing && MAY_SKIP_LIVE) describe.skip(`${name} (skipped: ${missing})`, body);
  else
    describe(name, () => {
      if (missing) throw new Error(missing);
      body();
    });
}
