import { readConfig, type Config } from './env.ts';

/** The configuration from `.env`, then the environment, or its mistakes. */
export function readEnvironment(): ReturnType<typeof readConfig> {
  try {
    process.loadEnvFile();
  } catch {
    // No .env file: the environment alone configures the bot.
  }
  return readConfig();
}

/** The configuration of a starting process (`.env`, then the environment), or every mistake printed and exit 1. */
export function startConfig(): Config {
  const read = readEnvironment();
  if (!read.ok) {
    process.stderr.write(`Lectern cannot start: the configuration has ${read.errors.length === 1 ? 'a mistake' : 'mistakes'}:\n${read.errors.map((e) => `  - ${e}`).join('\n')}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
  return read.config;
}
