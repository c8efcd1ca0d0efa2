import { localDate } from '../digest/next-run.ts';
import { answer, invalid, privately, type Reply } from '../reply/reply.ts';
import { channel as channelPart, rich } from '../reply/rich-text.ts';
import { showDigestState, withDigestState } from '../settings/definitions.ts';
import type { DigestState } from '../settings/schema.ts';
import { blockersText, describeStatus, nextDigestItem, statusOf } from './digest-status.ts';
import { actorOf, forModerators } from './moderator.ts';
import type { ServerCommand, ServerContext } from './server-command.ts';
import { bySubcommand, type Handler } from './subcommands.ts';

type DigestService = NonNullable<ServerContext['services']['digest']>;

/** A handler that posts or previews: only where the bot posts digests (not in a test's bare app). */
const withDigest =
  (handler: (ctx: ServerContext, digest: DigestService) => Promise<Reply>): Handler<ServerContext> =>
  (ctx) =>
    ctx.services.digest ? handler(ctx, ctx.services.digest) : invalid('The digest is posted by the bot in a server.');

async function now({ invoker, services }: ServerContext, digest: DigestService): Promise<Reply> {
  const settings = await services.settings.get(invoker.guildId);
  if (!settings.digest.channelId) return invalid('Set a channel first: `/config set digest-channel`.');
  const day = localDate(services.now(), settings.digest.timeZone);
  const outcome = await digest.runNow(invoker.guildId, settings, day);
  const channel = channelPart(settings.digest.channelId);
  const next = await nextDigestItem(services, invoker, settings);
  if (outcome.status === 'posted' || outcome.status === 'recovered') return privately(answer('Digest posted', [{ text: rich(`Today’s digest (${day}) is in `, channel, '; it counts as today’s, so none is posted later today.') }, next]));
  if (outcome.status === 'already') return privately(answer('Already posted', [{ text: `Today’s digest (${day}) was already ${outcome.state === 'failed' ? 'attempted and failed' : 'posted'}; there is one a day.` }, next]));
  if (outcome.status === 'empty') return invalid('The reading list is empty, so there is nothing to post: add a document with `/library add`.');
  return invalid(rich('The digest could not be posted to ', channel, `: ${outcome.error.message}${outcome.permanent ? '. Check that the channel exists and that Lectern may send messages and embeds there.' : '. Try again in a moment.'}`));
}

async function preview({ invoker, services }: ServerContext, digest: DigestService): Promise<Reply> {
  const settings = await services.settings.get(invoker.guildId);
  const reply = await digest.preview(invoker.guildId, settings, localDate(services.now(), settings.digest.timeZone));
  const status = await statusOf(services, invoker, settings);
  const intro = status.kind === 'stopped' ? `Not posted, because ${blockersText(status.blockers)}. This is what it would show.` : rich('Next digest: ', describeStatus(status, settings), '.');
  return privately({ ...reply, intro });
}

/** `/digest pause` and `/digest resume` move the one switch that `/config set digest` also sets. */
const switchTo =
  (state: DigestState): Handler<ServerContext> =>
  async ({ invoker, services }) => {
    const before = (await services.settings.get(invoker.guildId)).digest.state;
    const after = await services.settings.update(invoker.guildId, actorOf(invoker), 'digest', (s) => withDigestState(s, state), showDigestState);
    const change = before === state ? `The digest was already ${state}.` : `The digest was ${before}; it is ${state} now.`;
    return privately(answer(state === 'paused' ? 'Digest paused' : 'Digest on', [{ heading: 'digest', text: change }, await nextDigestItem(services, invoker, after)]));
  };

export const digest: ServerCommand = {
  name: 'digest',
  description: 'The daily digest (moderators)',
  options: [],
  moderatorOnly: true,
  needsServer: true,
  subcommands: [
    { name: 'preview', description: 'See today’s digest privately, without posting it', options: [] },
    { name: 'now', description: 'Post today’s digest now (it counts as today’s)', options: [] },
    { name: 'pause', description: 'Stop posting until resumed', options: [] },
    { name: 'resume', description: 'Turn the digest on: post at the set time', options: [] },
  ],
  run: forModerators(
    bySubcommand({ preview: withDigest(preview), now: withDigest(now), pause: switchTo('paused'), resume: switchTo('on') }, () =>
      invalid('Use `/digest preview`, `/digest now`, `/digest pause` or `/digest resume`.'),
    ),
  ),
};
