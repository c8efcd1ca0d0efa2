// End to end: a moderator turns the digest on with exactly the commands the README names, through real
// interactions against the local Discord stand-in, and gets one digest at the set time; every answer on the way
// says truthfully when the next one posts or what stops it.
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot } from '../../src/discord/bot.ts';
import { startDigestBot } from '../support/digest-bot.ts';
import { DiscordStandIn } from '../support/discord-standin.ts';

const TOKEN = 'MTQwMDAwMDAwMDAwMDAwMDA0.Gswitch.lectern-e2e-digest-switch';
const MANAGE = String(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel);

type Data = { embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }> }> };
const textOf = (d: Data) => (d.embeds ?? []).flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]).filter(Boolean).join('\n');

describe('one switch for the digest, as the README tells a moderator to use it', { timeout: 20_000 }, () => {
  const standin = new DiscordStandIn({ token: TOKEN });
  const guild = standin.addGuild({ name: 'Readers', channels: [{ name: 'general' }, { name: 'reading' }] });
  const channel = guild.channels[1]!.id;
  // Saturday 29 August 2026, 07:00 in Helsinki (04:00 UTC): an hour before the digest time the moderator picks.
  let clock = new Date('2026-08-29T04:00:00Z');
  let bot: RunningBot;
  let stop: () => Promise<void>;
  const posts = () => standin.messagesIn(channel);

  const sub = (name: string, group: string | null, options: Record<string, string>, types: Record<string, ApplicationCommandOptionType> = {}) => {
    const leaf = { type: ApplicationCommandOptionType.Subcommand, name, options: Object.entries(options).map(([n, value]) => ({ name: n, value, type: types[n] ?? ApplicationCommandOptionType.String })) };
    return group ? [{ type: ApplicationCommandOptionType.SubcommandGroup, name: group, options: [leaf] }] : [leaf];
  };
  const ask = async (name: string, options: ReturnType<typeof sub>): Promise<string> => {
    const reply = await standin.sendInteraction({ kind: 'command', name, options: options as never, permissions: MANAGE }).callback();
    return textOf((reply.body as { data: Data }).data);
  };
  const nextDigest = (text: string) => /\*\*next digest\*\*\n> (.*)/.exec(text)?.[1];

  beforeAll(async () => {
    ({ bot, stop } = await startDigestBot({ standin, token: TOKEN, guildId: guild.id, now: () => clock }));
    await bot.commandsSynced;
  });
  afterAll(() => stop?.());

  it('says what stops the digest at each step, then when it posts, and posts it once at the set time', async () => {
    expect(nextDigest(await ask('config', sub('show', null, {})))).toBe(
      'none, because the digest is off (`/digest resume` or `/config set digest state:on`) and no channel is set (`/config set digest-channel`)',
    );
    const channelSet = await ask('config', sub('digest-channel', 'set', { channel }, { channel: ApplicationCommandOptionType.Channel }));
    expect(channelSet).toContain(`not set → <#${channel}>`);
    expect(nextDigest(channelSet)).toBe('none, because the digest is off (`/digest resume` or `/config set digest state:on`)');
    expect(nextDigest(await ask('config', sub('digest-timezone', 'set', { zone: 'Europe/Helsinki' })))).toMatch(/^none, because the digest is off/);
    expect(nextDigest(await ask('config', sub('digest-time', 'set', { time: '08:00' })))).toMatch(/^none, because the digest is off/);

    // The case that used to fail: resuming a digest that was off turns it on, and says so.
    const resumed = await ask('digest', sub('resume', null, {}));
    expect(resumed).toContain('The digest was off; it is on now.');
    expect(nextDigest(resumed)).toBe(`Sat, 29 Aug 2026, 08:00 EEST (<t:${Date.parse('2026-08-29T05:00:00Z') / 1000}:R>) in <#${channel}>`);

    await bot.scheduler()?.tick();
    expect(posts()).toHaveLength(0);
    clock = new Date('2026-08-29T05:00:20Z');
    await bot.scheduler()?.tick();
    await bot.scheduler()?.tick();
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.embeds[0]?.title).toBe('Daily digest — 2026-08-29');

    // Today's is out, so the next one is tomorrow's.
    clock = new Date('2026-08-29T05:01:00Z');
    expect(nextDigest(await ask('config', sub('show', null, {})))).toMatch(/^Sun, 30 Aug 2026, 08:00 EEST/);
  });

  it('pauses from /digest or /config, and every answer says what stops it and how to start it again', async () => {
    const paused = await ask('digest', sub('pause', null, {}));
    expect(paused).toContain('The digest was on; it is paused now.');
    expect(nextDigest(paused)).toBe('none, because the digest is paused (`/digest resume`)');
    expect(nextDigest(await ask('config', sub('digest-days', 'set', { days: 'weekdays' })))).toBe('none, because the digest is paused (`/digest resume`)');
    const off = await ask('config', sub('digest', 'set', { state: 'off' }));
    expect(off).toContain('paused → off');
    expect(nextDigest(off)).toMatch(/^none, because the digest is off/);
    const on = await ask('config', sub('digest', 'set', { state: 'on' }));
    // Weekdays only now: Sunday's is skipped, Monday's is next.
    expect(nextDigest(on)).toMatch(/^Mon, 31 Aug 2026, 08:00 EEST/);
    clock = new Date('2026-08-30T05:00:20Z');
    await bot.scheduler()?.tick();
    expect(posts()).toHaveLength(1);
    const preview = await ask('digest', sub('preview', null, {}));
    expect(preview).toMatch(/Next digest: Mon, 31 Aug 2026, 08:00 EEST/);
    // Back to every day, 20 seconds after Sunday's time: Sunday's is due, and the scheduler posts it.
    const reset = await ask('config', sub('reset', null, { setting: 'digest-days' }));
    expect(reset).toContain('mon, tue, wed, thu, fri → every day');
    expect(nextDigest(reset)).toBe(`now: 2026-08-30's digest is due and posts in <#${channel}> within a minute`);
    await bot.scheduler()?.tick();
    expect(posts()).toHaveLength(2);
    expect(nextDigest(await ask('config', sub('show', null, {})))).toMatch(/^Mon, 31 Aug 2026, 08:00 EEST/);
  });
});
