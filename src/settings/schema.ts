import { z } from 'zod';

/** The current shape of a server's settings; older stored versions are migrated up to it. */
export const SETTINGS_VERSION = 3;

/** The digest's one switch: posted at the set time, stopped for a while, or not wanted. */
export const DIGEST_STATES = ['on', 'paused', 'off'] as const;
export type DigestState = (typeof DIGEST_STATES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const snowflake = z.string().regex(/^\d{17,20}$/);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone.length <= 64 && /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$|^UTC$/.test(zone);
  } catch {
    return false;
  }
}

export const GuildSettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** Answers visible to everyone, or only to the person who asked. */
  replyVisibility: z.enum(['public', 'ephemeral']).default('public'),
  /** Members with this role may configure the bot, besides those with Manage Server. */
  moderatorRoleId: snowflake.nullable().default(null),
  /** How numeric dates such as 8/29 are read. */
  dateOrder: z.enum(['month-first', 'day-first']).default('month-first'),
  digest: z
    .object({
      state: z.enum(DIGEST_STATES).default('off'),
      channelId: snowflake.nullable().default(null),
      time: time.default('08:00'),
      timeZone: z.string().refine(isTimeZone).default('UTC'),
      weekdays: z.array(z.enum(WEEKDAYS)).min(1).default([...WEEKDAYS]),
      content: z
        // A quiz question is new (records written before it have no `quiz`, and read it as off).
        .object({ quote: z.boolean().default(true), onThisDay: z.boolean().default(true), section: z.boolean().default(true), quiz: z.boolean().default(false) })
        .default({ quote: true, onThisDay: true, section: true, quiz: false }),
      /** After a restart, a digest missed by at most this many hours is still posted. */
      catchUpHours: z.number().int().min(0).max(23).default(6),
    })
    .default({
      state: 'off',
      channelId: null,
      time: '08:00',
      timeZone: 'UTC',
      weekdays: [...WEEKDAYS],
      content: { quote: true, onThisDay: true, section: true, quiz: false },
      catchUpHours: 6,
    }),
  /** Bundled documents this server has switched off (document ids). */
  disabledDocuments: z.array(z.string()).default([]),
});

export type GuildSettings = z.infer<typeof GuildSettingsSchema>;

export function defaultSettings(): GuildSettings {
  return GuildSettingsSchema.parse({ version: SETTINGS_VERSION });
}
