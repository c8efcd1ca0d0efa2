// Two bot processes, each in a data folder of its own (two "machines"), sharing one PostgreSQL server, and again
// one Redis server: for 100 servers each posts today's digest exactly once, although one process is killed with
// SIGKILL while the digests go out and is started again; an upload made through one process is answered by the
// other within seconds, and so is its removal; and neither writes a local database file.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { markerOf } from '../../src/digest/runner.ts';
import { openClaims } from '../../src/digest/open-claims.ts';
import { SettingsStore } from '../../src/settings/settings-store.ts';
import { openSharedStore } from '../../src/store/open-store.ts';
import { startBackend, describeLive, type Backend, type BackendName } from '../support/backends.ts';
import { startBotProcess, type BotProcess } from '../support/bot-process.ts';
import { configure } from '../support/configure.ts';
import { DiscordStandIn, type RecordedRequest } from '../support/discord-standin.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDA1.Gscale.lectern-two-machines-token';
const SERVERS = 100;
const STALE_SECONDS = 10;
const MANAGE = String(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);
const MEMBER = String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);

type Data = { embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }> }>; content?: string };
const dataOf = (r: RecordedRequest): Data => ((r.body as { data?: Data }).data ?? (r.body as Data)) ?? {};
const textOf = (d: Data) => [d.content, ...(d.embeds ?? []).flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])].filter(Boolean).join('\n');

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

