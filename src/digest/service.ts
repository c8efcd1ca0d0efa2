import type Keyv from 'keyv';
import type { LiveCorpus } from '../library/live-corpus.ts';
import type { Reply } from '../reply/reply.ts';
import type { GuildSettings } from '../settings/schema.ts';
import type { DigestClaims } from './claims.ts';
import { lastDigestError, previewDigest, runDigest, type DigestError, type DigestPoster, type RunOutcome } from './runner.ts';

/** The digest as the commands see it (one of their services): preview, post now (today's), the last failure. */
export interface DigestService {
  preview(guildId: string, settings: GuildSettings, day: string): Promise<Reply>;
  runNow(guildId: string, settings: GuildSettings, day: string): Promise<RunOutcome>;
  lastError(guildId: string): Promise<DigestError | null>;
  /** Whether the digest of this local day is claimed (posted, being posted, or refused by Discord). */
  claimed(guildId: string, day: string): Promise<boolean>;
}

/** The service over one claims table and poster, reading the live index. */
export function digestService(o: { claims: DigestClaims; store: Keyv; corpus: LiveCorpus; poster: DigestPoster; owner: string; now: () => Date }): DigestService {
  const deps = { ...o };
  return {
    preview: (guildId, settings, day) => previewDigest(deps, guildId, settings, day),
    async runNow(guildId, settings, day) {
      // A day that failed (a deleted channel, a missing permission) may be tried again by hand once fixed.
      const row = await o.claims.get(guildId, day);
      if (row?.status === 'failed') await o.claims.forgetFailed(guildId, day);
      return runDigest(deps, guildId, settings, day);
    },
    lastError: (guildId) => lastDigestError(o.store, guildId),
    claimed: async (guildId, day) => (await o.claims.get(guildId, day)) !== null,
  };
}
