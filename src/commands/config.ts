import { clip } from '../reply/clip.ts';
import { answer, invalid, privately, type Reply, type ReplyItem } from '../reply/reply.ts';
import { rich, sameText, time, user } from '../reply/rich-text.ts';
import { DEFAULTS, findSetting, SETTINGS, suggestTimeZones } from '../settings/definitions.ts';
import { SUBCOMMAND, type Command, type CommandContext, type Options } from './command.ts';
import { nextDigestItem } from './digest-status.ts';

const SHOW_HISTORY = 10;

const isDigestSetting = (name: string) => name === 'digest' || name.startsWith('digest-');

/** The checks every configuring command shares: in a server, by someone allowed to configure. */
export function requireModerator(ctx: CommandContext): Reply | null {
  if (!ctx.invoker || !ctx.services) return invalid('This works in a Discord server, not in the console.');
  if (!ctx.invoker.canConfigure) return invalid('Only members with Manage Server, or the moderator role, can change Lectern’s settings.');
  return null;
}

async function show(ctx: CommandContext): Promise<Reply> {
  const { invoker, services } = ctx;
  if (!invoker || !services) return invalid('This works in a Discord server.');
  const settings = await services.settings.get(invoker.guildId);
  const items: ReplyItem[] = SETTINGS.map((def) => {
    const value = def.show(settings);
    const fallback = def.show(DEFAULTS);
    return { heading: def.name, text: rich(value, sameText(value, fallback) ? ' (default)' : rich(' (default: ', fallback, ')')) };
  });
  items.push(await nextDigestItem(services, invoker, settings));
  const failure = await services.digest?.lastError(invoker.guildId);
  if (failure) {
    items.push({
      heading: 'last digest failed',
      text: `${failure.day}: ${failure.message}${failure.code ? ` (Discord ${failure.code})` : ''}. Once the channel and Lectern’s permissions there are fixed, the next digest goes out as usual.`,
    });
  }
  const scope = services.corpus.scopeFor(invoker.guildId, settings);
  items.push({ heading: 'reading list', text: `${scope.size} document${scope.size === 1 ? '' : 's'} (see /library list)` });
  return privately(answer('Lectern settings', items, 'Change one with `/config set <setting>`, undo with `/config reset <setting>`.'));
}

async function set(ctx: CommandContext, name: string, options: Options): Promise<Reply> {
  const def = findSetting(name);
  const { invoker, services } = ctx;
  if (!def || !invoker || !services) return invalid(`There is no setting called "${clip(name, 40)}". Settings: ${SETTINGS.map((s) => s.name).join(', ')}.`);
  const parsed = def.parse(options[def.option.name]?.trim() ?? '');
  if (!parsed.ok) return invalid(parsed.message);
  const before = def.show(await services.settings.get(invoker.guildId));
  const after = await services.settings.update(invoker.guildId, { id: invoker.userId, name: invoker.userName }, def.name, parsed.apply, def.show);
  const now = def.show(after);
  const items: ReplyItem[] = [{ heading: def.name, text: sameText(before, now) ? rich(now, ' (unchanged)') : rich(before, ' → ', now) }];
  // Any digest setting can start or stop the digest, or move it: say what it does now.
  if (isDigestSetting(def.name)) items.push(await nextDigestItem(services, invoker, after));
  return privately(answer('Setting saved', items));
}

async function reset(ctx: CommandContext, name: string | undefined): Promise<Reply> {
  const { invoker, services } = ctx;
  if (!invoker || !services) return invalid('This works in a Discord server.');
  const defs = name ? [findSetting(name)] : SETTINGS;
  if (defs.some((d) => !d)) return invalid(`There is no setting called "${clip(name ?? '', 40)}". Settings: ${SETTINGS.map((s) => s.name).join(', ')}.`);
  const items: ReplyItem[] = [];
  for (const def of defs) {
    if (!def) continue;
    const before = def.show(await services.settings.get(invoker.guildId));
    const after = def.show(await services.settings.update(invoker.guildId, { id: invoker.userId, name: invoker.userName }, def.name, (s) => def.reset(s, DEFAULTS), def.show));
    if (!sameText(before, after)) items.push({ heading: def.name, text: rich(before, ' → ', after) });
  }
  if (defs.some((d) => d && isDigestSetting(d.name))) items.push(await nextDigestItem(services, invoker));
  if (!items.some((i) => i.heading !== 'next digest')) items.unshift({ text: 'Already at the defaults; nothing changed.' });
  return privately(answer(name ? `Reset ${name}` : 'Reset every setting', items));
}

async function history(ctx: CommandContext): Promise<Reply> {
  const { invoker, services } = ctx;
  if (!invoker || !services) return invalid('This works in a Discord server.');
  const changes = (await services.settings.history(invoker.guildId)).slice(0, SHOW_HISTORY);
  if (!changes.length) return privately(answer('Settings history', [{ text: 'No changes yet.' }]));
  const { timeZone } = (await services.settings.get(invoker.guildId)).digest;
  return privately(
    answer(
      'Settings history',
      changes.map((c) => ({ heading: rich(`${c.setting} · `, time(Date.parse(c.at), 'full', timeZone)), text: rich(c.old, ' → ', c.new, ', by ', user(c.userId, c.userName)) })),
      `The last ${changes.length} change${changes.length === 1 ? '' : 's'}, newest first.`,
    ),
  );
}

export const config: Command = {
  name: 'config',
  description: 'Lectern’s settings for this server (moderators)',
  options: [],
  moderatorOnly: true,
  subcommands: [
    { name: 'show', description: 'Every setting, its value and default, and the next digest', options: [] },
    ...SETTINGS.map((def) => ({ group: 'set', name: def.name, description: def.description, options: [def.option] })),
    {
      name: 'reset',
      description: 'Put one setting, or all of them, back to the default',
      options: [{ name: 'setting', description: 'The setting (all when left out)', type: 'string' as const, choices: SETTINGS.map((s) => s.name) }],
    },
    { name: 'history', description: 'The last changes: who, when, old → new', options: [] },
  ],
  async run(ctx, options) {
    const denied = requireModerator(ctx);
    if (denied) return denied;
    const [first, second] = (options[SUBCOMMAND] ?? '').split(' ');
    if (first === 'show') return show(ctx);
    if (first === 'set' && second) return set(ctx, second, options);
    if (first === 'reset') return reset(ctx, options.setting?.trim() || undefined);
    if (first === 'history') return history(ctx);
    return invalid('Use `/config show`, `/config set <setting>`, `/config reset` or `/config history`.');
  },
  autocomplete(_ctx, option, value) {
    return option === 'zone' ? suggestTimeZones(value).map((z) => ({ name: z, value: z })) : [];
  },
};
