import { SUBCOMMAND, type Command, type Options } from '../commands/command.ts';
import { exampleOf } from '../commands/help.ts';
import { COMMANDS, findCommand } from '../commands/index.ts';

export type ParsedLine = { ok: true; command: Command; options: Options } | { ok: false; message: string; command?: Command };

/**
 * `name:` where an option would start. An unknown name counts only when a value follows at once (so "said: no"
 * or a URL's "https://" inside a value are left alone).
 */
const OPTION_MARK = /(?:^|\s)([A-Za-z][\w-]*):(?!\/\/)/g;

/**
 * "/quote speaker:Alexander Stubb kind:direct" → the command and its options, checked as Discord would:
 * known options only, required ones present, choices respected, lengths within limits.
 */
export function parseCommandLine(line: string): ParsedLine {
  const text = line.trim();
  const m = /^\/?([\w-]+)\s*(.*)$/s.exec(text);
  if (!m) return { ok: false, message: `Type a command such as \`/quote speaker:Stubb\`. Commands: ${COMMANDS.map((c) => `/${c.name}`).join(', ')}.` };
  const command = findCommand(m[1] ?? '');
  if (!command) return { ok: false, message: `There is no /${m[1]} command. Commands: ${COMMANDS.map((c) => `/${c.name}`).join(', ')}.` };
  const fail = (message: string): ParsedLine => ({ ok: false, message, command });
  let rest = m[2] ?? '';
  const options: Options = {};
  // `/quiz scores`: a subcommand is the first word; without one, the first subcommand (`/quiz` is `/quiz question`).
  let spec: Pick<Command, 'options'> = command;
  // What the messages below name: `/quiz scores` takes no options, not `/quiz`.
  let named = `/${command.name}`;
  const subs = command.subcommands ?? [];
  if (subs.length) {
    const word = /^([\w-]+)(?=\s|$)/.exec(rest)?.[1];
    const sub = subs.find((x) => x.name === word?.toLowerCase());
    if (word && !sub) return fail(`/${command.name} is one of ${subs.map((x) => `\`/${command.name} ${x.name}\``).join(', ')}.`);
    const chosen = sub ?? (subs[0] as (typeof subs)[number]);
    if (word) rest = rest.slice(word.length);
    options[SUBCOMMAND] = chosen.name;
    spec = chosen;
    named = `/${command.name} ${chosen.name}`;
  }
  const names = spec.options.map((o) => o.name);
  // The command's example only where it is one of this subcommand (`/library add …` shows nothing of `/library remove`).
  const example = exampleOf(command);
  const fits = example === named || example.startsWith(`${named} `);
  const accepted = names.length
    ? `Options: ${names.join(', ')}${fits ? `, e.g. \`${example}\`` : ''}.`
    : `${named} takes no options, e.g. \`${fits ? example : named}\`.`;
  const found = [...rest.matchAll(OPTION_MARK)].filter((f) => names.includes(f[1] ?? '') || /\S/.test(rest[(f.index ?? 0) + f[0].length] ?? ''));
  const unknown = found.find((f) => !names.includes(f[1] ?? ''));
  if (unknown) return fail(`\`${unknown[1]}\` is not an option of ${named}. ${accepted}`);
  const before = (found[0] ? rest.slice(0, found[0].index) : rest).trim();
  if (before) {
    const first = spec.options[0];
    if (!first) return fail(accepted);
    return fail(`Name the option, e.g. \`${named} ${first.name}:${before.split(/\s+/)[0]}\`. Options: ${names.join(', ')}.`);
  }
  found.forEach((f, i) => {
    const start = (f.index ?? 0) + f[0].length;
    const end = found[i + 1]?.index ?? rest.length;
    options[f[1] ?? ''] = rest.slice(start, end).trim();
  });
  for (const o of spec.options) {
    const value = options[o.name];
    if (o.required && !value) return fail(`${named} needs \`${o.name}\`: ${o.description}.`);
    if (value && o.type === 'boolean' && value !== 'true' && value !== 'false') return fail(`\`${o.name}\` must be true or false.`);
    if (value && o.choices && !o.choices.includes(value)) return fail(`\`${o.name}\` must be one of ${o.choices.join(', ')}.`);
    if (value && o.maxLength && value.length > o.maxLength) return fail(`\`${o.name}\` is too long (at most ${o.maxLength} characters).`);
  }
  return { ok: true, command, options };
}
