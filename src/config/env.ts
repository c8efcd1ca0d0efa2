import { z } from 'zod';

/** Discord application ids and guild ids are snowflakes: 17–20 digits. */
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');

const schema = z.object({
  DISCORD_TOKEN: z
    .string()
    .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'does not look like a bot token (three parts separated by dots, from the Developer Portal → Bot → Reset Token)')
    .optional(),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_API_BASE_URL: z.url({ message: 'must be a URL such as https://discord.com/api' }).default('https://discord.com/api'),
  DEV_GUILD_ID: snowflake.optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite|rediss?|postgres(ql)?):\/\/.+/, 'must be a sqlite://, redis:// or postgres:// URL such as sqlite://data/lectern.sqlite')
    .default('sqlite://data/lectern.sqlite'),
  CORPUS_DIR: z.string().min(1).default('data/corpus'),
  INDEX_CACHE_DIR: z.string().min(1).default('data/cache'),
  /** Threads that analyse documents when the index is built; one per core when unset. */
  INDEX_THREADS: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, 'must be a whole number of threads from 1, such as 2')
    .transform(Number)
    .optional(),
  UPLOADS_DIR: z.string().min(1).default('data/uploads'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHARD_COUNT: z
    .string()
    .regex(/^(auto|[1-9]\d{0,4})$/, 'must be auto or a number of shards such as 4')
    .default('auto')
    .transform((v) => (v === 'auto' ? 'auto' : Number(v))),
  SHARD_IDS: z
    .string()
    .regex(/^\d{1,5}(-\d{1,5})?(,\d{1,5}(-\d{1,5})?)*$/, 'must list shard numbers such as 0,1 or 0-3')
    .transform(shardList)
    .optional(),
  METRICS_PORT: z.coerce.number({ message: 'must be a port number such as 9464' }).int().min(1, 'must be a port number from 1 to 65535').max(65535, 'must be a port number from 1 to 65535').optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  DIGEST_CLAIM_STALE_SECONDS: z.coerce.number({ message: 'must be a number of seconds such as 120' }).int().min(10, 'must be at least 10 seconds').max(3600, 'must be at most 3600 seconds').default(120),
});

/** "0-2,5" → [0, 1, 2, 5]. */
function shardList(text: string): number[] {
  const ids = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    for (let i = from; i <= (to ?? from); i++) ids.add(i);
  }
  return [...ids].sort((a, b) => a - b);
}

export type Config = z.infer<typeof schema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Reads the configuration; every mistake gets its own line naming the variable (never its value). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  // Empty values in .env mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== '').map(([k, v]) => [k, v?.trim()]));
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) {
    const { SHARD_COUNT: count, SHARD_IDS: ids } = parsed.data;
    if (ids && count === 'auto') return { ok: false, errors: ['SHARD_IDS: needs SHARD_COUNT set to the total number of shards, such as 4'] };
    if (ids && typeof count === 'number' && ids.some((i) => i >= count)) return { ok: false, errors: [`SHARD_IDS: shards are numbered 0 to ${count - 1} when SHARD_COUNT is ${count}`] };
    return { ok: true, config: parsed.data };
  }
  return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

/** A local file path from a sqlite:// URL. */
export function sqlitePath(url: string): string {
  return url.replace(/^sqlite:\/\//, '');
}
