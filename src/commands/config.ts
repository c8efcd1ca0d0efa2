import { clip } from '../reply/clip.ts';
import { answer, invalid, privately, type Reply, type ReplyItem } from '../reply/reply.ts';
import { rich, sameText, time, user } from '../reply/rich-text.ts';
import { DEFAULTS, findSetting, SETTINGS, suggestTimeZones, type SettingDefinition } from '../settings/definitions.ts';
import { SUBCOMMAND, type Options } from './command.ts';
import { nextDigestItem } from './digest-status.ts';
import { actorOf, forModerators } from './moderator.ts';
import type { ServerCommand, ServerContext } from './server-command.ts';
import { bySubcommand, type Handler } from './subcommands.ts';

const SHOW_HISTORY = 10;

const isDigestSetting = (name: string) => name === 'digest' || name.startsWith('digest-');
const noSuchSetting = (name: string) => invalid(`There is no setting called "${clip(name, 40)}". Settings: ${SETTINGS.map((s) => s.name).join(', ')}.`);

async function show({ invoker, services }: ServerContext): Promise<Reply> {
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

async function set({ invoker, services }: ServerContext, def: SettingDefinition, options: Options): Promise<Reply> {
  const parsed = def.parse(options[def.option.name]?.trim() ?? '');
  if (!parsed.ok) return invalid(parsed.message);
  const before = def.show(await services.settings.get(invoker.guildId));
  const after = await services.settings.update(invoker.guildId, actorOf(invoker), def.name, parsed.apply, def.show);
  const now = def.show(after);
  const items: ReplyItem[] = [{ heading: def.name, text: sameText(before, now) ? rich(now, ' (unchanged)') : rich(before, ' → ', now) }];
  // Any digest setting can start or stop the digest, or move it: say what it does now.
  if (isDigestSetting(def.name)) items.push(await nextDigestItem(services, invoker, after));
  return privately(answer('Setting saved', items));
}

async function reset({ invoker, services }: ServerContext, options: Options): Promise<Reply> {
  const name = options.setting?.trim() || undefined;
  const defs = name ? [findSetting(name)] : SETTINGS;
  if (defs.some((d) => !d)) return noSuchSetting(name ?? '');
  const items: ReplyItem[] = [];
  for (const def of defs) {
    if (!def) continue;
    const before = def.show(await services.settings.get(invoker.guildId));
    const after = def.show(await services.settings.update(invoker.guildId, actorOf(invoker), def.name, (s) => def.reset(s, DEFAULTS), def.show));
    if (!sameText(before, after)) items.push({ heading: def.name, text: rich(before, ' → ', after) });
  }
  if (defs.some((d) => d && isDigestSetting(d.name))) items.push(await nextDigestItem(services, invoker));
  if (!items.some((i) => i.heading !== 'next digest')) items.unshift({ text: 'Already at the defaults; nothing changed.' });
  return privately(answer(name ? `Reset ${name}` : 'Reset every setting', items));
}

async function history({ invoker, services }: ServerContext): Promise<Reply> {
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

/** `/config set <setting>`: one handler per setting. */
const setters: Record<string, Handler<ServerContext>> = Object.fromEntries(SETTINGS.map((def) => [`set ${def.name}`, (ctx: ServerContext, options: Options) => set(ctx, def, options)]));

/** A path no handler has: a setting a newer or older version had (Discord may still offer it), or a typo. */
function otherwise(_ctx: ServerContext, options: Options): Reply {
  const [first, second] = (options[SUBCOMMAND] ?? '').split(' ');
  if (first === 'set' && second && !findSetting(second)) return noSuchSetting(second);
  return invalid('Use `/config show`, `/config set <setting>`, `/config reset` or `/config history`.');
}

export const config: ServerCommand = {
  name: 'config',
  description: 'Lectern’s settings for this server (moderators)',
  options: [],
  moderatorOnly: true,
  needsServer: true,
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
  run: forModerators(bySubcommand({ show, ...setters, reset, history }, otherwise)),
  autocomplete(_ctx, option, value) {
    return option === 'zone' ? suggestTimeZones(value).map((z) => ({ name: z, value: z })) : [];
  },
};
