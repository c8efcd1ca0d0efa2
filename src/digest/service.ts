import type Keyv from 'keyv';
import type { DigestService } from '../commands/command.ts';
import type { LiveCorpus } from '../library/live-corpus.ts';
import type { DigestClaims } from './claims.ts';
import { lastDigestError, previewDigest, runDigest, type DigestPoster } from './runner.ts';

/** The digest as the commands see it: preview, post now (today's), and the last failure. */
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
