// Interactions for the Discord stand-in: complete INTERACTION_CREATE payloads built from a short spec (a command
// with its options, an autocomplete, a button or select press), and their callbacks answered as Discord does
// (the 3-second window, one acknowledgement, the response types each kind allows).
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ComponentType,
  GatewayDispatchEvents,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIInteraction,
  type APIMessage,
  type APIUser,
} from 'discord-api-types/v10';
import { DiscordErrors, formError, json, noContent, type StandInResponse } from './standin-answers.ts';
import type { RecordedFile, RecordedRequest } from './standin-http.ts';
import { DEFAULT_PERMISSIONS, makeMessage, snowflake, type MessageBody } from './standin-payloads.ts';
import { validateMessage } from './standin-validate.ts';
import type { StandInWorld } from './standin-world.ts';

type OptionValue = string | number | boolean;

interface InteractionCommon {
  guildId?: string;
  channelId?: string;
  user?: APIUser;
  locale?: Locale;
  /** Invoking member's permissions in the channel. */
  permissions?: string;
  appPermissions?: string;
  /** Shallow overrides applied last, for payload shapes the builder does not cover. */
  overrides?: Record<string, unknown>;
  /** Files attached to attachment options (from hostAttachment), delivered in `data.resolved.attachments`. */
  attachments?: APIAttachment[];
  /** Only this gateway session gets it (of several bot processes connected, the one Discord would pick). */
  session?: string;
}

export type InteractionSpec = InteractionCommon &
  (
    | { kind: 'command'; name: string; options?: Record<string, OptionValue> | APIApplicationCommandInteractionDataOption[] }
    | { kind: 'autocomplete'; name: string; focused: string; options?: Record<string, OptionValue> | APIApplicationCommandInteractionDataOption[] }
    | { kind: 'button'; customId: string; messageId?: string }
    | { kind: 'select'; customId: string; values: string[]; messageId?: string }
  );

export interface SentInteraction {
  interaction: APIInteraction;
  id: string;
  token: string;
  /** Resolves with the recorded `POST /interactions/{id}/{token}/callback`. */
  callback(timeoutMs?: number): Promise<RecordedRequest>;
}

export interface InteractionState {
  interaction: APIInteraction;
  sentAt: number;
  acked: boolean;
  originalId?: string;
  messageIds: Set<string>;
}

// The response types Discord accepts for each kind of interaction.
const ALLOWED_RESPONSES: Record<number, InteractionResponseType[]> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
};

export class StandInInteractions {
  /** Interactions sent, by token. */
  readonly interactions = new Map<string, InteractionState>();

  /** Callbacks later than `ackDeadlineMs` after the interaction get 10062, as Discord's 3 s; 0 disables. */
  constructor(
    private readonly world: StandInWorld,
    private readonly ackDeadlineMs: number,
  ) {}

  /** Builds an interaction from `spec` and remembers it, unacknowledged; the caller dispatches it. */
  add(spec: InteractionSpec): APIInteraction {
    const interaction = this.build(spec);
    this.interactions.set(interaction.token, { interaction, sentAt: Date.now(), acked: false, messageIds: new Set() });
    return interaction;
  }

  /** The interaction behind a webhook route's `:app/:token`. */
  forWebhook(p: Record<string, string>): InteractionState | undefined {
    return p.app === this.world.applicationId ? this.interactions.get(p.token ?? '') : undefined;
  }

  createMessage(state: InteractionState, body: MessageBody, files: RecordedFile[], flags = 0): APIMessage {
    const { world } = this;
    const { interaction } = state;
    const user = interaction.member?.user ?? interaction.user ?? world.tester;
    const message = makeMessage(interaction.channel?.id ?? '', world.bot, { ...body, flags: (body.flags ?? 0) | flags }, {
      webhook_id: world.applicationId,
      application_id: world.applicationId,
      attachments: world.attachments(files),
      type: interaction.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
      interaction_metadata: {
        id: interaction.id,
        type: InteractionType.ApplicationCommand,
        user,
        authorizing_integration_owners: interaction.authorizing_integration_owners,
      },
    });
    world.storeMessage(message, GatewayDispatchEvents.MessageCreate);
    return message;
  }

