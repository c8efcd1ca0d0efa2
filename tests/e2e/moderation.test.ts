// End to end: moderators configure the bot and upload a document through real interactions, against the
// local Discord stand-in (the attachment is served by it, as Discord's CDN would), with a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import type Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App } from '../../src/app/app.ts';
import { type RunningBot } from '../../src/discord/bot.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startTestBot } from '../support/test-bot.ts';
import { DiscordStandIn, type RecordedRequest } from '../support/discord-standin.ts';
import { makePdf } from '../support/make-documents.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDAx.GstandIn.lectern-moderation-token';
const MANAGE = String(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);
const MEMBER = String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);

type Data = { embeds?: Array<{ title?: string; description?: string }>; flags?: number; content?: string; allowed_mentions?: unknown };
const dataOf = (r: RecordedRequest): Data => ((r.body as { data?: Data }).data ?? (r.body as Data)) ?? {};
const textOf = (d: Data) => [d.content, ...(d.embeds ?? []).flatMap((e) => [e.title, e.description])].filter(Boolean).join('\n');

describe('moderators configure Lectern and manage the reading list', { timeout: 15_000 }, () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Seminar', channels: [{ name: 'reading' }] });
  const tmp = mkdtempSync(path.join(tmpdir(), 'lectern-moderation-'));
  let store: Keyv;
  let app: App;
  let bot: RunningBot;

  /** A subcommand invocation, as Discord nests it: group → subcommand → options. */
  const sub = (name: string, group: string | null, options: Record<string, string | number>, types: Record<string, ApplicationCommandOptionType> = {}) => {
    const leaf = { type: ApplicationCommandOptionType.Subcommand, name, options: Object.entries(options).map(([n, value]) => ({ name: n, value, type: types[n] ?? ApplicationCommandOptionType.String })) };
    return group ? [{ type: ApplicationCommandOptionType.SubcommandGroup, name: group, options: [leaf] }] : [leaf];
  };
  /** Sends a command and returns what the user finally sees (the reply, or the edit of a deferred one). */
  const ask = async (name: string, options: ReturnType<typeof sub>, permissions = MANAGE, extra: Parameters<typeof standin.sendInteraction>[0] extends infer T ? Partial<T> : never = {}) => {
    const sent = standin.sendInteraction({ kind: 'command', name, options: options as never, permissions, ...(extra as object) } as never);
    const callback = await sent.callback();
    if ((callback.body as { type: number }).type !== 5) return { data: dataOf(callback), callback };
    const edit = await standin.waitForRequest((r) => (r.method === 'PATCH' || r.method === 'POST') && r.route.startsWith(`/webhooks/${standin.applicationId}/${sent.token}`), 8000);
    return { data: dataOf(edit), callback };
  };

  beforeAll(async () => {
    await standin.start();
    store = await openStore(`sqlite://${path.join(tmp, 'lectern.sqlite')}`, 'lectern');
    ({ bot, app } = await startTestBot({ standin, token: TOKEN, guildId: guild.id, store, tmp }));
    await bot.commandsSynced;
  });

  afterAll(async () => {
    await bot?.stop();
    await store?.disconnect();
    await standin.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses a member without Manage Server or the moderator role, privately', async () => {
    const { data } = await ask('config', sub('digest-time', 'set', { time: '07:30' }), MEMBER);
    expect(data.flags).toBe(64);
    expect(textOf(data)).toMatch(/Only members with Manage Server, or the moderator role/);
    expect((await app.settings.get(guild.id)).digest.time).toBe('08:00');
  });

  it('rejects an invalid value with the accepted form, and changes nothing', async () => {
    const { data } = await ask('config', sub('digest-time', 'set', { time: '25:00' }));
    expect(data.flags).toBe(64);
    expect(textOf(data)).toContain('Time must be HH:MM, e.g. 08:00');
    const zone = await ask('config', sub('digest-timezone', 'set', { zone: 'Mars/Olympus_Mons' }));
    expect(textOf(zone.data)).toContain('IANA name');
    expect((await app.settings.get(guild.id)).digest).toMatchObject({ time: '08:00', timeZone: 'UTC' });
  });

  it('saves settings with a channel option, shows them with the next digest, and keeps a history', async () => {
    const channelId = guild.channels[0]!.id;
    await ask('config', sub('digest-channel', 'set', { channel: channelId }, { channel: ApplicationCommandOptionType.Channel }));
    await ask('config', sub('digest-timezone', 'set', { zone: 'Europe/Helsinki' }));
    await ask('config', sub('digest', 'set', { state: 'on' }));
    // Two hours ahead of Helsinki's clock, so today's digest is never already due whenever the suite runs
    // (inside the catch-up window the status says "now" instead of a time).
    const helsinkiIn = (hours: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .format(new Date(Date.now() + hours * 3600_000));
    const ahead = helsinkiIn(2) === '08:00' ? helsinkiIn(3) : helsinkiIn(2); // a change, never the default again
    const [hh, mm] = ahead.split(':');
    const saved = await ask('config', sub('digest-time', 'set', { time: `${Number(hh)}:${mm}` }));
    expect(textOf(saved.data)).toContain(`08:00 → ${ahead}`);

    const shown = textOf((await ask('config', sub('show', null, {}))).data);
    expect(shown).toContain(`<#${channelId}>`);
    expect(shown).toContain('Europe/Helsinki');
    expect(shown).toMatch(new RegExp(`next digest[\\s\\S]*${ahead} EES?T`));

    const history = textOf((await ask('config', sub('history', null, {}))).data);
    expect(history).toContain('digest-time');
    expect(history).toContain(`08:00 → ${ahead}`);
  });

  it('offers time zones in autocomplete', async () => {
    const focused = [
      {
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: 'set',
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'digest-timezone', options: [{ type: ApplicationCommandOptionType.String, name: 'zone', value: 'helsin', focused: true }] }],
      },
    ];
    const sent = standin.sendInteraction({ kind: 'autocomplete', name: 'config', focused: 'zone', options: focused as never });
    const body = (await sent.callback()).body as { type: number; data: { choices: Array<{ value: string }> } };
    expect(body.type).toBe(8);
    expect(body.data.choices[0]?.value).toBe('Europe/Helsinki');
  });

  it('adds an uploaded document that this server’s questions then read', async () => {
    const file = standin.hostAttachment('harbour.md', Buffer.from('---\ntitle: Harbour notes\ndate: 2025-03-03\n---\n\n"We will rebuild the pier before the summer," said Mayor Ann Lee.\n'));
    const { data, callback } = await ask(
      'library',
      [{ type: ApplicationCommandOptionType.Subcommand, name: 'add', options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: file.id }] }],
      MANAGE,
      { attachments: [file] } as never,
    );
    // Downloading may take a moment: the reply is deferred, privately.
    expect((callback.body as { type: number; data?: { flags?: number } }).type).toBe(5);
    expect(textOf(data)).toContain('Harbour notes');
    const answer = await ask('quote', [{ type: ApplicationCommandOptionType.String, name: 'speaker', value: 'Ann Lee' }] as never, MEMBER);
    expect(textOf(answer.data)).toContain('We will rebuild the pier');
    expect(textOf(answer.data)).toContain('harbour.md, line 6, 2025-03-03');
  });

  it('adds a PDF whose answers cite the page', async () => {
    const pdf = await makePdf(
      [{ lines: ['The harbour board met on 3 March 2025.'] }, { lines: ['"The lighthouse stays lit," said Ola Brun, the harbour master.'] }],
      { title: 'Harbour board report', created: new Date('2025-03-04T09:00:00Z'), furniture: true },
    );
    const file = standin.hostAttachment('board.pdf', pdf, 'application/pdf');
    const { data } = await ask('library', [{ type: ApplicationCommandOptionType.Subcommand, name: 'add', options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: file.id }] }], MANAGE, {
      attachments: [file],
    } as never);
    expect(textOf(data)).toContain('Harbour board report');
    const answer = await ask('quote', [{ type: ApplicationCommandOptionType.String, name: 'speaker', value: 'Ola Brun' }] as never, MEMBER);
    expect(textOf(answer.data)).toContain('The lighthouse stays lit');
    expect(textOf(answer.data)).toContain('board.pdf, p. 2, line 2, 2025-03-04');
  });
});
