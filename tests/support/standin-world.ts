// What the Discord stand-in keeps, as Discord would: the bot and the tester, guilds, channels, messages and
// registered commands, and how they change (a stored message announced on the gateway, an edit, a deletion).
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  MessageFlags,
  type APIApplicationCommand,
  type APIAttachment,
  type APIMessage,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';
import { DiscordErrors, type StandInResponse } from './standin-answers.ts';
import type { StandInGateway } from './standin-gateway.ts';
import type { RecordedFile } from './standin-http.ts';
import { makeGuild, snowflake, type GuildSpec, type MessageBody } from './standin-payloads.ts';

export class StandInWorld {
  readonly guilds = new Map<string, GatewayGuildCreateDispatchData>();
  readonly channels = new Map<string, APITextChannel>();
  readonly messages = new Map<string, APIMessage>();
  /** Messages by `channel:nonce`, for enforce_nonce. */
  readonly nonces = new Map<string, APIMessage>();
  /** Registered commands: key `global` or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  readonly applicationId: string;
  private readonly channelStates = new Map<string, 'deleted' | 'forbidden'>();

  constructor(
    readonly bot: APIUser,
    readonly tester: APIUser,
    private readonly gateway: StandInGateway,
  ) {
    this.applicationId = bot.id; // as for every modern Discord bot
  }

  addGuild(spec: GuildSpec = {}): GatewayGuildCreateDispatchData {
    const guild = makeGuild({ ...spec, members: [this.tester, ...(spec.members ?? [])] }, this.bot);
    this.guilds.set(guild.id, guild);
    for (const channel of guild.channels) this.channels.set(channel.id, channel as APITextChannel);
    this.gateway.dispatch(GatewayDispatchEvents.GuildCreate, guild);
    return guild;
  }

  markChannel(channelId: string, state: 'deleted' | 'forbidden' | 'ok'): void {
    if (state === 'ok') this.channelStates.delete(channelId);
    else this.channelStates.set(channelId, state);
  }

  clearChannelStates(): void {
    this.channelStates.clear();
  }

  clearChannel(channelId: string): void {
    for (const m of this.messagesIn(channelId)) this.messages.delete(m.id);
    for (const key of [...this.nonces.keys()]) if (key.startsWith(`${channelId}:`)) this.nonces.delete(key);
  }

  messagesIn(channelId: string): APIMessage[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId);
  }

  usableChannel(id: string | undefined, use: 'read' | 'write'): APITextChannel | StandInResponse {
    const channel = this.channels.get(id ?? '');
    const state = this.channelStates.get(id ?? '');
    if (!channel || state === 'deleted') return DiscordErrors.unknownChannel();
    if (state === 'forbidden') return use === 'read' ? DiscordErrors.missingAccess() : DiscordErrors.missingPermissions();
    return channel;
  }

  /**
   * Stores a message and, like Discord, announces it as MESSAGE_CREATE/UPDATE to sessions that
   * identified with GUILD_MESSAGES (the bot sees its own messages); ephemeral ones stay private.
   */
  storeMessage(message: APIMessage, event: GatewayDispatchEvents.MessageCreate | GatewayDispatchEvents.MessageUpdate): void {
    this.messages.set(message.id, message);
    const channel = this.channels.get(message.channel_id);
    if (event === GatewayDispatchEvents.MessageCreate && channel) channel.last_message_id = message.id;
    if ((message.flags ?? 0) & MessageFlags.Ephemeral) return;
    this.gateway.dispatch(event, { ...message, guild_id: channel?.guild_id }, GatewayIntentBits.GuildMessages);
  }

  deleteMessage(message: APIMessage): void {
    this.messages.delete(message.id);
    const guild_id = this.channels.get(message.channel_id)?.guild_id;
    this.gateway.dispatch(GatewayDispatchEvents.MessageDelete, { id: message.id, channel_id: message.channel_id, guild_id }, GatewayIntentBits.GuildMessages);
  }

  attachments(files: RecordedFile[]): APIAttachment[] {
    return files.map((f) => {
      const id = snowflake();
      const url = `https://cdn.discordapp.com/attachments/0/${id}/${encodeURIComponent(f.name)}`;
      return { id, filename: f.name, size: f.size, url, proxy_url: url, content_type: f.contentType };
    });
  }

  editMessage(message: APIMessage, body: MessageBody, files: RecordedFile[]): APIMessage {
    const edited: APIMessage = {
      ...message,
      ...(body.content !== undefined ? { content: body.content } : {}),
      ...(body.embeds !== undefined ? { embeds: body.embeds } : {}),
      ...(body.components !== undefined ? { components: body.components } : {}),
      // On edits, `attachments` lists the existing attachments to keep; new files are added.
      attachments: [
        ...message.attachments.filter((a) => !body.attachments || body.attachments.some((k) => String(k.id) === a.id)),
        ...this.attachments(files),
      ],
      // Finishing a deferred reply clears the "thinking" (Loading) flag.
      flags: (message.flags ?? 0) & ~MessageFlags.Loading,
      edited_timestamp: new Date().toISOString(),
    };
    this.storeMessage(edited, GatewayDispatchEvents.MessageUpdate);
    return edited;
  }

  /** A command as Discord stores it; re-registering one with the same name and type keeps its id. */
  storedCommand(cmd: Partial<APIApplicationCommand>, scope: string, existing: APIApplicationCommand[]): APIApplicationCommand {
    const type = cmd.type ?? ApplicationCommandType.ChatInput;
    const same = existing.find((c) => c.name === cmd.name && c.type === type);
    return {
      ...cmd,
      id: same?.id ?? snowflake(),
      application_id: this.applicationId,
      ...(scope === 'global' ? {} : { guild_id: scope }),
      type,
      name: cmd.name ?? '',
      description: cmd.description ?? '',
      default_member_permissions: cmd.default_member_permissions ?? null,
      nsfw: cmd.nsfw ?? false,
      version: snowflake(),
      ...(scope === 'global'
        ? {
            integration_types: cmd.integration_types ?? [ApplicationIntegrationType.GuildInstall],
            contexts: cmd.contexts ?? null,
          }
        : {}),
    };
  }
}
