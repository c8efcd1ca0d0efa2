// npm start: configuration → store → index → the Discord bot, or the local console when there is no token.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createApp } from './app/app.ts';
import { COMMANDS } from './commands/index.ts';
import { readConfig, sqlitePath } from './config/env.ts';
import { startConsole } from './console/repl.ts';
import { ModelUnavailableError } from './corpus/attribution/model.ts';
import { openIndex } from './corpus/index/open-index.ts';
import { DigestClaims } from './digest/claims.ts';
import { startBot } from './discord/bot.ts';
import { createLogger } from './logging/logger.ts';
import { openStore } from './store/open-store.ts';

try {
  process.loadEnvFile();
} catch {
  // No .env file: the environment alone configures the bot.
}

const read = readConfig();
if (!read.ok) {
  process.stderr.write(`Lectern cannot start: the configuration has ${read.errors.length === 1 ? 'a mistake' : 'mistakes'}:\n${read.errors.map((e) => `  - ${e}`).join('\n')}\nSee .env.example for every variable.\n`);
  process.exit(1);
}
const config = read.config;
const token = config.DISCORD_TOKEN;
const useConsole = !token || process.argv.includes('--console');

const started = performance.now();
const indexing = openIndex(config.CORPUS_DIR, config.INDEX_CACHE_DIR, { quiet: !useConsole, ...(config.INDEX_THREADS ? { threads: config.INDEX_THREADS } : {}) }).then(
  ({ query, fromCache }) => {
    const docs = query.index.documents.length;
    const message = `Index ${fromCache ? 'loaded from cache' : 'built'}: ${docs} document${docs === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms.`;
    return { query, message };
  },
  (error: unknown) => {
    // Without an index there is nothing to answer from: say why and stop.
    const why = error instanceof ModelUnavailableError ? error.message : `the documents in ${config.CORPUS_DIR} could not be indexed: ${(error as Error).message}`;
    process.stderr.write(`Lectern cannot start: ${why}\n`);
    process.exit(1);
  },
);

if (useConsole) {
  const { query, message } = await indexing;
  process.stdout.write(`${message}\n${token ? '' : 'No DISCORD_TOKEN: answering here in the local console.\n'}`);
  setImmediate(() => {
    try {
      query.prepare();
    } catch {
      // Built again on first use, where a failure is reported with the answer.
    }
  });
  process.on('SIGTERM', () => process.exit(0));
  await startConsole({ query });
  process.exit(0);
}

const logger = createLogger(config.LOG_LEVEL, token);
const store = await openStore(config.DATABASE_URL, 'lectern').catch((error: unknown) => {
  logger.fatal((error as Error).message);
  process.stderr.write(`Lectern cannot start: ${(error as Error).message}\n`);
  process.exit(1);
});
// Digest claims need an atomic insert: SQLite's, in the same file as the settings when that is SQLite.
const claimsFile = /^sqlite:/.test(config.DATABASE_URL) ? sqlitePath(config.DATABASE_URL) : 'data/digest-claims.sqlite';
if (!/^sqlite:/.test(config.DATABASE_URL)) logger.warn({ claimsFile }, 'digest claims are kept in a local SQLite file: run one bot process per machine');
const claims = await DigestClaims.open(claimsFile).catch((error: unknown) => {
  logger.fatal((error as Error).message);
  process.exit(1);
});
const bot = await startBot({
  config: { ...config, DISCORD_TOKEN: token as string },
  app: indexing.then(async ({ query, message }) => {
    logger.info(message);
    const app = await createApp({ query, store, uploadsDir: config.UPLOADS_DIR, warn: (m) => logger.warn(m) });
    // Once commands can be answered, build what the first /search or /event would otherwise wait for.
    setImmediate(() => {
      const t = performance.now();
      try {
        query.prepare();
        logger.info({ ms: Math.round(performance.now() - t) }, 'search index and lookups ready');
      } catch (error) {
        // Not fatal: each lookup is built again on first use, where a failure reaches the asker's reply.
        logger.error({ err: error }, 'could not prepare the search index and lookups ahead of use');
      }
    });
    return app;
  }),
  store,
  logger,
  commands: COMMANDS,
  digest: { claims, owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}` },
}).catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not connect to Discord');
  process.exit(1);
});

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await bot.stop();
  await claims.close();
  await store.disconnect();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
