// Bad input, property-based (fast-check), through the real command path. Two layers:
//  1. many runs per command: contextFor + command.run + messageFor (what the router does), as a server
//     manager, a member with the moderator role, a plain member and the console; plus autocomplete and the
//     console's own parser;
//  2. fewer runs end to end: the real bot (discord.js) against the local Discord stand-in, hostile values sent
//     as INTERACTION_CREATE, every callback the stand-in recorded checked.
// Seeds are fixed (FUZZ_SEED overrides, FUZZ_RUNS scales layer 1); fast-check prints seed and path on failure.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicationCommandOptionType, PermissionFlagsBits, type APIEmbed } from 'discord-api-types/v10';
import fc from 'fast-check';
import type Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, createApp, type App, type Where } from '../../src/app/app.ts';
import { SUBCOMMAND, type Command, type Options } from '../../src/commands/command.ts';
import { COMMANDS } from '../../src/commands/index.ts';
import { runLine } from '../../src/console/run-line.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { type DigestClaims } from '../../src/digest/claims.ts';
import { SqliteClaims } from '../../src/digest/claims-sqlite.ts';
import { digestService } from '../../src/digest/service.ts';
import { type RunningBot } from '../../src/discord/bot.ts';
import { decodePageState } from '../../src/discord/page-state.ts';
import { discordText } from '../../src/discord/draw-spans.ts';
import { messageFor, type MessagePayload } from '../../src/discord/send.ts';
import { createLogger } from '../../src/logging/logger.ts';
import type { Reply } from '../../src/reply/reply.ts';
import { defaultSettings, GuildSettingsSchema } from '../../src/settings/schema.ts';
import { openStore } from '../../src/store/open-store.ts';
import { bundledIndex } from '../support/bundled-index.ts';
import { LogCapture } from '../support/log-capture.ts';
import { startTestBot } from '../support/test-bot.ts';
import { DiscordStandIn, type RecordedRequest } from '../support/discord-standin.ts';
import {
  attachmentArb,
  attachmentBytes,
  BAD_DATES,
  BAD_NUMBERS,
  BAD_SNOWFLAKES,
  BAD_TIMES,
  BAD_ZONES,
  hostileString,
  invocationShapes,
  optionsArb,
  PROTO_KEYS,
  type AttachmentSpec,
} from './arbitraries.ts';
import { autocompleteCommand, runCommand } from '../../src/commands/server-command.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20250904);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/**
 * A minute for the default runs, and as long again for every 200 more. FUZZ_TIMEOUT_MS=0 (the soak, 10,000 per
 * command) sets no limit: there /timeline draws tens of thousands of pictures, and a property that only ran long has
 * found no unhandled error.
 */
const LAYER1_TIMEOUT = Number(process.env.FUZZ_TIMEOUT_MS ?? 60_000 * Math.max(1, Math.ceil(RUNS / 200)));
const E2E_RUNS = Number(process.env.FUZZ_E2E_RUNS ?? 48);
const MOD_ROLE = '223456789012345678';
const EPHEMERAL = 64;

/** What the suite tried and saw, printed at the end (the figures for the README's Reliability section). */
const tally = { layer1: 0, autocomplete: 0, console: 0, e2e: 0, byCommand: {} as Record<string, Record<string, number>> };

// ---- Discord's limits, checked independently of src/discord/limits.ts ---------------------------------

interface Payloadish {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<{ type: number; components: Array<{ custom_id?: string; label?: string }> }>;
}

