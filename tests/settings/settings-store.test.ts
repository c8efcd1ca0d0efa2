import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSetting } from '../../src/settings/definitions.ts';
import { migrate } from '../../src/settings/migrations.ts';
import { defaultSettings, SETTINGS_VERSION } from '../../src/settings/schema.ts';
import { SettingsStore, SettingsUnreadableError } from '../../src/settings/settings-store.ts';
import { openStore } from '../../src/store/open-store.ts';

const GUILD = '111111111111111111';
const mod = (n: number) => ({ id: `20000000000000000${n}`, name: `mod${n}` });

async function tempDb() {
  return `sqlite://${path.join(await mkdtemp(path.join(tmpdir(), 'lectern-settings-')), 'lectern.sqlite')}`;
}

function apply(setting: string, raw: string) {
  const def = findSetting(setting);
  if (!def) throw new Error(setting);
  const parsed = def.parse(raw);
  if (!parsed.ok) throw new Error(parsed.message);
  return { def, apply: parsed.apply };
}

describe('settings in Keyv on SQLite', () => {
  it('has a default for everything', async () => {
    const store = await openStore(await tempDb(), 'lectern');
    const settings = await new SettingsStore(store).get(GUILD);
    expect(settings).toEqual(defaultSettings());
    expect(settings.digest).toMatchObject({ state: 'off', time: '08:00', timeZone: 'UTC', catchUpHours: 6 });
    await store.disconnect();
  });

  it('keeps values across a restart of the store (a new process opening the same file)', async () => {
    const url = await tempDb();
    const first = await openStore(url, 'lectern');
    const { def, apply: set } = apply('digest-time', '7:30');
    await new SettingsStore(first).update(GUILD, mod(1), def.name, set, def.show);
    await first.disconnect();
    const second = await openStore(url, 'lectern');
    expect((await new SettingsStore(second).get(GUILD)).digest.time).toBe('07:30');
    expect(await new SettingsStore(second).history(GUILD)).toMatchObject([{ setting: 'digest-time', old: '08:00', new: '07:30', userName: 'mod1' }]);
    await second.disconnect();
  });

  it('loses neither of two moderators’ changes made at the same moment', async () => {
    const store = await openStore(await tempDb(), 'lectern');
    const settings = new SettingsStore(store);
    const changes: Array<[string, string]> = [
      ['digest-time', '06:15'],
      ['digest-timezone', 'Europe/Helsinki'],
      ['visibility', 'ephemeral'],
      ['date-order', 'day-first'],
      ['digest-days', 'weekdays'],
      ['digest-content', 'quote,section'],
      ['digest-catch-up', '3'],
      ['digest', 'on'],
    ];
    await Promise.all(changes.map(([name, raw], i) => {
      const { def, apply: set } = apply(name, raw);
      return settings.update(GUILD, mod(i), def.name, set, def.show);
    }));
    const s = await settings.get(GUILD);
    expect(s).toMatchObject({ replyVisibility: 'ephemeral', dateOrder: 'day-first' });
    expect(s.digest).toMatchObject({ state: 'on', time: '06:15', timeZone: 'Europe/Helsinki', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], content: { quote: true, onThisDay: false, section: true }, catchUpHours: 3 });
    expect(await settings.history(GUILD)).toHaveLength(changes.length);
    await store.disconnect();
  });

  it('keeps two servers apart', async () => {
    const store = await openStore(await tempDb(), 'lectern');
    const settings = new SettingsStore(store);
    const { def, apply: set } = apply('visibility', 'ephemeral');
    await settings.update(GUILD, mod(1), def.name, set, def.show);
    expect((await settings.get('222222222222222222')).replyVisibility).toBe('public');
    await store.disconnect();
  });

  it('migrates a version 1 record and refuses one from a newer version without resetting it', async () => {
    const store = await openStore(await tempDb(), 'lectern');
    const settings = new SettingsStore(store);
    await store.set(`settings:${GUILD}`, { version: 1, replyVisibility: 'ephemeral', digest: { enabled: true, channelId: '333333333333333333', time: '09:00' } });
    const migrated = await settings.get(GUILD);
    expect(migrated).toMatchObject({ version: SETTINGS_VERSION, replyVisibility: 'ephemeral' });
    expect(migrated.digest).toMatchObject({ state: 'on', time: '09:00', catchUpHours: 6 });
    expect(migrated.digest).not.toHaveProperty('enabled');

    const future = { version: SETTINGS_VERSION + 1, replyVisibility: 'public' };
    await store.set(`settings:${GUILD}`, future);
    await expect(settings.get(GUILD)).rejects.toBeInstanceOf(SettingsUnreadableError);
    expect(await store.get(`settings:${GUILD}`)).toEqual(future);
    expect(migrate('nonsense').ok).toBe(false);
    await store.disconnect();
  });

  it('migrates version 2 records, with their two digest switches, to the one state', async () => {
    const store = await openStore(await tempDb(), 'lectern');
    const settings = new SettingsStore(store);
    const v2 = (enabled: boolean, paused: boolean) => ({ version: 2, digest: { enabled, paused, channelId: '333333333333333333', time: '07:00', catchUpHours: 2 } });
    const cases: Array<[boolean, boolean, string]> = [
      [true, false, 'on'],
      [true, true, 'paused'],
      [false, false, 'off'],
      // Off and paused never posted: it stays off, so resuming it is a decision, not a surprise.
      [false, true, 'off'],
    ];
    for (const [enabled, paused, state] of cases) {
      await store.set(`settings:${GUILD}`, v2(enabled, paused));
      const migrated = await settings.get(GUILD);
      expect(migrated.version).toBe(3);
      expect(migrated.digest).toEqual({ state, channelId: '333333333333333333', time: '07:00', timeZone: 'UTC', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], content: { quote: true, onThisDay: true, section: true, quiz: false }, catchUpHours: 2 });
    }
    // The migrated record is written back on the next change, in the new shape.
    await settings.update(GUILD, mod(1), 'digest-time', (s) => ({ ...s, digest: { ...s.digest, time: '07:30' } }), (s) => s.digest.time);
    expect(await store.get(`settings:${GUILD}`)).toMatchObject({ version: 3, digest: { state: 'off', time: '07:30' } });
    expect((await store.get(`settings:${GUILD}`)) as { digest: object }).not.toHaveProperty('digest.paused');
    await store.disconnect();
  });

  it('refuses an invalid stored record instead of silently resetting it', async () => {
    const store = await openStore(await tempDb(), 'lectern');
    await store.set(`settings:${GUILD}`, { version: SETTINGS_VERSION, digest: { time: '25:99' } });
    await expect(new SettingsStore(store).get(GUILD)).rejects.toThrow(/digest\.time/);
    await store.disconnect();
  });

  it('stops with a clear message naming the file when the database is corrupt or cannot be opened', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lectern-corrupt-'));
    const file = path.join(dir, 'lectern.sqlite');
    await writeFile(file, 'this is not a database, just text that happens to be here '.repeat(100));
    await expect(openStore(`sqlite://${file}`, 'lectern')).rejects.toThrow(new RegExp(`Cannot open the database ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await writeFile(path.join(dir, 'blocker'), 'a file where a folder should be');
    await expect(openStore(`sqlite://${path.join(dir, 'blocker', 'x.sqlite')}`, 'lectern')).rejects.toThrow(/Cannot open the database .*blocker/);
  });

  it('refuses to start afresh when the database file has gone missing, until told to', async () => {
    const url = await tempDb();
    const file = url.replace('sqlite://', '');
    const first = await openStore(url, 'lectern');
    const { def, apply: set } = apply('visibility', 'ephemeral');
    await new SettingsStore(first).update(GUILD, mod(1), def.name, set, def.show);
    await first.disconnect();
    await rm(file);
    await expect(openStore(url, 'lectern')).rejects.toThrow(/is missing, but Lectern has kept settings there before/);
    await rm(`${file}.in-use`);
    const fresh = await openStore(url, 'lectern');
    expect((await new SettingsStore(fresh).get(GUILD)).replyVisibility).toBe('public');
    await fresh.disconnect();
  });

  it('selects Redis or PostgreSQL by URL, and names an unreachable server without its password', async () => {
    await expect(openStore('redis://127.0.0.1:1', 'lectern')).rejects.toThrow(/Cannot open the database redis:\/\/127\.0\.0\.1:1: .+/);
    const pg = openStore('postgres://lectern:hunter2@127.0.0.1:1/lectern', 'lectern');
    await expect(pg).rejects.toThrow(/Cannot open the database postgres:\/\/lectern:\*\*\*@127\.0\.0\.1:1\/lectern: .*ECONNREFUSED/);
    await expect(pg).rejects.not.toThrow(/hunter2/);
  });
});
