// npm run soak: the long run that `npm test` is too short for (minutes, not part of the test suite).
//  1. Two "machines" (bot processes, each its own) share one PostgreSQL server, then one Redis server, started here;
//     digests for 100 servers fall due over several simulated days while processes are killed with SIGKILL at random
//     points (100 kills in all, half on each store) and started again; every server must get exactly one digest a day.
//  2. The fuzz suite at 10,000 generated inputs per command (FUZZ_RUNS), through the real command path.
// Options: --kills N (in all, shared by the stores), --servers N, --days N, --fuzz-runs N, --stores postgres,redis, --no-fuzz.
// SOAK_TRACE=1 prints each process's last line (its digest outcomes, or "ready" when it was killed first).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openIndex } from '../src/corpus/index/open-index.ts';
import { openClaims } from '../src/digest/open-claims.ts';
import { SettingsStore } from '../src/settings/settings-store.ts';
import { openSharedStore } from '../src/store/open-store.ts';
import { startBackend, type BackendName } from '../tests/support/backends.ts';
import { configure } from '../tests/support/configure.ts';
import { DiscordStandIn } from '../tests/support/discord-standin.ts';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '100' },
    servers: { type: 'string', default: '100' },
    days: { type: 'string', default: '4' },
    'fuzz-runs': { type: 'string', default: '10000' },
    stores: { type: 'string', default: 'postgres,redis' },
    'no-fuzz': { type: 'boolean', default: false },
  },
});
const STORES = values.stores.split(',').filter(Boolean) as BackendName[];
const KILLS = Math.ceil(Number(values.kills) / STORES.length);
const SERVERS = Number(values.servers);
const DAYS = Number(values.days);
const STALE_MS = 30_000;
const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDA5.Gsoak.lectern-soak-token';
const ROOT = path.resolve(import.meta.dirname, '..');
/** A fixed seed: the kill points are random but the same on every run (SOAK_SEED replays another). */
let seed = Number(process.env.SOAK_SEED ?? 20261202);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

interface Machine {
  killed: boolean;
  code: number | null;
  output: string;
}

// The bot process the soak starts hundreds of times runs compiled, as `npm start` does: under tsx each start spent
// 15–25 s compiling TypeScript on a loaded machine, which made the full soak take hours. Built inside the clone, so
// that the compiled code finds node_modules, the model and the engine's version as dist/ does.
const CHILD_DIR = path.join(ROOT, 'node_modules/.cache', `lectern-soak-${process.pid}`);
const { build } = (await import(pathToFileURL(path.join(ROOT, 'scripts/build.mjs')).href)) as { build: (outDir: string, extra: Record<string, string>) => Promise<void> };
await build(CHILD_DIR, { 'digest-kill-child': 'tests/support/digest-kill-child.ts' });
const CHILD = path.join(CHILD_DIR, 'digest-kill-child.js');

/** One machine's bot process, running the digests due at `now`; killed `killAfterMs` after it is ready, if given. */
function runMachine(name: string, env: Record<string, string>, killAfterMs: number | null): Promise<Machine> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD], { env: { ...process.env, ...env, MACHINE: name }, cwd: ROOT });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += String(d);
      if (killAfterMs !== null && output.includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (output += String(d)));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ killed: signal === 'SIGKILL', code, output }));
  });
}

async function soakStore(name: BackendName) {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Soak', channels: Array.from({ length: SERVERS }, (_, i) => ({ name: `digest-${i}` })) });
  const servers = guild.channels.map((c, i) => ({ id: `7${String(i).padStart(17, '0')}`, channel: c.id }));
  await standin.start();
  // Posts take a little while, so that kills (at 0–1.5 s after a start) land while messages are in flight.
  standin.delay({ method: 'POST', pathIncludes: '/messages' }, 250);
  const backend = await startBackend(name);
  liveServers.push(() => backend.destroy());
  const started = Date.now();
  try {
    const { store } = await openSharedStore(backend.url, 'lectern');
    const settings = new SettingsStore(store);
    // The servers' digests fall due over twenty minutes (08:00 to 08:19), so each of the first forty or so starts of
    // a day finds work to do and its kill lands mid-run, not after the day's digests are all out.
    for (const [i, s] of servers.entries())
      await configure(settings, s.id, { digest: 'on', 'digest-channel': s.channel, 'digest-time': `08:${String(i % 20).padStart(2, '0')}`, 'digest-timezone': 'UTC' });
    await store.disconnect();
    const env = { API: standin.apiBase, TOKEN, INDEX_CACHE_DIR, DATABASE_URL: backend.url, STALE_MS: String(STALE_MS), GUILDS: servers.map((s) => s.id).join(',') };
    let kills = 0;
    let starts = 0;
    let unexpectedExits = 0;
    const perDay = Math.ceil(KILLS / DAYS);
    const report = { due: 0, posted: 0, lost: 0, doubled: 0, unsettled: 0 };
    for (let day = 0; day < DAYS; day++) {
      const date = new Date(Date.parse('2026-06-10T00:00:00Z') + day * 86_400_000).toISOString().slice(0, 10);
      let clock = Date.parse(`${date}T08:00:05Z`);
      let killedToday = 0;
      const done = () => servers.every((s) => standin.messagesIn(s.channel).some((m) => m.embeds[0]?.footer?.text?.includes(date)));
      for (let round = 0; round < 200 && (killedToday < perDay || !done()); round++) {
        // Both machines run the digests due now; while kills are left for today, one or both is killed at a random point.
        const killA = killedToday < perDay && kills < KILLS && random() < 0.8;
        const killB = killedToday + (killA ? 1 : 0) < perDay && kills + (killA ? 1 : 0) < KILLS && random() < 0.5;
        const at = new Date(clock).toISOString();
        const results = await Promise.all([
          runMachine('a', { ...env, NOW: at }, killA ? Math.floor(random() * 1500) : null),
          runMachine('b', { ...env, NOW: at }, killB ? Math.floor(random() * 1500) : null),
        ]);
        starts += 2;
        if (process.env.SOAK_TRACE) for (const r of results) process.stdout.write(`    ${at} killed=${r.killed} ${r.output.trim().split('\n').pop()}\n`);
        for (const r of results) {
          if (r.killed) {
            kills++;
            killedToday++;
          } else if (r.code !== 0) {
            unexpectedExits++;
            process.stderr.write(`unexpected exit ${r.code}: ${r.output}\n`);
          }
        }
        // The next start comes after the killed processes' claims have gone stale.
        clock += STALE_MS + 1_000;
      }
      const { store: check, link } = await openSharedStore(backend.url, 'lectern');
      const claims = await openClaims(link);
      for (const s of servers) {
        const n = standin.messagesIn(s.channel).filter((m) => m.embeds[0]?.footer?.text?.includes(date)).length;
        report.due++;
        if (n >= 1) report.posted++;
        if (n === 0) report.lost++;
        if (n > 1) report.doubled += n - 1;
        if ((await claims.get(s.id, date))?.status !== 'posted') report.unsettled++;
      }
      await check.disconnect();
      process.stdout.write(`  ${name} ${date}: ${kills} kills so far, ${report.posted}/${report.due} posted\n`);
    }
    return { store: name, kills, starts, unexpectedExits, ...report, seconds: Math.round((Date.now() - started) / 1000) };
  } finally {
    await standin.stop();
    await backend.destroy();
  }
}

