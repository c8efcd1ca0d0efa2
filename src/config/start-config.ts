import { readConfig, type Config } from './env.ts';

/** The configuration of a starting process (`.env`, then the environment), or every mistake printed and exit 1. */
export function startConfig(): Config {
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
  return read.config;
}
