// The slash commands as Discord registers them, built from the commands' own option lists.
import {
  ApplicationCommandOptionType,
  ChannelType,
  PermissionFlagsBits,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/commands/command.ts';
import type { OptionSpec } from '../../src/reply/option-spec.ts';
import { COMMANDS, findCommand } from '../../src/commands/index.ts';
import { commandData, commandsHash } from '../../src/discord/command-data.ts';

const command = (name: string): Command => {
  const found = findCommand(name);
  if (!found) throw new Error(`no /${name}`);
  return found;
};
const data = (name: string) => commandData(command(name));
type Options = RESTPostAPIChatInputApplicationCommandsJSONBody['options'];
const option = (options: Options, name: string) => {
  const found = options?.find((o) => o.name === name);
  if (!found) throw new Error(`no option ${name}`);
  return found as APIApplicationCommandOption & Record<string, unknown>;
};

const DISCORD_TYPE: Record<OptionSpec['type'], ApplicationCommandOptionType> = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  channel: ApplicationCommandOptionType.Channel,
  role: ApplicationCommandOptionType.Role,
  attachment: ApplicationCommandOptionType.Attachment,
};

describe('options', () => {
  it('a string option keeps its limit, requiredness and autocomplete', () => {
    expect(option(data('quote').options, 'speaker')).toEqual({
      type: ApplicationCommandOptionType.String,
      name: 'speaker',
      description: 'Who said it (name, surname or alias)',
      required: true,
      autocomplete: true,
      max_length: 100,
    });
  });

  it('choices become name/value pairs, in order, and are not also autocompleted', () => {
    const kind = option(data('quote').options, 'kind');
    expect(kind.choices).toEqual([
      { name: 'direct', value: 'direct' },
      { name: 'indirect', value: 'indirect' },
      { name: 'block', value: 'block' },
    ]);
    expect(kind.required).toBe(false);
    // Discord refuses an option with both; the choices win.
    const quote = command('quote');
    const both = quote.options.map((o) => (o.name === 'kind' ? { ...o, autocomplete: true } : o));
    expect(option(commandData({ ...quote, options: both }).options, 'kind')).toMatchObject({ choices: kind.choices, autocomplete: undefined });
  });

  it('every kind of option gets its Discord type; a channel is a text or announcement channel', () => {
    const config = data('config');
    const set = option(config.options, 'set').options as Options;
    // Each `/config set …` subcommand has one option, the setting's value.
    const settingOption = (sub: string) => (option(set, sub).options as Options)?.[0];
    expect(option(data('timeline').options, 'picture').type).toBe(ApplicationCommandOptionType.Boolean);
    expect(settingOption('digest-catch-up')).toMatchObject({ type: ApplicationCommandOptionType.Integer, name: 'hours', required: true });
    expect(settingOption('moderator-role')).toMatchObject({ type: ApplicationCommandOptionType.Role, name: 'role' });
    expect(settingOption('digest-channel')).toMatchObject({
      type: ApplicationCommandOptionType.Channel,
      channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
    });
    const add = option(data('library').options, 'add').options as Options;
    expect(option(add, 'file')).toMatchObject({ type: ApplicationCommandOptionType.Attachment, required: false });
    expect(option(add, 'url')).toMatchObject({ type: ApplicationCommandOptionType.String, max_length: 2000 });
  });

  it('every option of every command is registered as its spec says', () => {
    const check = (spec: OptionSpec, registered: APIApplicationCommandOption & Record<string, unknown>, where: string) => {
      expect(registered.type, where).toBe(DISCORD_TYPE[spec.type]);
      expect(registered.description, where).toBe(spec.description);
      expect(registered.required, where).toBe(!!spec.required);
      expect(registered.max_length, where).toBe(spec.maxLength);
      expect(registered.choices, where).toEqual(spec.choices?.map((c) => ({ name: c, value: c })));
      expect(registered.autocomplete, where).toBe(spec.autocomplete && !spec.choices ? true : undefined);
    };
    let checked = 0;
    for (const c of COMMANDS) {
      const d = commandData(c);
      for (const spec of c.options) {
        check(spec, option(d.options, spec.name), `/${c.name} ${spec.name}`);
        checked++;
      }
      for (const sub of c.subcommands ?? []) {
        const holder = sub.group ? (option(d.options, sub.group).options as Options) : d.options;
        const registered = option(holder, sub.name);
        const subOptions = registered.options as Options;
        expect(registered.type).toBe(ApplicationCommandOptionType.Subcommand);
        expect(subOptions?.map((o) => o.name)).toEqual(sub.options.map((o) => o.name));
        for (const spec of sub.options) {
          check(spec, option(subOptions, spec.name), `/${c.name} ${sub.name} ${spec.name}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe('subcommands', () => {
  it('without a group are listed in order', () => {
    const quiz = data('quiz');
    expect(quiz.options?.map((o) => [o.type, o.name])).toEqual([
      [ApplicationCommandOptionType.Subcommand, 'question'],
      [ApplicationCommandOptionType.Subcommand, 'scores'],
    ]);
    expect(option(quiz.options, 'scores').options).toEqual([]);
  });

  it('of one group sit in that group, placed where its first subcommand stands', () => {
    const config = data('config');
    expect(config.options?.map((o) => [o.type, o.name])).toEqual([
      [ApplicationCommandOptionType.Subcommand, 'show'],
      [ApplicationCommandOptionType.SubcommandGroup, 'set'],
      [ApplicationCommandOptionType.Subcommand, 'reset'],
      [ApplicationCommandOptionType.Subcommand, 'history'],
    ]);
    const set = option(config.options, 'set');
    expect(set.description).toBe('set a setting');
    const grouped = (command('config').subcommands ?? []).filter((s) => s.group === 'set').map((s) => s.name);
    expect(grouped).toContain('digest-time');
    expect((set.options as Options)?.map((o) => o.name)).toEqual(grouped);
  });
});

describe('who sees a command', () => {
  it('moderator commands need Manage Server and exist only in servers; the others are for everyone', () => {
    for (const c of COMMANDS) {
      const d = commandData(c);
      if (c.moderatorOnly) {
        expect(d.default_member_permissions, c.name).toBe(String(PermissionFlagsBits.ManageGuild));
        expect(d.contexts, c.name).toEqual([0]);
      } else {
        expect(d.default_member_permissions, c.name).toBeUndefined();
        expect(d.contexts, c.name).toEqual(c.discordServersOnly ? [0] : undefined);
      }
    }
    expect(COMMANDS.filter((c) => c.moderatorOnly).map((c) => c.name)).toEqual(['config', 'library', 'digest']);
  });

  it('/quiz is offered in servers only: its quizzes and scores belong to one (the console asks its own, tests/console/quiz.test.ts)', () => {
    expect(COMMANDS.filter((c) => c.discordServersOnly).map((c) => c.name)).toEqual(['quiz']);
    expect(commandData(command('quiz')).contexts).toEqual([0]);
  });
});

describe('checks before registering', () => {
  it('refuses a name or description Discord would refuse', () => {
    const help = command('help');
    expect(() => commandData({ ...help, name: 'Help Me' })).toThrow();
    expect(() => commandData({ ...help, description: 'x'.repeat(101) })).toThrow();
    expect(() => commandData({ ...help, description: 'x'.repeat(100) })).not.toThrow();
  });
});

describe('the fingerprint', () => {
  const all = () => COMMANDS.map(commandData);

  it('is 16 hex digits and the same for the same definitions', () => {
    expect(commandsHash(all())).toMatch(/^[0-9a-f]{16}$/);
    expect(commandsHash(all())).toBe(commandsHash(all()));
  });

  it('changes with a description, an option or the order of commands', () => {
    const base = commandsHash(all());
    const help = command('help');
    const edited = COMMANDS.map((c) => commandData(c === help ? { ...help, description: 'What Lectern answers' } : c));
    expect(commandsHash(edited)).not.toBe(base);
    const quote = command('quote');
    const fewer = COMMANDS.map((c) => commandData(c === quote ? { ...quote, options: quote.options.slice(0, -1) } : c));
    expect(commandsHash(fewer)).not.toBe(base);
    expect(commandsHash([...all()].reverse())).not.toBe(base);
  });
});