async function fuzz(runs: number) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'lectern-soak-fuzz-')), 'fuzz.json');
  const started = Date.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/vitest'), ['run', 'tests/hardening/fuzz-commands.test.ts', '--reporter=json', `--outputFile=${out}`, '--testTimeout=0'], {
      cwd: ROOT,
      env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_TIMEOUT_MS: '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', resolve);
  });
  const result = JSON.parse(readFileSync(out, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: Array<{ assertionResults: Array<{ title: string; status: string; failureMessages?: string[] }> }>;
  };
  rmSync(path.dirname(out), { recursive: true, force: true });
  const titles = result.testResults.flatMap((f) => f.assertionResults);
  // What failed, and how (fast-check's counterexample and seed are in the message), so a failure can be replayed.
  for (const t of titles.filter((a) => a.status === 'failed')) process.stderr.write(`failed: ${t.title}\n${(t.failureMessages ?? []).join('\n').slice(0, 4000)}\n`);
  // "/quote: 10000 hostile invocations, …", "40000 autocompletes …", "48 hostile interactions …": the inputs tried.
  const inputs = titles.reduce((n, t) => n + Number(/(\d+) (hostile|autocomplete|console)/.exec(t.title)?.[1] ?? 0), 0);
  return { code, passed: result.numPassedTests, failed: result.numFailedTests, inputs, seconds: Math.round((Date.now() - started) / 1000) };
}

// Every start reads the index from one cache made here, as a bot reads its own, instead of building it again.
const INDEX_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'lectern-soak-cache-'));
await openIndex(path.join(ROOT, 'data/corpus'), INDEX_CACHE_DIR, { quiet: true });
const liveServers: Array<() => Promise<void>> = [];
const cleanUp = async () => {
  for (const stop of liveServers) await stop().catch(() => undefined);
  rmSync(INDEX_CACHE_DIR, { recursive: true, force: true });
  rmSync(CHILD_DIR, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    void cleanUp().then(() => process.exit(130));
  });
const results = [];
for (const store of STORES) {
  process.stdout.write(`Soak on ${store}: ${SERVERS} servers, ${DAYS} days, ${KILLS} SIGKILLs across two machines…\n`);
  results.push(await soakStore(store));
}
let failed = false;
for (const r of results) {
  process.stdout.write(
    `${r.store}: ${r.kills} kills survived (${r.starts} process starts), ${r.due} digests due, ${r.posted} posted, ${r.lost} lost, ${r.doubled} doubled, ${r.unsettled} claims not marked posted, ${r.unexpectedExits} unexpected exits, ${r.seconds} s\n`,
  );
  failed ||= r.lost > 0 || r.doubled > 0 || r.unsettled > 0 || r.unexpectedExits > 0 || r.kills < KILLS;
}
if (!values['no-fuzz']) {
  const runs = Number(values['fuzz-runs']);
  process.stdout.write(`Fuzz suite at FUZZ_RUNS=${runs}…\n`);
  const f = await fuzz(runs);
  process.stdout.write(`fuzz: ${f.inputs} inputs tried in ${f.passed + f.failed} properties, ${f.failed} failed (unhandled errors), ${f.seconds} s\n`);
  failed ||= f.failed > 0 || f.code !== 0;
}
rmSync(INDEX_CACHE_DIR, { recursive: true, force: true });
rmSync(CHILD_DIR, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
