import { readdirSync } from 'node:fs';
import { URL } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first (DESIGN.md, "The shape"): a folder imports only from its own layer or below.
 * `alone`: imports nothing outside itself (the text engine). `apart`: its folders do not import each other either
 * (the two renderers draw the same Reply, each in its own way). Every file and folder in src/ must be listed here.
 */
const LAYERS = [
  { name: 'the text engine', entries: ['corpus'], alone: true },
  // picture draws the PNG a Reply carries and needs only the engine's types; eval scores the engine against gold.
  { name: 'the view model and small shared parts', entries: ['reply', 'store', 'config', 'logging', 'picture', 'eval'] },
  // quiz: who-said-it questions (from the engine, as Reply parts) and their scores in the store; the digest asks one.
  { name: 'per-server state', entries: ['settings', 'quiz'] },
  { name: 'reading lists', entries: ['library'] },
  { name: 'the digest', entries: ['digest'] },
  { name: 'the commands', entries: ['commands'] },
  { name: 'the renderers', entries: ['discord', 'console'], apart: true },
  { name: 'the wiring', entries: ['app', 'cli', 'index.ts', 'shard-manager.ts'] },
];
const DISCORD_PACKAGES = /^(?:discord\.js|discord-api-types|@discordjs\/)/;

const unlisted = readdirSync(new URL('./src', import.meta.url)).filter((e) => !LAYERS.some((l) => l.entries.includes(e)));
if (unlisted.length) throw new Error(`eslint.config.js: give src/${unlisted.join(', src/')} a layer in LAYERS (DESIGN.md, "The shape").`);

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** An import that reaches these entries of src/ from a file `depth` folders below src/ (each import climbs to src/ first). */
const reaching = (entries, depth) => {
  const up = '\\.\\.\\/'.repeat(depth);
  const targets = entries.map((e) => (e.endsWith('.ts') ? `${escape(e.slice(0, -3))}(?:\\.ts)?$` : `${escape(e)}(?:\\/|$)`));
  return new RegExp(`^(?:\\.\\/)?${up}(?:${targets.join('|')})`);
};
/** Every form of import: `import`, `import type`, `export … from`, `import()` and TypeScript's `import('…').Type`. */
const importOf = (re) =>
  `:matches(ImportDeclaration, ExportAllDeclaration, ExportNamedDeclaration, ImportExpression, TSImportType) > Literal.source[value=${String(re)}]`;

/** One no-restricted-syntax block per folder and depth: the layer's rule written as the import paths it refuses. */
function layerRules() {
  const top = LAYERS.length - 1;
  return LAYERS.flatMap((layer, i) =>
    layer.entries
      .filter((folder) => !folder.endsWith('.ts') && i < top)
      .flatMap((folder) => {
        const above = LAYERS.slice(i + 1).flatMap((l) => l.entries);
        const siblings = layer.alone || layer.apart ? layer.entries.filter((e) => e !== folder) : [];
        const forbidden = [...siblings, ...above, ...(layer.alone ? LAYERS.slice(0, i).flatMap((l) => l.entries) : [])];
        const why = layer.alone
          ? `src/${folder} (${layer.name}) imports nothing outside itself`
          : `src/${folder} (${layer.name}) imports only its own layer and those below it, not src/${forbidden.join(', src/')}`;
        return [1, 2, 3, 4, 5, 6].map((depth) => ({
          files: [`src/${folder}/${'*/'.repeat(depth - 1)}*.ts`],
          rules: {
            'no-restricted-syntax': [
              'error',
              { selector: importOf(reaching(forbidden, depth)), message: `${why}: layers only point down (DESIGN.md, "The shape"; LAYERS in eslint.config.js).` },
              // Past src/ altogether (the tests, the benchmarks).
              ...(layer.alone ? [{ selector: importOf(new RegExp(`^${'\\.\\.\\/'.repeat(depth + 1)}`)), message: `${why}.` }] : []),
              ...(folder === 'discord' ? [] : [{ selector: importOf(DISCORD_PACKAGES), message: `Only src/discord and the wiring speak Discord; src/${folder} stays free of it.` }]),
            ],
          },
        }));
      }),
  );
}

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'bench/results', 'coverage', 'dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The build scripts are plain JavaScript run by Node (they run before anything is compiled).
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', performance: 'readonly' } },
  },
  ...layerRules(),
);