function twoMachines(name: BackendName) {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guilds = Array.from({ length: SERVERS }, (_, i) => standin.addGuild({ name: `Reading group ${i}`, channels: [{ name: 'digest' }] }));
  const tmp = mkdtempSync(path.join(tmpdir(), `lectern-two-machines-${name}-`));
  const machines = { a: path.join(tmp, 'machine-a'), b: path.join(tmp, 'machine-b') };
  const running: BotProcess[] = [];
  let backend: Backend;
  let day = '';

  const ask = async (session: string, guildId: string, command: string, options: unknown, permissions: string, extra: object = {}) => {
    const sent = standin.sendInteraction({ kind: 'command', name: command, options: options as never, permissions, guildId, session, ...extra } as never);
    const callback = await sent.callback(15_000);
    if ((callback.body as { type: number }).type !== 5) return textOf(dataOf(callback));
    const edit = await standin.waitForRequest((r) => (r.method === 'PATCH' || r.method === 'POST') && r.route.startsWith(`/webhooks/${standin.applicationId}/${sent.token}`), 15_000);
    return textOf(dataOf(edit));
  };

  /** Starts a bot process and returns it with its gateway session (the one interactions are sent to). */
  const start = async (dataDir: string) => {
    const before = new Set(standin.sessionIds());
    const bot = startBotProcess({ dataDir, env: { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE_URL: standin.apiBase, DATABASE_URL: backend.url, DIGEST_CLAIM_STALE_SECONDS: String(STALE_SECONDS) } });
    running.push(bot);
    await bot.waitForLog(/^connected to Discord$/, 90_000);
    const session = standin.sessionIds().find((s) => !before.has(s));
    if (!session) throw new Error('the bot process has no gateway session');
    return { bot, session };
  };

  const posted = () => guilds.map((g) => standin.messagesIn(g.channels[0]!.id).filter((m) => m.embeds[0]?.footer?.text?.includes(day)).length);

  beforeAll(async () => {
    await standin.start();
    // Posts take a while, so that the kill lands while digests are going out.
    standin.delay({ method: 'POST', pathIncludes: '/messages' }, 200);
    backend = await startBackend(name);
    // Every server's digest is due now (this minute, UTC), so both processes post as soon as they are connected.
    const now = new Date();
    const time = now.toISOString().slice(11, 16);
    day = now.toISOString().slice(0, 10);
    const { store } = await openSharedStore(backend.url, 'lectern');
    const settings = new SettingsStore(store);
    for (const g of guilds) await configure(settings, g.id, { digest: 'on', 'digest-channel': g.channels[0]!.id, 'digest-time': time, 'digest-timezone': 'UTC' });
    await store.disconnect();
  }, 120_000);

  afterAll(async () => {
    for (const bot of running) await bot.kill('SIGKILL');
    await standin.stop();
    await backend?.destroy();
    rmSync(tmp, { recursive: true, force: true });
  });

  it(`posts each of ${SERVERS} servers’ digest once with one process killed and restarted, and shares uploads`, async () => {
    const a = await start(machines.a);
    const b = await start(machines.b);
    // Kill machine A with SIGKILL while digests are still going out.
    const killAt = 30 + Math.floor(Math.random() * 40);
    for (let t = Date.now(); posted().reduce((x, y) => x + y, 0) < killAt && Date.now() - t < 60_000; ) await sleep(20);
    const beforeKill = posted().reduce((x, y) => x + y, 0);
    await a.bot.kill('SIGKILL');
    expect(beforeKill).toBeLessThan(SERVERS);
    // Restarted once its claims have gone stale, A takes over the one it held, looking in the channel first.
    await sleep(STALE_SECONDS * 1000 + 500);
    const a2 = await start(machines.a);
    for (let t = Date.now(); posted().some((n) => n === 0) && Date.now() - t < 90_000; ) await sleep(100);
    await sleep(2_000);
    const counts = posted();
    expect(counts.filter((n) => n === 0), 'servers without a digest').toHaveLength(0);
    expect(counts.filter((n) => n > 1), 'servers with two digests').toHaveLength(0);
    // Every post is the marked digest of the day, and every claim says posted.
    const { store, link } = await openSharedStore(backend.url, 'lectern');
    const claims = await openClaims(link);
    for (const g of guilds) {
      const row = await claims.get(g.id, day);
      expect(row?.status, g.id).toBe('posted');
      expect(standin.messagesIn(g.channels[0]!.id)[0]?.embeds[0]?.footer?.text).toContain(markerOf(g.id, day));
    }
    const owners = new Set(await Promise.all(guilds.map(async (g) => (await claims.get(g.id, day))?.owner.split(':')[1])));
    await store.disconnect();
    // Both machines posted some of them.
    expect(owners.size).toBeGreaterThanOrEqual(2);

    // An upload through B is answered through A within seconds, and so is its removal.
    const G = guilds[0]!.id;
    const file = standin.hostAttachment('skerry-notes.txt', Buffer.from('Skerry Point notes\n\nThe lighthouse keeper, Mira Holt, said the beacon at Skerry Point was relit on Tuesday.\n'));
    const added = await ask(b.session, G, 'library', [{ type: ApplicationCommandOptionType.Subcommand, name: 'add', options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: file.id }] }], MANAGE, { attachments: [file] });
    expect(added).toContain('Added to the reading list');
    const search = [{ type: ApplicationCommandOptionType.String, name: 'query', value: 'skerry beacon' }];
    const seenAfter = async (session: string, expected: (text: string) => boolean) => {
      const t = Date.now();
      for (;;) {
        const text = await ask(session, G, 'search', search, MEMBER);
        if (expected(text)) return Date.now() - t;
        if (Date.now() - t > 15_000) throw new Error(`not seen within 15 s: ${text}`);
        // At a person's pace: faster than ten commands in ten seconds, the member is asked to wait (the cooldown).
        await sleep(1500);
      }
    };
    const addSeenMs = await seenAfter(a2.session, (text) => text.includes('skerry-notes.txt'));
    const upload = await ask(a2.session, G, 'library', [{ type: ApplicationCommandOptionType.Subcommand, name: 'list', options: [] }], MANAGE);
    expect(upload).toContain('Skerry Point notes');
    const removed = await ask(a2.session, G, 'library', [{ type: ApplicationCommandOptionType.Subcommand, name: 'remove', options: [{ name: 'document', type: ApplicationCommandOptionType.String, value: 'skerry-notes.txt' }] }], MANAGE);
    expect(removed).toMatch(/Removed/);
    const removeSeenMs = await seenAfter(b.session, (text) => !text.includes('skerry-notes.txt'));

    // Neither machine wrote a database file of its own: everything shared is in the shared store.
    for (const dir of Object.values(machines)) expect(filesUnder(dir).filter((f) => !f.startsWith('cache'))).toEqual([]);
    for (const bot of [a2.bot, b.bot]) {
      await bot.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
    }
    console.log(
      `two machines on ${name}: ${SERVERS} digests posted once each (${beforeKill} before the SIGKILL), upload seen by the other process after ${addSeenMs} ms, removal after ${removeSeenMs} ms`,
    );
  }, 300_000);
}

describeLive('two machines sharing PostgreSQL', () => twoMachines('postgres'));
describeLive('two machines sharing Redis', () => twoMachines('redis'));
