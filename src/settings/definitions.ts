import type { OptionSpec } from '../reply/option-spec.ts';
import { channel, role, type RichText } from '../reply/rich-text.ts';
import { defaultSettings, DIGEST_STATES, isTimeZone, WEEKDAYS, type DigestState, type GuildSettings, type Weekday } from './schema.ts';

export type Parsed = { ok: true; apply: (s: GuildSettings) => GuildSettings } | { ok: false; message: string };

/** One setting a moderator can change with `/config set <name>`. */
export interface SettingDefinition {
  name: string;
  description: string;
  option: OptionSpec;
  parse(raw: string): Parsed;
  /** The value as a reply shows it (channels and roles as typed parts, for each renderer to name). */
  show(s: GuildSettings): RichText;
  reset(s: GuildSettings, defaults: GuildSettings): GuildSettings;
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const DAY_SETS: Record<string, Weekday[]> = {
  'every day': [...WEEKDAYS],
  everyday: [...WEEKDAYS],
  daily: [...WEEKDAYS],
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  weekends: ['sat', 'sun'],
};

/** "mon,wed,fri", "weekdays", "Monday Friday" → days in week order, or null. */
export function parseWeekdays(raw: string): Weekday[] | null {
  const text = raw.trim().toLowerCase();
  // Own keys only: "constructor" or "__proto__" are not sets of days.
  if (Object.hasOwn(DAY_SETS, text)) return DAY_SETS[text] ?? null;
  const parts = text.split(/[\s,;/]+/).filter(Boolean);
  if (!parts.length) return null;
  const days = new Set<Weekday>();
  for (const p of parts) {
    const day = WEEKDAYS.find((d, i) => p.length >= 2 && DAY_NAMES[i]?.startsWith(p));
    if (!day) return null;
    days.add(day);
  }
  return WEEKDAYS.filter((d) => days.has(d));
}

const CONTENT_PARTS = { quote: 'quote', 'on-this-day': 'onThisDay', section: 'section', quiz: 'quiz' } as const;

const channelMention = (id: string | null): RichText => (id ? [channel(id)] : 'not set');
const roleMention = (id: string | null): RichText => (id ? [role(id)] : 'none (Manage Server only)');
const ok = (apply: (s: GuildSettings) => GuildSettings): Parsed => ({ ok: true, apply });
const bad = (message: string): Parsed => ({ ok: false, message });
/** A Discord id: 17 to 20 digits, no leading zero, within 64 bits (a longer run of digits is no id). */
const isSnowflake = (raw: string) => /^[1-9]\d{16,19}$/.test(raw) && BigInt(raw) < 2n ** 64n;

/** A setting that is one of a few words, kept as typed in one field. */
function oneOf<K extends 'replyVisibility' | 'dateOrder'>(o: { name: string; description: string; field: K; choices: readonly GuildSettings[K][]; choicesDescription: string; message: string }): SettingDefinition {
  return {
    name: o.name,
    description: o.description,
    option: { name: 'value', description: o.choicesDescription, type: 'string', required: true, choices: o.choices },
    parse: (raw) => {
      const value = o.choices.find((c) => c === raw);
      return value ? ok((s) => ({ ...s, [o.field]: value })) : bad(o.message);
    },
    show: (s) => s[o.field],
    reset: (s, d) => ({ ...s, [o.field]: d[o.field] }),
  };
}

/** The digest's one switch, shared by `/config set digest` and `/digest pause|resume`. */
export const withDigestState = (s: GuildSettings, state: DigestState): GuildSettings => ({ ...s, digest: { ...s.digest, state } });
export const showDigestState = (s: GuildSettings): string => s.digest.state;

export const SETTINGS: SettingDefinition[] = [
  oneOf({
    name: 'visibility',
    description: 'Answers visible to everyone, or only to whoever asked',
    field: 'replyVisibility',
    choices: ['public', 'ephemeral'],
    choicesDescription: 'public or ephemeral',
    message: 'Visibility must be `public` or `ephemeral`.',
  }),
  {
    name: 'moderator-role',
    description: 'A role that may configure Lectern besides Manage Server',
    option: { name: 'role', description: 'The moderators’ role', type: 'role', required: true },
    parse: (raw) => (isSnowflake(raw) ? ok((s) => ({ ...s, moderatorRoleId: raw })) : bad('Pick a role from the list, e.g. @Moderators.')),
    show: (s) => roleMention(s.moderatorRoleId),
    reset: (s, d) => ({ ...s, moderatorRoleId: d.moderatorRoleId }),
  },
  oneOf({
    name: 'date-order',
    description: 'How numeric dates such as 8/29 are read',
    field: 'dateOrder',
    choices: ['month-first', 'day-first'],
    choicesDescription: 'month-first (8/29) or day-first (29/8)',
    message: 'Date order must be `month-first` (8/29) or `day-first` (29/8).',
  }),
  {
    name: 'digest',
    description: 'The daily digest: on, paused or off',
    option: { name: 'state', description: 'on, paused or off', type: 'string', required: true, choices: DIGEST_STATES },
    parse: (raw) => {
      const state = DIGEST_STATES.find((d) => d === raw);
      return state ? ok((s) => withDigestState(s, state)) : bad('The digest is `on`, `paused` or `off`.');
    },
    show: showDigestState,
    reset: (s, d) => withDigestState(s, d.digest.state),
  },
  {
    name: 'digest-channel',
    description: 'The channel the daily digest is posted to',
    option: { name: 'channel', description: 'A text channel', type: 'channel', required: true },
    parse: (raw) => (isSnowflake(raw) ? ok((s) => ({ ...s, digest: { ...s.digest, channelId: raw } })) : bad('Pick a text channel from the list, e.g. #reading.')),
    show: (s) => channelMention(s.digest.channelId),
    reset: (s, d) => ({ ...s, digest: { ...s.digest, channelId: d.digest.channelId } }),
  },
  {
    name: 'digest-time',
    description: 'The local time the digest is posted (24-hour HH:MM)',
    option: { name: 'time', description: 'HH:MM, e.g. 08:00', type: 'string', required: true, maxLength: 5 },
    parse: (raw) => {
      const m = /^(\d{1,2}):(\d{2})$/.exec(raw.trim());
      const h = Number(m?.[1]);
      const min = Number(m?.[2]);
      if (!m || h > 23 || min > 59) return bad('Time must be HH:MM, e.g. 08:00.');
      const time = `${String(h).padStart(2, '0')}:${m[2]}`;
      return ok((s) => ({ ...s, digest: { ...s.digest, time } }));
    },
    show: (s) => s.digest.time,
    reset: (s, d) => ({ ...s, digest: { ...s.digest, time: d.digest.time } }),
  },
  {
    name: 'digest-timezone',
    description: 'The server’s time zone (IANA name), daylight saving included',
    option: { name: 'zone', description: 'e.g. Europe/Helsinki, America/New_York, UTC', type: 'string', required: true, autocomplete: true, maxLength: 64 },
    parse: (raw) => (isTimeZone(raw.trim()) ? ok((s) => ({ ...s, digest: { ...s.digest, timeZone: raw.trim() } })) : bad('Time zone must be an IANA name, e.g. Europe/Helsinki or America/New_York.')),
    show: (s) => s.digest.timeZone,
    reset: (s, d) => ({ ...s, digest: { ...s.digest, timeZone: d.digest.timeZone } }),
  },
  {
    name: 'digest-days',
    description: 'The weekdays the digest is posted',
    option: { name: 'days', description: 'e.g. weekdays, every day, mon,wed,fri', type: 'string', required: true, maxLength: 60 },
    parse: (raw) => {
      const days = parseWeekdays(raw);
      return days ? ok((s) => ({ ...s, digest: { ...s.digest, weekdays: days } })) : bad('Days must be `every day`, `weekdays`, `weekends` or a list such as `mon,wed,fri`.');
    },
    show: (s) => (s.digest.weekdays.length === 7 ? 'every day' : s.digest.weekdays.join(', ')),
    reset: (s, d) => ({ ...s, digest: { ...s.digest, weekdays: d.digest.weekdays } }),
  },
  {
    name: 'digest-content',
    description: 'What the digest contains',
    option: { name: 'parts', description: 'Any of: quote, on-this-day, section, quiz (comma-separated)', type: 'string', required: true, maxLength: 60 },
    parse: (raw) => {
      const parts = raw.toLowerCase().split(/[\s,;]+/).filter(Boolean);
      if (!parts.length || parts.some((p) => !Object.hasOwn(CONTENT_PARTS, p))) return bad('Content must list any of `quote`, `on-this-day`, `section`, `quiz`, e.g. `quote,section,quiz`.');
      const content = { quote: parts.includes('quote'), onThisDay: parts.includes('on-this-day'), section: parts.includes('section'), quiz: parts.includes('quiz') };
      return ok((s) => ({ ...s, digest: { ...s.digest, content } }));
    },
    show: (s) =>
      Object.entries(CONTENT_PARTS)
        .filter(([, key]) => s.digest.content[key])
        .map(([name]) => name)
        .join(', ') || 'nothing',
    reset: (s, d) => ({ ...s, digest: { ...s.digest, content: d.digest.content } }),
  },
  {
    name: 'digest-catch-up',
    description: 'Hours after the time a missed digest is still posted (after a restart)',
    option: { name: 'hours', description: '0 to 23', type: 'integer', required: true },
    parse: (raw) => {
      // Digits only: Number() would read "" and " " as 0, and "1e1" or "0x10" as numbers.
      const n = /^\d{1,2}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      return Number.isInteger(n) && n >= 0 && n <= 23 ? ok((s) => ({ ...s, digest: { ...s.digest, catchUpHours: n } })) : bad('Catch-up must be a whole number of hours from 0 to 23, e.g. 6.');
    },
    show: (s) => `${s.digest.catchUpHours} h`,
    reset: (s, d) => ({ ...s, digest: { ...s.digest, catchUpHours: d.digest.catchUpHours } }),
  },
];

export function findSetting(name: string): SettingDefinition | undefined {
  return SETTINGS.find((s) => s.name === name);
}

export const DEFAULTS = defaultSettings();

/** Time zones for autocomplete: the runtime's IANA list, matched anywhere in the name. */
export function suggestTimeZones(prefix: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  const q = prefix.trim().toLowerCase().replace(/\s+/g, '_');
  const all = ['UTC', ...zones.filter((z) => z !== 'UTC')];
  const starts = all.filter((z) => z.toLowerCase().startsWith(q) || z.toLowerCase().split('/').pop()?.startsWith(q));
  const contains = all.filter((z) => !starts.includes(z) && z.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, 25);
}
