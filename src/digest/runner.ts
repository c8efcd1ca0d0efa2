import type Keyv from 'keyv';
import type { LiveCorpus } from '../library/live-corpus.ts';
import type { Reply } from '../reply/reply.ts';
import type { GuildSettings } from '../settings/schema.ts';
import type { DigestClaims } from './claims.ts';
import { composeDigest, type RotationState } from './compose.ts';

/** A failure Discord reported; `permanent` ones (deleted channel, missing permission) wait for a moderator. */
export class PostError extends Error {
  constructor(
    message: string,
    readonly code: number | null,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** How a digest reaches a channel; the Discord implementation lives in src/discord. */
export interface DigestPoster {
  /** Posts the digest; `marker` identifies it (and makes Discord drop a retried duplicate). Returns the message id. */
  post(channelId: string, reply: Reply, marker: string, guildId?: string): Promise<string>;
  /** After a crash: the message already posted with this marker, if any. */
  find(channelId: string, marker: string): Promise<string | null>;
}

export interface DigestError {
  day: string;
  code: number | null;
  message: string;
  at: string;
}

export interface RunnerDeps {
  claims: DigestClaims;
  store: Keyv;
  corpus: LiveCorpus;
  poster: DigestPoster;
  /** This process, in the claims table. */
  owner: string;
  now: () => Date;
}

export type RunOutcome =
  | { status: 'posted'; messageId: string }
  | { status: 'already'; messageId: string | null; by: string; state: string }
  | { status: 'recovered'; messageId: string }
  | { status: 'empty' }
  | { status: 'failed'; error: DigestError; permanent: boolean };

export const markerOf = (guildId: string, day: string) => `Lectern digest ${day} · ${guildId}`;

export async function rotationState(store: Keyv, guildId: string): Promise<RotationState> {
  return ((await store.get(`digest:state:${guildId}`)) as RotationState | undefined) ?? { quotes: [], sections: [] };
}

export async function lastDigestError(store: Keyv, guildId: string): Promise<DigestError | null> {
  return ((await store.get(`digest:error:${guildId}`)) as DigestError | undefined) ?? null;
}

export async function clearDigestError(store: Keyv, guildId: string): Promise<void> {
  await store.delete(`digest:error:${guildId}`);
}

/** The digest as it would be posted, without posting it or moving the rotations on. */
export async function previewDigest(deps: Pick<RunnerDeps, 'store' | 'corpus'>, guildId: string, settings: GuildSettings, day: string): Promise<Reply> {
  const state = await rotationState(deps.store, guildId);
  const composed = composeDigest({ query: deps.corpus.query, documents: deps.corpus.scopeFor(guildId, settings), content: settings.digest.content, localDate: day, state });
  return composed.reply;
}

/**
 * Posts one server's digest for one local day, exactly once: the day is claimed in the store before anything is
 * sent and marked with the message id after. A claim left by a crashed process is taken over only after checking
 * the channel for the message it may already have posted.
 */
export async function runDigest(deps: RunnerDeps, guildId: string, settings: GuildSettings, day: string): Promise<RunOutcome> {
  const channelId = settings.digest.channelId;
  if (!channelId) return { status: 'failed', error: { day, code: null, message: 'no digest channel is set', at: deps.now().toISOString() }, permanent: true };
  const marker = markerOf(guildId, day);
  const claim = await deps.claims.claim(guildId, day, deps.owner, deps.now().getTime());
  if (!claim.won) return { status: 'already', messageId: claim.row.messageId, by: claim.row.owner, state: claim.row.status };

  try {
    if (claim.recovered) {
      const existing = await deps.poster.find(channelId, marker);
      if (existing) {
        await deps.claims.markPosted(guildId, day, existing);
        return { status: 'recovered', messageId: existing };
      }
    }
    const state = await rotationState(deps.store, guildId);
    const composed = composeDigest({ query: deps.corpus.query, documents: deps.corpus.scopeFor(guildId, settings), content: settings.digest.content, localDate: day, state });
    if (composed.empty) {
      await deps.claims.markFailed(guildId, day, 'nothing to show: the reading list is empty');
      return { status: 'empty' };
    }
    const messageId = await deps.poster.post(channelId, composed.reply, marker, guildId);
    await deps.claims.markPosted(guildId, day, messageId);
    await deps.store.set(`digest:state:${guildId}`, composed.state);
    await clearDigestError(deps.store, guildId);
    return { status: 'posted', messageId };
  } catch (error) {
    const failure = error instanceof PostError ? error : new PostError((error as Error).message, null, false);
    const record: DigestError = { day, code: failure.code, message: failure.message, at: deps.now().toISOString() };
    await deps.store.set(`digest:error:${guildId}`, record);
    // A deleted channel or a missing permission is not retried until a moderator fixes it; a passing fault is.
    if (failure.permanent) await deps.claims.markFailed(guildId, day, `${failure.code ?? ''} ${failure.message}`.trim());
    else await deps.claims.release(guildId, day, deps.owner);
    return { status: 'failed', error: record, permanent: failure.permanent };
  }
}