function limitProblems(d: Payloadish): string[] {
  const problems: string[] = [];
  const check = (what: string, n: number, max: number) => n > max && problems.push(`${what} is ${n} (max ${max})`);
  check('content', (d.content ?? '').length, 2000);
  const embeds = d.embeds ?? [];
  check('embeds', embeds.length, 10);
  let total = 0;
  for (const e of embeds) {
    check('embed title', e.title?.length ?? 0, 256);
    check('embed description', e.description?.length ?? 0, 4096);
    check('embed footer', e.footer?.text.length ?? 0, 2048);
    check('embed author', e.author?.name.length ?? 0, 256);
    check('embed fields', e.fields?.length ?? 0, 25);
    for (const f of e.fields ?? []) {
      check('field name', f.name.length, 256);
      check('field value', f.value.length, 1024);
    }
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  check('embed total', total, 6000);
  check('action rows', d.components?.length ?? 0, 5);
  for (const row of d.components ?? []) {
    check('buttons in a row', row.components.length, 5);
    for (const c of row.components) {
      check('custom_id', c.custom_id?.length ?? 0, 100);
      check('button label', c.label?.length ?? 0, 80);
    }
  }
  return problems;
}

const textOf = (d: Payloadish) => [d.content ?? '', ...(d.embeds ?? []).flatMap((e) => [e.title, e.description, e.footer?.text])].filter(Boolean).join('\n');

/**
 * How an invalid-input reply names what is accepted: an example, the accepted form, or where to look. Only the
 * bot's own wording counts (the hostile dictionaries contain none of these phrases).
 */
const GUIDANCE =
  /e\.g\.|for example|`[\w-]+` or `[\w-]+`|must be|must list|\bTry\b|Pick a|Attach a|Upload a|Only members|works in a|posted by the bot|Use `\/|See \/|Settings: |Give a|Did you mean|Set a channel|swap them|Name the option|Commands: |needs `|too long|larger than|remove one first|try again|no readable text|cannot be read|reading list is empty/;

/** A lone surrogate cannot be URL-encoded: it comes back as U+FFFD, as String.prototype.toWellFormed would make it. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
/** Options as the page buttons should bring them back (empty values dropped, text made well-formed). */
const pageOptions = (options: Options) => Object.fromEntries(Object.entries(options).filter((e): e is [string, string] => !!e[1]).map(([k, v]) => [k, wellFormed(v)]));

/**
 * fast-check parameters with a fixed seed, and a failure report that stays readable (6,000-character values
 * are abbreviated) and says how to replay it: fc.assert(property, { seed, path, endOnFailure: true }).
 */
function params<T>(seed: number, numRuns: number): fc.Parameters<T> {
  return {
    seed,
    numRuns,
    reporter(out) {
      if (!out.failed) return;
      const cause = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
      throw new Error(`Property failed after ${out.numRuns} runs (seed ${out.seed}, path "${out.counterexamplePath ?? ''}", ${out.numShrinks} shrinks; FUZZ_SEED=${SEED}).\nCounterexample: ${show(out.counterexample)}\n${cause}`);
    },
  };
}

const show = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 120)}…(${v.length} chars)` : v));

/** Values known to be wrong for an option: a moderator's `/config set` with one of them must be refused. */
const KNOWN_BAD: Record<string, readonly string[]> = {
  role: BAD_SNOWFLAKES,
  channel: BAD_SNOWFLAKES,
  time: BAD_TIMES,
  zone: BAD_ZONES,
  hours: BAD_NUMBERS,
  days: [...PROTO_KEYS, 'funday', ',', ''],
  parts: [...PROTO_KEYS, ',', ''],
  value: [...PROTO_KEYS, ''],
  state: [...PROTO_KEYS, 'On', 'resume', ''],
};

/** Why this invocation must not be answered as if it were fine, or null when it may be. */
function mustRefuse(command: Command, options: Options): string | null {
  if (command.name === 'event' && BAD_DATES.includes(options.date ?? '')) return `date ${show(options.date)} does not exist`;
  const [group, setting] = (options[SUBCOMMAND] ?? '').split(' ');
  if (command.name !== 'config' || group !== 'set' || !setting) return null;
  const spec = command.subcommands?.find((s) => s.group === 'set' && s.name === setting)?.options[0];
  if (!spec) return null;
  const value = options[spec.name] ?? '';
  return KNOWN_BAD[spec.name]?.includes(value) ? `${spec.name} ${show(value)} is not a valid ${setting}` : null;
}

// ---- Layer 1: the command path, many runs ---------------------------------------------------------------

type Role = 'manager' | 'role-moderator' | 'member' | 'console';

describe('hostile options through contextFor → runCommand → messageFor', { timeout: LAYER1_TIMEOUT }, () => {
  // Thousands of small writes: on a RAM disk when there is one (the store is not what is under test here).
  const tmp = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'lectern-fuzz-'));
  let store: Keyv;
  let app: App;
  let claims: DigestClaims;
  let guildCounter = 0n;
  /** Every run gets a server of its own: a valid change in one run cannot mask a silent change in another. */
  const freshGuild = () => String(400000000000000000n + ++guildCounter);
  const attachmentFiles = new Map<string, Uint8Array>();
  const posted: string[] = [];

  beforeAll(async () => {
    store = await openStore(`sqlite://${path.join(tmp, 'lectern.sqlite')}`, 'lectern');
    app = await createApp({ query: new CorpusQuery(await bundledIndex()), store, uploadsDir: path.join(tmp, 'uploads'), warn: () => undefined });
    claims = await SqliteClaims.open(path.join(tmp, 'claims.sqlite'));
    const poster = {
      post: async (channelId: string) => {
        posted.push(channelId);
        return `9${String(posted.length).padStart(17, '0')}`;
      },
      find: async () => null,
    };
    app.digest = digestService({ claims, store, corpus: app.corpus, poster, owner: 'fuzz', now: () => new Date() });
    // Attachments come from this map instead of Discord's CDN, refusing what is too large as the real download does.
    app.fetchAttachment = async (a, maxBytes) => {
      const bytes = attachmentFiles.get(a.url);
      if (!bytes) throw new Error('HTTP 404');
      if (bytes.length > maxBytes) throw new Error('the file is too large');
      return bytes;
    };
  }, 30_000);

  afterAll(async () => {
    await claims?.close();
    await store?.disconnect();
    rmSync(tmp, { recursive: true, force: true });
    console.info(`[fuzz] seed ${SEED}: ${JSON.stringify(tally)}; digests posted by /digest now: ${posted.length}`);
  });

  const snapshot = async (guildId: string) => ({
    settings: await app.settings.get(guildId),
    history: (await app.settings.history(guildId)).length,
    library: await app.library.list(guildId),
  });

  /** The server's starting point: a moderator role, and now and then other settings already changed. */
  const presetArb = fc.record({
    visibility: fc.constantFrom('public', 'ephemeral'),
    dateOrder: fc.constantFrom('month-first', 'day-first'),
    disableBundled: fc.constantFrom(false, false, false, true),
    /** A digest channel, so that /digest now really posts (to a recording poster). */
    digestChannel: fc.option(fc.constant('623456789012345678'), { nil: null }),
  });
  type Preset = typeof presetArb extends fc.Arbitrary<infer T> ? T : never;

  async function prepare(role: Role, preset: Preset, attachment?: AttachmentSpec): Promise<Where> {
    const guildId = role === 'console' ? null : freshGuild();
    if (guildId) {
      // One write, as /config set would leave it (schema-checked): thousands of servers are set up this way.
      const settings = GuildSettingsSchema.parse({
        ...defaultSettings(),
        moderatorRoleId: MOD_ROLE,
        replyVisibility: preset.visibility,
        dateOrder: preset.dateOrder,
        disabledDocuments: preset.disableBundled ? app.corpus.bundled().map((d) => d.id) : [],
        digest: { ...defaultSettings().digest, channelId: preset.digestChannel },
      });
      await store.set(`settings:${guildId}`, settings);
    }
    let attachments: Where['attachments'];
    if (attachment) {
      const bytes = attachmentBytes(attachment.body);
      const url = `https://cdn.example/attachments/${attachmentFiles.size}/upload`;
      attachmentFiles.set(url, bytes);
      const size = attachment.declared === 'true' ? bytes.length : attachment.declared === 'zero' ? 0 : 50 * 1024 * 1024;
      attachments = { file: { url, name: attachment.name, size } };
    }
    return {
      guildId,
      userId: '323456789012345678',
      userName: '@everyone <@&123456789012345678>',
      canManageGuild: role === 'manager',
      roleIds: role === 'role-moderator' ? [MOD_ROLE] : ['523456789012345678'],
      ...(attachments ? { attachments } : {}),
    };
  }

  /** Runs one invocation and checks everything the brief asks of its reply; returns the reply. */
  async function exercise(command: Command, options: Options, role: Role, preset: Preset, attachment?: AttachmentSpec): Promise<Reply> {
    const where = await prepare(role, preset, attachment);
    const guildId = where.guildId;
    const before = guildId ? await snapshot(guildId) : null;
    const context = `/${command.name} as ${role} with ${show(options)}`;
    let reply: Reply;
    try {
      const { ctx } = await contextFor(app, where);
      reply = await runCommand(command, ctx, options);
    } catch (error) {
      throw new Error(`${context} threw: ${(error as Error).stack}`, { cause: error });
    }
    tally.layer1++;
    const kinds = (tally.byCommand[command.name] ??= {});
    kinds[reply.kind] = (kinds[reply.kind] ?? 0) + 1;

    // Every page renders within Discord's limits, pings nobody, and its buttons bring back the same question.
    const first = await messageFor(reply, command.name, options, 0, store);
    for (let page = 0; page < Math.min(first.pages, 6); page++) {
      const { payload } = page === 0 ? first : await messageFor(reply, command.name, options, page, store);
      const problems = limitProblems(payload as Payloadish);
      if (problems.length) throw new Error(`${context}, page ${page + 1}: ${problems.join('; ')}`);
      expect(payload.allowedMentions, context).toEqual({ parse: [] });
      for (const button of payload.components.flatMap((r) => r.components)) {
        if (!('custom_id' in button) || button.disabled) continue;
        // A quiz's buttons answer a quiz kept in the store, not a page of the reply.
        const quiz = /^qz:([\w-]+):\d$/.exec(button.custom_id);
        if (quiz) {
          expect(await app.quizzes.get(quiz[1] ?? ''), `${context}: quiz button ${button.custom_id}`).not.toBeNull();
          continue;
        }
        const decoded = await decodePageState(button.custom_id, store);
        if (!decoded.ok) throw new Error(`${context}: page button ${button.custom_id} does not decode (${decoded.reason})`);
        expect(decoded.state.command, context).toBe(command.name);
        expect(decoded.state.options, context).toEqual(pageOptions(options));
      }
    }

    const payload: MessagePayload = first.payload;
    if (reply.kind !== 'answer') {
      // Mistakes and misses are private, and their explanation is shown whole (never cut to make room for an echo).
      expect(reply.ephemeral, context).toBe(true);
      expect(payload.flags, context).toBe(EPHEMERAL);
      const description = payload.embeds[0]?.description ?? '';
      if (!description.includes(discordText(reply.intro ?? ''))) throw new Error(`${context}: the ${reply.kind} explanation was cut: ${show(reply.intro)}`);
    }
    if (reply.kind === 'invalid' && !GUIDANCE.test(textOf(payload as Payloadish))) throw new Error(`${context}: invalid reply without the accepted form: ${show(reply.intro)}`);
    if (command.moderatorOnly && (role === 'member' || role === 'console')) expect(reply.kind, context).toBe('invalid');
    const refusal = mustRefuse(command, options);
    if (refusal && reply.kind === 'answer') throw new Error(`${context}: accepted although ${refusal}: ${show(reply.items)}`);

    if (guildId && before) {
      const after = await snapshot(guildId);
      // Only a moderator's accepted command may change anything; a refusal or a miss never does.
      if (!(command.moderatorOnly && reply.kind === 'answer' && (role === 'manager' || role === 'role-moderator'))) {
        if (show(after) !== show(before)) throw new Error(`${context}: ${reply.kind} reply "${reply.intro ?? reply.title}" changed state\nbefore ${show(before)}\nafter  ${show(after)}`);
      }
      // Leave nothing behind for later runs: uploads are removed from the live index too.
      for (const upload of after.library) {
        await app.library.remove(guildId, upload.id);
        app.corpus.removeUpload(upload.id);
      }
    }
    return reply;
  }

  for (const command of COMMANDS) {
    const withFile = command.subcommands?.some((s) => s.options.some((o) => o.type === 'attachment'));
    // Commands with many subcommands get more runs, so that each subcommand sees about as many as a plain command.
    const runs = Math.max(RUNS, Math.round((RUNS / 5) * invocationShapes(command).length));
    it(`/${command.name}: ${runs} hostile invocations, each as a manager, a plain member and a moderator by role or the console`, async () => {
      await fc.assert(
        fc.asyncProperty(optionsArb(command), presetArb, fc.constantFrom<Role>('role-moderator', 'console'), withFile ? fc.option(attachmentArb, { nil: undefined, freq: 6 }) : fc.constant(undefined), async (options, preset, third, attachment) => {
          await exercise(command, options, 'manager', preset, attachment);
          await exercise(command, options, 'member', preset, attachment);
          await exercise(command, options, third, preset, attachment);
        }),
        params(SEED + command.name.length * 1000 + (command.name.codePointAt(0) ?? 0), runs),
      );
    });
  }

  it('autocomplete answers at most 25 choices of at most 100 characters, whatever is typed', async () => {
    const withAutocomplete = COMMANDS.filter((c) => c.autocomplete);
    const focusArb = fc.constantFrom(...withAutocomplete).chain((command) => {
      const names = [...new Set(invocationShapes(command).flatMap((s) => s.options.map((o) => o.name)))];
      return fc.record({
        command: fc.constant(command),
        option: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(names.length ? names : ['x'])) }, { weight: 1, arbitrary: hostileString }),
        value: hostileString,
        options: optionsArb(command),
        role: fc.constantFrom<Role>('manager', 'member', 'console'),
      });
    });
    await fc.assert(
      fc.asyncProperty(focusArb, async ({ command, option, value, options, role }) => {
        const { ctx } = await contextFor(app, await prepare(role, { visibility: 'public', dateOrder: 'month-first', disableBundled: false, digestChannel: null }));
        const context = `/${command.name} autocomplete ${option}=${show(value)} as ${role}`;
        let choices;
        try {
          choices = await autocompleteCommand(command, ctx, option, value, options);
        } catch (error) {
          throw new Error(`${context} threw: ${(error as Error).stack}`, { cause: error });
        }
        tally.autocomplete++;
        expect(choices.length, context).toBeLessThanOrEqual(25);
        for (const c of choices) {
          if (c.name.length < 1 || c.name.length > 100 || c.value.length > 100) throw new Error(`${context}: choice out of bounds ${show(c)}`);
        }
      }),
      params(SEED + 1, RUNS * 4),
    );
  });

  it('the console parser turns any typed line into a reply, never an exception', async () => {
    const lineArb = fc.oneof(
      hostileString,
      fc.tuple(fc.constantFrom(...COMMANDS.map((c) => c.name), 'nope', ''), fc.array(fc.tuple(fc.constantFrom('speaker', 'date', 'query', 'section', 'document', 'kind', 'length', 'from', 'to', 'contains', 'x', ''), hostileString), { maxLength: 4 })).map(
        ([name, opts]) => `/${name} ${opts.map(([k, v]) => `${k}:${v}`).join(' ')}`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(lineArb, fc.constantFrom<Role>('console', 'manager'), async (line, role) => {
        const { ctx } = await contextFor(app, await prepare(role, { visibility: 'public', dateOrder: 'month-first', disableBundled: false, digestChannel: null }));
        const reply = await runLine(ctx, line).catch((error: unknown) => {
          throw new Error(`${show(line)} threw: ${(error as Error).stack}`, { cause: error });
        });
        tally.console++;
        const { payload } = await messageFor(reply, 'console', {}, 0, store);
        expect(limitProblems(payload as Payloadish), show(line)).toEqual([]);
        if (reply.kind !== 'answer') expect(reply.ephemeral).toBe(true);
      }),
      params(SEED + 2, RUNS * 2),
    );
  });
});

