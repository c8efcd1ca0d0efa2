// A real bot process (`src/index.ts`, as `npm start` runs it) in a data folder of its own, as on a machine of its
// own: its logs are collected, and it can be stopped cleanly or killed with SIGKILL.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnTs } from './node-ts.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BotProcess {
  child: ChildProcess;
  /** Pino's JSON lines, parsed, and anything else printed. */
  logs: Array<Record<string, unknown>>;
  stderr: () => string;
  /** Resolves with the first log line (past or future) whose message matches. */
  waitForLog(match: RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function startBotProcess(o: { dataDir: string; env: Record<string, string> }): BotProcess {
  mkdirSync(o.dataDir, { recursive: true });
  const child = spawnTs(path.join(ROOT, 'src/index.ts'), [], {
    // The data folder is the working directory: anything written to a relative default path would land here.
    cwd: o.dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      CORPUS_DIR: path.join(ROOT, 'data/corpus'),
      INDEX_CACHE_DIR: path.join(o.dataDir, 'cache'),
      UPLOADS_DIR: path.join(o.dataDir, 'uploads'),
      LOG_LEVEL: 'info',
      ...o.env,
    },
  });
  const logs: Array<Record<string, unknown>> = [];
  let err = '';
  let pending = '';
  child.stdout?.on('data', (d: Buffer) => {
    pending += String(d);
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += String(d);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    logs,
    stderr: () => err,
    exited,
    async waitForLog(match, timeoutMs = 60_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const found = logs.find((l) => match.test(String(l.msg ?? '')));
        if (found) return found;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`bot process exited before logging ${match}: ${err}`);
        if (Date.now() > end) throw new Error(`bot process did not log ${match} within ${timeoutMs} ms; logs: ${logs.map((l) => l.msg).join(' | ')} ${err}`);
        await sleep(50);
      }
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}
