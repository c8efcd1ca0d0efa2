// Throwaway PostgreSQL and Redis servers for the tests, from Debian's `postgresql` and `redis-server` packages
// (`.ci/run` installs them): each on a free port on 127.0.0.1, in a temporary folder, stopped and removed at the
// end. PostgreSQL refuses to run as root, so as root it runs as the packages' `postgres` user.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createClient } from '@redis/client';

/**
 * Whether the live suites may be skipped when the servers are not installed: only when a developer asks for it with
 * LECTERN_LIVE_SERVERS=skip, and never in CI (CI=true), where a missing server is a failure.
 */
export const MAY_SKIP_LIVE = process.env.LECTERN_LIVE_SERVERS === 'skip' && process.env.CI !== 'true';

function onPath(name: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** The newest installed PostgreSQL's programs (Debian keeps them in /usr/lib/postgresql/<version>/bin). */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  const initdb = onPath('initdb');
  return initdb ? path.dirname(initdb) : null;
}

const MISSING = (what: string, pkg: string) =>
  `${what} is not installed: the live storage tests need it (apt-get install ${pkg}; .ci/run installs it). To run the other tests without it, set LECTERN_LIVE_SERVERS=skip (not honoured in CI).`;

/** The reason the live servers cannot run here, or null when both are installed. */
export function liveServersMissing(): string | null {
  if (!postgresBin()) return MISSING('PostgreSQL', 'postgresql');
  if (!onPath('redis-server')) return MISSING('redis-server', 'redis-server');
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`${what} did not start within ${timeoutMs / 1000} s`);
}

export interface LiveServer {
  url: string;
  port: number;
  /** Stops the server, keeping its data (for a restart). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its data. */
  destroy(): Promise<void>;
}

/** The running server's controls; `signal` is the one that shuts it down promptly (a fast shutdown for PostgreSQL). */
async function handle(url: string, port: number, dir: string, start: () => Promise<void>, child: () => ChildProcess | null, signal: NodeJS.Signals, forget: () => void): Promise<LiveServer> {
  const stop = async () => {
    const c = child();
    if (!c) return;
    forget();
    c.kill(signal);
    await exited(c);
  };
  await start();
  return {
    url,
    port,
    start,
    stop,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A PostgreSQL cluster of its own (initdb in a temporary folder), trust authentication on 127.0.0.1 only. */
export async function startPostgres(o: { port?: number } = {}): Promise<LiveServer> {
  const bin = postgresBin();
  if (!bin) throw new Error(MISSING('PostgreSQL', 'postgresql'));
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-pg-'));
  const asRoot = userInfo().uid === 0;
  let owner: { uid: number; gid: number } | undefined;
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) throw new Error('PostgreSQL refuses to run as root and there is no `postgres` user (the postgresql package creates it).');
    owner = { uid: Number(id.stdout), gid: Number(gid.stdout) };
    chownSync(dir, owner.uid, owner.gid);
  }
  const data = path.join(dir, 'data');
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'lectern', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C'], { encoding: 'utf8', ...owner });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = o.port ?? (await freePort());
  const url = `postgres://lectern@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | null = null;
  const start = async () => {
    // Small and unsafe on purpose: a test server that is thrown away needs no durability.
    child = spawn(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'shared_buffers=16MB', '-c', 'max_connections=60'], { stdio: 'ignore', ...owner });
    await until('PostgreSQL', async () => {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return true;
      } finally {
        await client.end().catch(() => undefined);
      }
    });
  };
  return handle(url, port, dir, start, () => child, 'SIGINT', () => {
    child = null;
  });
}

/** A database of its own on a started cluster, so test files sharing one cluster do not meet. */
export async function createDatabase(server: LiveServer, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return server.url.replace(/\/postgres$/, `/${name}`);
}

/** A Redis server of its own on 127.0.0.1, with its append-only file on (as Lectern needs: a restart keeps the claims). */
export async function startRedis(o: { port?: number } = {}): Promise<LiveServer> {
  const exe = onPath('redis-server');
  if (!exe) throw new Error(MISSING('redis-server', 'redis-server'));
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-redis-'));
  const port = o.port ?? (await freePort());
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(exe, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'], { stdio: 'ignore' });
    await until('Redis', async () => {
      const client = createClient({ url, socket: { reconnectStrategy: false } });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } finally {
        client.destroy();
      }
    });
  };
  return handle(url, port, dir, start, () => child, 'SIGTERM', () => {
    child = null;
  });
}
