// The layers of DESIGN.md ("The shape") as lint enforces them: each case lints a small file placed in a folder of
// src/ (it need not exist) with the project's own eslint.config.js, the way `npm run lint` would.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** Lowest first, as DESIGN.md draws them (index.ts and shard-manager.ts sit with the wiring, at the top). */
const LAYERS = [['corpus'], ['reply', 'store', 'config', 'logging', 'picture', 'eval'], ['settings', 'quiz'], ['library'], ['digest'], ['commands'], ['discord', 'console'], ['app', 'cli']];

/** The layer rules' complaints about `code` as the file `file` (relative to the repository). */
async function complaints(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax' || m.fatal).map((m) => m.message);
}
/** A file in `from` importing a module of `to`, by the relative path the editor would write. */
const importing = (from: string, to: string) => complaints(`src/${from}/probe.ts`, `import type { Thing } from '../${to}/thing.ts';\nexport type Probe = Thing;\n`);

describe('layers only point down', () => {
  const boundaries = LAYERS.slice(1).map((upper, i) => ({ lower: LAYERS[i] ?? [], upper }));

  it.each(boundaries)('between $lower and $upper: importing down passes, importing up fails', async ({ lower, upper }) => {
    for (const low of lower) {
      for (const high of upper) {
        expect(await importing(high, low), `src/${high} importing src/${low}`).toEqual([]);
        const up = await importing(low, high);
        expect(up, `src/${low} importing src/${high}`).toHaveLength(1);
        expect(up[0]).toContain(`src/${low}`);
        expect(up[0]).toContain('layers only point down');
      }
    }
  });

  it('lets folders of one layer import each other, except the two renderers', async () => {
    expect(await importing('store', 'config')).toEqual([]);
    expect(await importing('quiz', 'settings')).toEqual([]);
    expect(await importing('discord', 'console')).toHaveLength(1);
    expect(await importing('console', 'discord')).toHaveLength(1);
  });

  it('keeps the wiring at the top: no folder imports src/index.ts, the app or the CLI', async () => {
    expect(await complaints('src/discord/probe.ts', `import '../index.ts';\n`)).toHaveLength(1);
    expect(await complaints('src/digest/probe.ts', `export { x } from '../app/app.ts';\n`)).toHaveLength(1);
    expect(await complaints('src/app/probe.ts', `import '../index.ts';\nimport '../cli/ask.ts';\nimport '../discord/bot.ts';\n`)).toEqual([]);
  });

  it('keeps the text engine to itself, from any depth', async () => {
    expect(await complaints('src/corpus/query/probe.ts', `import { a } from '../search/tokens.ts';\nimport { b } from '../../corpus/types.ts';\nexport const c = [a, b];\n`)).toEqual([]);
    expect(await complaints('src/corpus/probe.ts', `import '../reply/reply.ts';\n`)).toHaveLength(1);
    expect(await complaints('src/corpus/events/parsers/probe.ts', `import '../../../store/store-link.ts';\n`)).toHaveLength(1);
    expect(await complaints('src/corpus/query/probe.ts', `import '../../../tests/support/bundled-index.ts';\n`)).toHaveLength(1);
  });

  it('sees every form of import: type-only, re-export, dynamic and TypeScript import types', async () => {
    const forms = [
      `import type { Command } from '../commands/command.ts';\nexport type A = Command;\n`,
      `export * from '../commands/command.ts';\n`,
      `export { SUBCOMMAND } from '../commands/command.ts';\n`,
      `export const load = () => import('../commands/index.ts');\n`,
      `export type B = import('../commands/command.ts').Command;\n`,
    ];
    for (const code of forms) expect(await complaints('src/digest/probe.ts', code), code).toHaveLength(1);
    // The same from a file one folder deeper climbs one step more.
    expect(await complaints('src/library/deeper/probe.ts', `export type C = import('../../digest/runner.ts').RunOutcome;\n`)).toHaveLength(1);
    expect(await complaints('src/library/deeper/probe.ts', `export type D = import('../digest/runner.ts').RunOutcome;\n`)).toEqual([]);
  });

  it('lets only src/discord and the wiring import discord.js', async () => {
    const code = `import { Client } from 'discord.js';\nimport type { APIEmbed } from 'discord-api-types/v10';\nexport const x: [typeof Client, APIEmbed?] = [Client];\n`;
    expect(await complaints('src/discord/probe.ts', code)).toEqual([]);
    expect(await complaints('src/app/probe.ts', code)).toEqual([]);
    expect(await complaints('src/commands/probe.ts', code)).toHaveLength(2);
    expect(await complaints('src/console/probe.ts', code)).toHaveLength(2);
    expect(await complaints('src/corpus/probe.ts', code)).toHaveLength(2);
  });
});
