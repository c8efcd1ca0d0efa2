import { findSetting } from '../../src/settings/definitions.ts';
import type { SettingsStore } from '../../src/settings/settings-store.ts';

/** Sets settings as a moderator would with /config set, failing the test on a value the command would refuse. */
export async function configure(settings: SettingsStore, guildId: string, values: Record<string, string>): Promise<void> {
  for (const [name, raw] of Object.entries(values)) {
    const def = findSetting(name);
    const parsed = def?.parse(raw);
    if (!def || !parsed?.ok) throw new Error(`cannot set ${name} to ${raw}`);
    await settings.update(guildId, { id: '100000000000000099', name: 'test moderator' }, def.name, parsed.apply, def.show);
  }
}
