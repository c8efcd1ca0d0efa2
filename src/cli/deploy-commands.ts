// npm run deploy-commands: register the slash commands now (to DEV_GUILD_ID when set, globally otherwise).
import { REST, Routes } from 'discord.js';
import type { APIApplication } from 'discord-api-types/v10';
import { COMMANDS } from '../commands/index.ts';
import { readEnvironment } from '../config/start-config.ts';
import { syncCommands } from '../discord/register.ts';
import { createLogger } from '../logging/logger.ts';
import { openStore } from '../store/open-store.ts';

const read = readEnvironment();
if (!read.ok || !read.config.DISCORD_TOKEN) {
  process.stderr.write(`deploy-commands needs DISCORD_TOKEN.\n${read.ok ? '' : read.errors.map((e) => `  - ${e}\n`).join('')}`);
  process.exit(1);
}
const config = read.config;
const token = config.DISCORD_TOKEN as string;
const logger = createLogger(config.LOG_LEVEL, token);
const rest = new REST({ api: config.DISCORD_API_BASE_URL }).setToken(token);
const applicationId = config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
const store = await openStore(config.DATABASE_URL, 'lectern');
const result = await syncCommands({ rest, applicationId, ...(config.DEV_GUILD_ID ? { guildId: config.DEV_GUILD_ID } : {}), commands: COMMANDS, store, logger, force: true });
process.stdout.write(`Slash commands ${result} ${config.DEV_GUILD_ID ? `in server ${config.DEV_GUILD_ID}` : 'globally (may take up to an hour to appear)'}.\n`);
await store.disconnect();