  /** Answers `POST /interactions/{id}/{token}/callback`. */
  callback(req: RecordedRequest, id: string, token: string): StandInResponse {
    const state = this.interactions.get(token);
    const deadline = this.ackDeadlineMs;
    if (!state || state.interaction.id !== id || (deadline > 0 && Date.now() - state.sentAt > deadline)) {
      return DiscordErrors.unknownInteraction();
    }
    if (state.acked) return DiscordErrors.alreadyAcknowledged();
    const { type, data = {} } = (req.body ?? {}) as { type?: InteractionResponseType; data?: MessageBody & Record<string, unknown> };
    const kind = state.interaction.type;
    if (type === undefined || !ALLOWED_RESPONSES[kind]?.includes(type)) {
      return formError(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', 'Invalid interaction response type for this interaction');
    }
    let message: APIMessage | undefined;
    if (type === InteractionResponseType.ChannelMessageWithSource) {
      const error = validateMessage(data, req.files, true);
      if (error) return error;
      message = this.createMessage(state, data, req.files);
    } else if (type === InteractionResponseType.DeferredChannelMessageWithSource) {
      message = this.createMessage(state, { flags: data.flags }, [], MessageFlags.Loading);
    } else if (type === InteractionResponseType.UpdateMessage || type === InteractionResponseType.DeferredMessageUpdate) {
      message = state.interaction.message ? this.world.messages.get(state.interaction.message.id) : undefined;
      if (message && type === InteractionResponseType.UpdateMessage) {
        const error = validateMessage(data, req.files, false);
        if (error) return error;
        message = this.world.editMessage(message, data, req.files);
      }
    } else if (type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
      const choices = (data.choices ?? []) as unknown[];
      if (choices.length > 25) return formError(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    }
    state.acked = true;
    state.originalId = message?.id;
    // discord.js always sends `with_response`; only `true` gets a body (an interaction callback response).
    if (req.query.with_response !== 'true') return noContent;
    return json(200, {
      interaction: {
        id,
        type: kind,
        response_message_id: message?.id,
        response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
        response_message_ephemeral: Boolean((message?.flags ?? 0) & MessageFlags.Ephemeral),
      },
      resource: { type, ...(message ? { message } : {}) },
    });
  }

  private build(spec: InteractionSpec): APIInteraction {
    const { world } = this;
    const guild = spec.guildId ? world.guilds.get(spec.guildId) : world.guilds.values().next().value;
    if (!guild) throw new Error('stand-in: add a guild before sending interactions');
    const channel = world.channels.get(spec.channelId ?? guild.channels[0]?.id ?? '');
    if (!channel) throw new Error('stand-in: unknown channel for interaction');
    const user = spec.user ?? world.tester;
    const member = guild.members.find((m) => m.user.id === user.id) ?? { ...guild.members[0]!, user };
    const base = {
      id: snowflake(),
      application_id: world.applicationId,
      token: `standin-token-${snowflake()}`,
      version: 1 as const,
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.preferred_locale, features: guild.features },
      channel,
      channel_id: channel.id,
      member: { ...member, user, permissions: spec.permissions ?? DEFAULT_PERMISSIONS },
      app_permissions: spec.appPermissions ?? DEFAULT_PERMISSIONS,
      locale: spec.locale ?? Locale.EnglishUS,
      guild_locale: guild.preferred_locale,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
      context: InteractionContextType.Guild,
      attachment_size_limit: 10 * 1024 * 1024,
    };
    let payload: Record<string, unknown>;
    if (spec.kind === 'command' || spec.kind === 'autocomplete') {
      const command = (world.commands.get(guild.id) ?? []).concat(world.commands.get('global') ?? []).find((c) => c.name === spec.name);
      const options = Array.isArray(spec.options)
        ? spec.options
        : Object.entries(spec.options ?? {}).map(([name, value]) => ({
            name,
            value,
            type: command?.options?.find((o) => o.name === name)?.type ?? inferOptionType(value),
            ...(spec.kind === 'autocomplete' && name === spec.focused ? { focused: true } : {}),
          }));
      payload = {
        ...base,
        type: spec.kind === 'command' ? InteractionType.ApplicationCommand : InteractionType.ApplicationCommandAutocomplete,
        data: {
          id: command?.id ?? snowflake(),
          name: spec.name,
          type: ApplicationCommandType.ChatInput,
          guild_id: command?.guild_id,
          options,
          ...(spec.attachments?.length ? { resolved: { attachments: Object.fromEntries(spec.attachments.map((a) => [a.id, a])) } } : {}),
        },
      };
    } else {
      // Component interactions carry the message the component is on; by default a fresh bot message with it.
      const message = (spec.messageId && world.messages.get(spec.messageId)) || this.componentMessage(channel.id, spec);
      payload = {
        ...base,
        type: InteractionType.MessageComponent,
        message,
        data:
          spec.kind === 'button'
            ? { custom_id: spec.customId, component_type: ComponentType.Button }
            : { custom_id: spec.customId, component_type: ComponentType.StringSelect, values: spec.values },
      };
    }
    return { ...payload, ...spec.overrides } as unknown as APIInteraction;
  }

  private componentMessage(channelId: string, spec: { kind: 'button' | 'select'; customId: string }): APIMessage {
    const custom_id = spec.customId;
    const component =
      spec.kind === 'button'
        ? { type: ComponentType.Button as const, style: ButtonStyle.Primary as const, custom_id, label: custom_id }
        : { type: ComponentType.StringSelect as const, custom_id, options: [{ label: 'a', value: 'a' }] };
    const message = makeMessage(channelId, this.world.bot, {
      content: 'component host',
      components: [{ type: ComponentType.ActionRow, components: [component] }],
    });
    this.world.messages.set(message.id, message);
    return message;
  }
}

function inferOptionType(value: OptionValue): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  return ApplicationCommandOptionType.String;
}
