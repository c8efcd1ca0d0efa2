import type Keyv from 'keyv';
import { sameText, type RichText } from '../reply/rich-text.ts';
import { KeyedQueue } from '../store/keyed-queue.ts';
import { migrate } from './migrations.ts';
import { defaultSettings, GuildSettingsSchema, type GuildSettings } from './schema.ts';

export interface Change {
  at: string;
  userId: string;
  userName: string;
  setting: string;
  /** Values as `show` gave them (older records hold plain strings). */
  old: RichText;
  new: RichText;
}

const HISTORY_LIMIT = 50;

/** Raised when stored settings cannot be read; the record is left as it is for a person to look at. */
export class SettingsUnreadableError extends Error {}

/**
 * One server's settings in Keyv, schema-checked. Writes to one server are serialised, so two
 * moderators changing different settings at the same moment both keep their change.
 */
export class SettingsStore {
  private readonly queue = new KeyedQueue();

  constructor(private readonly store: Keyv) {}

  async get(guildId: string): Promise<GuildSettings> {
    const stored: unknown = await this.store.get(`settings:${guildId}`);
    if (stored === undefined) return defaultSettings();
    const migrated = migrate(stored);
    if (!migrated.ok) throw new SettingsUnreadableError(`Settings of server ${guildId} cannot be read: ${migrated.message}.`);
    const parsed = GuildSettingsSchema.safeParse(migrated.value);
    if (!parsed.success) throw new SettingsUnreadableError(`Settings of server ${guildId} are invalid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}.`);
    return parsed.data;
  }

  /**
   * Applies a change computed from the current settings, records it in the history, and returns the
   * new settings. `describe` names the setting and shows values for the history.
   */
  update(
    guildId: string,
    actor: { id: string; name: string },
    setting: string,
    change: (current: GuildSettings) => GuildSettings,
    show: (s: GuildSettings) => RichText,
  ): Promise<GuildSettings> {
    return this.queue.run(guildId, async () => {
      const current = await this.get(guildId);
      const next = GuildSettingsSchema.parse(change(structuredClone(current)));
      const before = show(current);
      const after = show(next);
      await this.store.set(`settings:${guildId}`, next);
      if (!sameText(before, after)) {
        const history = ((await this.store.get(`history:${guildId}`)) as Change[] | undefined) ?? [];
        history.unshift({ at: new Date().toISOString(), userId: actor.id, userName: actor.name, setting, old: before, new: after });
        await this.store.set(`history:${guildId}`, history.slice(0, HISTORY_LIMIT));
      }
      return next;
    });
  }

  async history(guildId: string): Promise<Change[]> {
    return ((await this.store.get(`history:${guildId}`)) as Change[] | undefined) ?? [];
  }
}
