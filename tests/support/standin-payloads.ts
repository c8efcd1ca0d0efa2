// Builders for Discord-shaped payloads used by the Discord stand-in.
// Every builder returns a complete object of the documented discord-api-types shape, so
// discord.js parses it exactly as it would parse Discord's own answer.
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  MessageType,
  PermissionFlagsBits,
  type APIGuildMember,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type UserFlags,
  type APIMessage,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh, time-ordered snowflake, as Discord makes them (discord.js reads creation times from ids). */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return ((BigInt(at) - DISCORD_EPOCH) << 22n | (1n << 17n) | increment).toString();
}

/** What a freshly invited bot can usually do in a channel; used for @everyone, member and app permissions. */
export const DEFAULT_PERMISSIONS = String(
  PermissionFlagsBits.ViewChannel |
    PermissionFlagsBits.SendMessages |
    PermissionFlagsBits.SendMessagesInThreads |
    PermissionFlagsBits.EmbedLinks |
    PermissionFlagsBits.AttachFiles |
    PermissionFlagsBits.ReadMessageHistory |
    PermissionFlagsBits.AddReactions |
    PermissionFlagsBits.UseExternalEmojis |
    PermissionFlagsBits.UseApplicationCommands,
);

export function makeUser(partial: Partial<APIUser> = {}): APIUser {
  const id = partial.id ?? snowflake();
  return {
    id,
    username: `user${id.slice(-4)}`,
    discriminator: '0',
    global_name: null,
    avatar: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    ...partial,
  };
}

export function makeMember(user: APIUser, partial: Partial<APIGuildMember> = {}): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: new Date().toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
    ...partial,
  };
}

export function makeRole(partial: Partial<APIRole> & Pick<APIRole, 'id' | 'name'>): APIRole {
  return {
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: DEFAULT_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...partial,
  };
}

export function makeTextChannel(guildId: string, partial: Partial<APITextChannel> = {}, position = 0): APITextChannel {
  return {
    id: snowflake(),
    type: ChannelType.GuildText,
    guild_id: guildId,
    name: 'general',
    position,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0 as ChannelFlags,
    ...partial,
  };
}

/** What tests may say about a guild; everything else gets Discord's defaults. */
export interface GuildSpec {
  id?: string;
  name?: string;
  ownerId?: string;
  /** Text channels; defaults to one channel called `general`. */
  channels?: Partial<APITextChannel>[];
  /** Extra members besides the bot itself. */
  members?: APIUser[];
  /** Permissions of the @everyone role (the bot has no other role). */
  everyonePermissions?: string;
  preferredLocale?: Locale;
}

/** A full GUILD_CREATE payload. The @everyone role's id is the guild id, as on Discord. */
export function makeGuild(spec: GuildSpec, bot: APIUser): GatewayGuildCreateDispatchData {
  const id = spec.id ?? snowflake();
  const channels = (spec.channels ?? [{ name: 'general' }]).map((c, i) => makeTextChannel(id, c, i));
  const members = [bot, ...(spec.members ?? [])].map((u) => makeMember(u));
  return {
    id,
    name: spec.name ?? 'Stand-in Guild',
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: spec.ownerId ?? spec.members?.[0]?.id ?? snowflake(),
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [makeRole({ id, name: '@everyone', permissions: spec.everyonePermissions ?? DEFAULT_PERMISSIONS })],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: channels[0]?.id ?? null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: spec.preferredLocale ?? Locale.EnglishUS,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    incidents_data: null,
    // Gateway-only fields.
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** The REST shape of a guild: the gateway-only fields are not part of GET /guilds/{id}. */
export function restGuild(guild: GatewayGuildCreateDispatchData): Record<string, unknown> {
  const {
    joined_at: _j, large: _l, unavailable: _u, member_count: _m, voice_states: _v, members: _mm, channels: _c,
    threads: _t, presences: _p, stage_instances: _s, guild_scheduled_events: _g, soundboard_sounds: _ss, ...rest
  } = guild;
  return rest;
}

/** Fields of a message a client may send (create/edit bodies), as the stand-in copies them onto the message. */
export interface MessageBody {
  content?: string;
  embeds?: APIMessage['embeds'];
  components?: APIMessage['components'];
  flags?: number;
  attachments?: APIMessage['attachments'];
  sticker_ids?: string[];
  poll?: unknown;
}

export function makeMessage(channelId: string, author: APIUser, body: MessageBody, extra: Partial<APIMessage> = {}): APIMessage {
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content: body.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    pinned: false,
    type: MessageType.Default,
    flags: body.flags ?? 0,
    ...extra,
  };
}
