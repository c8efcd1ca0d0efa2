import { Routes, type REST } from 'discord.js';
import type Keyv from 'keyv';
import type { Command } from '../commands/command.ts';
import type { Logger } from '../logging/logger.ts';
import { commandData, commandsHash } from './command-data.ts';

export interface SyncOptions {
  rest: REST;
  applicationId: string;
  /** Register to this server only (instant, for development); globally otherwise. */
  guildId?: string;
  commands: Command[];
  store: Keyv;
  logger: Logger;
  force?: boolean;
}

/** Registers the slash commands when their definitions changed since the last registration (hash kept in the store). */
export async function syncCommands(o: SyncOptions): Promise<'registered' | 'unchanged'> {
  const data = o.commands.map(commandData);
  const hash = commandsHash(data);
  const key = `commands:${o.applicationId}:${o.guildId ?? 'global'}`;
  if (!o.force && (await o.store.get(key)) === hash) {
    o.logger.info({ scope: o.guildId ?? 'global', hash }, 'slash commands unchanged');
    return 'unchanged';
  }
  const route = o.guildId ? Routes.applicationGuildCommands(o.applicationId, o.guildId) : Routes.applicationCommands(o.applicationId);
  await o.rest.put(route, { body: data });
  await o.store.set(key, hash);
  o.logger.info({ scope: o.guildId ?? 'global', hash, count: data.length }, 'slash commands registered');
  return 'registered';
}