// ---- Layer 2: end to end, the real bot against the stand-in --------------------------------------------

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDA5.GstandIn.lectern-fuzz-token';
const MANAGE = String(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);
const MEMBER = String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);


type Sent = { name: string; options: unknown[]; permissions: string; autocomplete?: string; label: string };

describe('hostile options sent to the real bot through INTERACTION_CREATE', { timeout: 60_000 }, () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Fuzz club', channels: [{ name: 'reading' }] });
  const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-fuzz-e2e-'));
  const log = new LogCapture();
  let store: Keyv;
  let app: App;
  let bot: RunningBot;

  beforeAll(async () => {
    await standin.start();
    store = await openStore(`sqlite://${path.join(tmp, 'lectern.sqlite')}`, 'lectern');
    ({ bot, app } = await startTestBot({ standin, token: TOKEN, guildId: guild.id, store, tmp, logger: createLogger('info', TOKEN, log) }));
    await bot.commandsSynced;
  }, 30_000);

  afterAll(async () => {
    await bot?.stop();
    await store?.disconnect();
    await standin.stop();
    rmSync(tmp, { recursive: true, force: true });
    console.info(`[fuzz] seed ${SEED}: ${tally.e2e} interactions end to end`);
  });

  const str = (name: string, value: string) => ({ type: ApplicationCommandOptionType.String, name, value });
  const leaf = (name: string, options: unknown[]) => ({ type: ApplicationCommandOptionType.Subcommand, name, options });
  const group = (name: string, sub: unknown) => [{ type: ApplicationCommandOptionType.SubcommandGroup, name, options: [sub] }];
  const permissionsArb = fc.constantFrom(MANAGE, MEMBER);
  const v = hostileString;

  /** A handful of commands and settings, each with hostile values as Discord would deliver them. */
  const interactionArb: fc.Arbitrary<Sent> = fc.oneof(
    fc.record({ speaker: v, contains: fc.option(v, { nil: undefined }), permissions: permissionsArb }).map(({ speaker, contains, permissions }) => ({
      name: 'quote', label: 'quote', permissions, options: [str('speaker', speaker), ...(contains !== undefined ? [str('contains', contains)] : [])],
    })),
    fc.record({ date: fc.oneof(v, fc.constantFrom('Feb-30', '0000-00-00', '9999', '2025-13-45', 'Aug-29')), permissions: permissionsArb }).map(({ date, permissions }) => ({ name: 'event', label: 'event', permissions, options: [str('date', date)] })),
    fc.record({ query: v, document: fc.option(v, { nil: undefined }), permissions: permissionsArb }).map(({ query, document, permissions }) => ({
      name: 'search', label: 'search', permissions, options: [str('query', query), ...(document !== undefined ? [str('document', document)] : [])],
    })),
    fc.record({ section: v, length: fc.oneof(fc.constantFrom('short', 'long'), v), permissions: permissionsArb }).map(({ section, length, permissions }) => ({
      name: 'summary', label: 'summary', permissions, options: [str('section', section), str('length', length)],
    })),
    fc.record({ from: v, to: v, permissions: permissionsArb }).map(({ from, to, permissions }) => ({ name: 'timeline', label: 'timeline', permissions, options: [str('from', from), str('to', to)] })),
    fc.record({ setting: fc.constantFrom('digest-time', 'digest-timezone', 'digest-days', 'digest-content', 'visibility'), value: fc.oneof(v, fc.constantFrom('Mars/Olympus', 'UTC+99', '25:00', 'constructor', '__proto__')), permissions: permissionsArb }).map(
      ({ setting, value, permissions }) => {
        const option = { 'digest-time': 'time', 'digest-timezone': 'zone', 'digest-days': 'days', 'digest-content': 'parts', visibility: 'value' }[setting] ?? 'value';
        return { name: 'config', label: `config set ${setting}`, permissions, options: group('set', leaf(setting, [str(option, value)])) };
      },
    ),
    fc.record({ kind: fc.constantFrom('channel', 'role'), value: fc.oneof(fc.constantFrom('0', 'abc', '-1', '99999999999999999999', '<#123456789012345678>'), v), permissions: permissionsArb }).map(({ kind, value, permissions }) => ({
      name: 'config',
      label: `config set ${kind}`,
      permissions,
      options: group('set', leaf(kind === 'channel' ? 'digest-channel' : 'moderator-role', [{ type: kind === 'channel' ? ApplicationCommandOptionType.Channel : ApplicationCommandOptionType.Role, name: kind, value }])),
    })),
    fc.record({ hours: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(24, -1, 2 ** 53)), permissions: permissionsArb }).map(({ hours, permissions }) => ({
      name: 'config', label: 'config set digest-catch-up', permissions, options: group('set', leaf('digest-catch-up', [{ type: ApplicationCommandOptionType.Integer, name: 'hours', value: hours }])),
    })),
    fc.record({ value: v, permissions: permissionsArb }).map(({ value, permissions }) => ({ name: 'config', label: 'config reset', permissions, options: [leaf('reset', [str('setting', value)])] })),
    fc.record({ document: v }).map(({ document }) => ({ name: 'library', label: 'library remove', permissions: MANAGE, options: [leaf('remove', [str('document', document)])] })),
    fc.record({ name: fc.constantFrom('quote', 'summary'), value: v }).map(({ name, value }) => ({ name, label: `${name} autocomplete`, permissions: MEMBER, autocomplete: name === 'quote' ? 'speaker' : 'section', options: [{ ...str(name === 'quote' ? 'speaker' : 'section', value), focused: true }] })),
    fc.record({ value: v }).map(({ value }) => ({
      name: 'config', label: 'config autocomplete', permissions: MANAGE, autocomplete: 'zone',
      options: group('set', leaf('digest-timezone', [{ ...str('zone', value), focused: true }])),
    })),
  );

  it(`${E2E_RUNS} hostile interactions: every callback 2xx, within limits, no pings, no router failure, nothing changed by a refusal`, async () => {
    await fc.assert(
      fc.asyncProperty(interactionArb, async (spec) => {
        const before = JSON.stringify(await app.settings.get(guild.id));
        const mark = standin.requests.length;
        const logMark = log.lines.length;
        const sent = standin.sendInteraction(
          spec.autocomplete
            ? ({ kind: 'autocomplete', name: spec.name, focused: spec.autocomplete, options: spec.options, permissions: spec.permissions } as never)
            : ({ kind: 'command', name: spec.name, options: spec.options, permissions: spec.permissions } as never),
        );
        const context = `${spec.label} with ${show(spec.options)}`;
        const callback = await sent.callback(5000);
        tally.e2e++;
        const type = (callback.body as { type: number }).type;
        // A deferred reply is finished by an edit (or a private follow-up) on the interaction's webhook.
        if (type === 5 && spec.name !== 'library') throw new Error(`${context}: deferred although the index is ready`);
        if (type === 5) await standin.waitForRequest((r) => (r.method === 'PATCH' || r.method === 'POST') && r.route.startsWith(`/webhooks/${standin.applicationId}/${sent.token}`), 8000);
        const mine = standin.requests.slice(mark).filter((r: RecordedRequest) => r.route.includes(sent.token) || r.route.includes(sent.id));
        expect(mine.length, context).toBeGreaterThan(0);
        let kind: 'answer' | 'not-found' | 'invalid' | 'autocomplete' = 'answer';
        for (const r of mine) {
          if (r.status < 200 || r.status >= 300) throw new Error(`${context}: ${r.method} ${r.route} answered ${r.status} ${show(r.body)}`);
          if (r.method === 'DELETE' || r.method === 'GET') continue;
          const body = r.body as { type?: number; data?: Payloadish & { allowed_mentions?: unknown; flags?: number; choices?: Array<{ name: string; value: string }> } } & Payloadish & { allowed_mentions?: unknown; flags?: number };
          if (body.type === 8) {
            kind = 'autocomplete';
            const choices = body.data?.choices ?? [];
            expect(choices.length, context).toBeLessThanOrEqual(25);
            for (const c of choices) expect(c.name.length >= 1 && c.name.length <= 100 && String(c.value).length <= 100, `${context}: ${show(c)}`).toBe(true);
            continue;
          }
          if (body.type === 5) {
            // Moderator commands defer privately, so that a refusal never shows in the channel.
            expect(((body.data?.flags ?? 0) & EPHEMERAL) !== 0, `${context}: a moderator command must defer privately`).toBe(true);
            continue;
          }
          const data = body.type === 4 ? body.data ?? {} : body;
          const problems = limitProblems(data);
          if (problems.length) throw new Error(`${context}: ${problems.join('; ')}`);
          expect(data.allowed_mentions, context).toEqual({ parse: [] });
          const title = data.embeds?.[0]?.title;
          if (title === 'Check that option' || title === 'Nothing found') {
            kind = title === 'Check that option' ? 'invalid' : 'not-found';
            // A reply to a deferral takes the deferral's privacy (moderator commands defer privately).
            if (body.type === 4 || r.method === 'POST') expect(((data.flags ?? 0) & EPHEMERAL) !== 0, `${context}: a ${kind} reply must be private`).toBe(true);
          }
        }
        // Give a failure's log line a moment to land: the router logs before it answers, but be sure.
        await new Promise((resolve) => setImmediate(resolve));
        const errors = log.lines.slice(logMark).filter((l) => Number((JSON.parse(l) as { level?: number }).level) >= 50);
        if (errors.length) throw new Error(`${context}: the bot logged ${errors.map((l) => l.slice(0, 600)).join('\n')}`);
        if (kind === 'invalid' || kind === 'not-found' || spec.permissions === MEMBER) expect(JSON.stringify(await app.settings.get(guild.id)), `${context} changed settings`).toBe(before);
      }),
      params(SEED + 3, E2E_RUNS),
    );
    const failures = log.entries().filter((e) => Number(e.level) >= 50);
    expect(failures.map((e) => `${String(e.msg)} ${show(e.err)}`)).toEqual([]);
    expect(log.lines.join('\n')).not.toContain('interaction failed');
  });
});
