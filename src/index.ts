// npm start: configuration → store → index → the Discord bot, or the local console when there is no token.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { COMMANDS } from './commands/index.ts';
import { Status } from 'discord.js';
import { startOpsServer } from './app/ops-server.ts';
import { shardOptions } from './app/shards.ts';
import { startBot } from './app/start-bot.ts';
import { startConfig } from './config/start-config.ts';
import { startConsole } from './console/repl.ts';
import { ModelUnavailableError } from './corpus/attribution/model.ts';
import { openIndex } from './corpus/index/open-index.ts';
import { openClaims } from './digest/open-claims.ts';
import { uploadFilesFor } from './library/upload-files.ts';
import { createLogger } from './logging/logger.ts';
import { BotMetrics } from './logging/metrics.ts';
import { openSharedStore, type OpenedStore } from './store/open-store.ts';
import { isShared } from './store/store-link.ts';

const config = startConfig();
const token = config.DISCORD_TOKEN;
const useConsole = !token || process.argv.includes('--console');

const started = performance.now();
const indexing = openIndex(config.CORPUS_DIR, config.INDEX_CACHE_DIR, { quiet: !useConsole, ...(config.INDEX_THREADS ? { threads: config.INDEX_THREADS } : {}) }).then(
  ({ query, fromCache }) => {
    const docs = query.documents().length;
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
let stopping = false;

/**
 * The store, waiting for it when its server cannot be reached yet (a database starting with the machine, or
 * restarting): the reason is logged with the next attempt's time, and the process stays up instead of exiting
 * into a supervisor's crash loop. A wrong address, password or file is not waited for: it stops start-up.
 */
async function openStoreWaiting(): Promise<OpenedStore> {
  for (let attempt = 0; ; attempt++) {
    try {
      const opened = await openSharedStore(config.DATABASE_URL, 'lectern');
      if (attempt > 0) logger.info('the database is reachable again; starting');
      return opened;
    } catch (error) {
      const e = error as Error & { unreachable?: boolean };
      if (!e.unreachable || stopping) {
        logger.fatal(e.message);
        process.stderr.write(`Lectern cannot start: ${e.message}\n`);
        process.exit(1);
      }
      const seconds = Math.min(2 ** attempt, 30);
      logger.error(`${e.message}. Waiting for it: trying again in ${seconds} s (attempt ${attempt + 1}).`);
      if (attempt === 0) process.stderr.write(`Lectern is waiting for the database: ${e.message}. It tries again every few seconds (up to 30); the log says each attempt.\n`);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
let shutdown = async (_signal: string): Promise<void> => {
  // Before the store is open there is nothing to finish.
  stopping = true;
  process.exit(0);
};

const { store, link } = await openStoreWaiting();
const metrics = new BotMetrics();
store.on('error', () => metrics.storeError());
// The claims live beside the settings, in the same database: with PostgreSQL or Redis every process on every
// machine shares them, and nothing is written to a local database file.
const claims = await openClaims(link, { staleAfterMs: config.DIGEST_CLAIM_STALE_SECONDS * 1000 }).catch((error: unknown) => {
  logger.fatal((error as Error).message);
  process.stderr.write(`Lectern cannot start: ${(error as Error).message}\n`);
  process.exit(1);
});
logger.info({ store: link.kind === 'sqlite' ? link.file : link.shown, shared: isShared(link) }, 'store open');

let indexLoaded = false;
const appInputs = indexing.then(({ query, message }) => {
  logger.info(message);
  return { query, store, uploadsDir: config.UPLOADS_DIR, files: uploadFilesFor(link, store, config.UPLOADS_DIR), warn: (m: string) => logger.warn(m) };
});
const bot = await startBot({
  config: { ...config, DISCORD_TOKEN: token as string },
  app: appInputs,
  store,
  logger,
  metrics,
  commands: COMMANDS,
  digest: { claims, owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}` },
  clientOptions: shardOptions(config),
}).catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not connect to Discord');
  process.exit(1);
});
const appReady = bot.app.then((app) => {
  const { query } = app.corpus;
  indexLoaded = true;
  // Other processes sharing the store may add or remove uploads: pick their changes up within seconds.
  app.sync.start();
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
});

const ops = config.METRICS_PORT
  ? await startOpsServer({
      port: config.METRICS_PORT,
      host: config.METRICS_HOST,
      metrics,
      health: {
        gateway: () => bot.client.ws.status === Status.Ready,
        store: async () => {
          await store.get('__health__');
          return true;
        },
        index: () => indexLoaded,
      },
    }).catch((error: unknown) => {
      logger.fatal({ err: error }, `cannot serve /healthz and /metrics on ${config.METRICS_HOST}:${config.METRICS_PORT}`);
      process.exit(1);
    })
  : null;
if (ops) logger.info({ host: config.METRICS_HOST, port: ops.port }, 'serving /healthz and /metrics');

shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  void appReady.then((a) => a.sync.stop());
  await bot.stop();
  await ops?.close();
  await claims.close();
  await store.disconnect();
  process.exit(0);
};
