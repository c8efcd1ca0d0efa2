// When the next digest really posts, from everything that decides it.
import { describe, expect, it } from 'vitest';
import { digestStatus, type DigestFacts } from '../../src/digest/next-run.ts';
import { defaultSettings, type GuildSettings } from '../../src/settings/schema.ts';

const settings = (digest: Partial<GuildSettings['digest']>): GuildSettings => {
  const s = defaultSettings();
  return { ...s, digest: { ...s.digest, channelId: '333333333333333333', time: '08:00', timeZone: 'Europe/Helsinki', state: 'on', ...digest } };
};
// Wednesday 10 June 2026, 07:00 in Helsinki (EEST, UTC+3).
const facts = (digest: Partial<GuildSettings['digest']>, more: Partial<DigestFacts> = {}): DigestFacts => ({ settings: settings(digest), now: new Date('2026-06-10T04:00:00Z'), documents: 1, todayClaimed: false, ...more });

describe('digestStatus', () => {
  it('gives the set time today, in the server’s zone', () => {
    expect(digestStatus(facts({}))).toEqual({ kind: 'next', at: new Date('2026-06-10T05:00:00Z') });
  });

  it('skips today once today’s digest is claimed (posted early with /digest now)', () => {
    expect(digestStatus(facts({}, { todayClaimed: true }))).toEqual({ kind: 'next', at: new Date('2026-06-11T05:00:00Z') });
  });

  it('says a digest missed during a restart is due now, within the catch-up window, and not once it is posted', () => {
    const late = new Date('2026-06-10T07:00:00Z'); // 10:00 local, 2 hours late
    expect(digestStatus(facts({}, { now: late }))).toEqual({ kind: 'due', day: '2026-06-10' });
    expect(digestStatus(facts({}, { now: late, todayClaimed: true }))).toEqual({ kind: 'next', at: new Date('2026-06-11T05:00:00Z') });
    expect(digestStatus(facts({ catchUpHours: 1 }, { now: late }))).toEqual({ kind: 'next', at: new Date('2026-06-11T05:00:00Z') });
  });

  it('keeps to the weekdays', () => {
    expect(digestStatus(facts({ weekdays: ['mon'] }))).toEqual({ kind: 'next', at: new Date('2026-06-15T05:00:00Z') });
  });

  it('names everything that stops it, each with the command that fixes it', () => {
    expect(digestStatus(facts({ state: 'off', channelId: null }, { documents: 0 }))).toEqual({
      kind: 'stopped',
      blockers: [
        { why: 'the digest is off', fix: '`/digest resume` or `/config set digest state:on`' },
        { why: 'no channel is set', fix: '`/config set digest-channel`' },
        { why: 'the reading list is empty', fix: '`/library add` or `/library enable`' },
      ],
    });
    expect(digestStatus(facts({ state: 'paused' }))).toEqual({ kind: 'stopped', blockers: [{ why: 'the digest is paused', fix: '`/digest resume`' }] });
  });
});
