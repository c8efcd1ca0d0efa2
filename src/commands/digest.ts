import { localDate } from '../digest/next-run.ts';
import { answer, invalid, privately, type Reply } from '../reply/reply.ts';
import { channel as channelPart, rich } from '../reply/rich-text.ts';
import { showDigestState, withDigestState } from '../settings/definitions.ts';
import type { DigestState } from '../settings/schema.ts';
import { SUBCOMMAND, type Command, type CommandContext, type Invoker, type Services } from './command.ts';
import { requireModerator } from './config.ts';
import { blockersText, describeStatus, nextDigestItem, statusOf } from './digest-status.ts';

async function now(invoker: Invoker, services: Services): Promise<Reply> {
  if (!services.digest) return invalid('The digest is posted by the bot in a server.');
  const settings = await services.settings.get(invoker.guildId);
  if (!settings.digest.channelId) return invalid('Set a channel first: `/config set digest-channel`.');
  const day = localDate(services.now(), settings.digest.timeZone);
  const outcome = await services.digest.runNow(invoker.guildId, settings, day);
  const channel = channelPart(settings.digest.channelId);
  const next = await nextDigestItem(services, invoker, settings);
  if (outcome.status === 'posted' || outcome.status === 'recovered') return privately(answer('Digest posted', [{ text: rich(`Today’s digest (${day}) is in `, channel, '; it counts as today’s, so none is posted later today.') }, next]));
  if (outcome.status === 'already') return privately(answer('Already posted', [{ text: `Today’s digest (${day}) was already ${outcome.state === 'failed' ? 'attempted and failed' : 'posted'}; there is one a day.` }, next]));
  if (outcome.status === 'empty') return invalid('The reading list is empty, so there is nothing to post: add a document with `/library add`.');
  return invalid(rich('The digest could not be posted to ', channel, `: ${outcome.error.message}${outcome.permanent ? '. Check that the channel exists and that Lectern may send messages and embeds there.' : '. Try again in a moment.'}`));
}

async function preview(invoker: Invoker, services: Services): Promise<Reply> {
  if (!services.digest) return invalid('The digest is posted by the bot in a server.');
  const settings = await services.settings.get(invoker.guildId);
  const reply = await services.digest.preview(invoker.guildId, settings, localDate(services.now(), settings.digest.timeZone));
  const status = await statusOf(services, invoker, settings);
  const intro = status.kind === 'stopped' ? `Not posted, because ${blockersText(status.blockers)}. This is what it would show.` : rich('Next digest: ', describeStatus(status, settings), '.');
  return privately({ ...reply, intro });
}

/** `/digest pause` and `/digest resume` move the one switch that `/config set digest` also sets. */
async function switchTo(state: DigestState, invoker: Invoker, services: Services): Promise<Reply> {
  const before = (await services.settings.get(invoker.guildId)).digest.state;
  const after = await services.settings.update(invoker.guildId, { id: invoker.userId, name: invoker.userName }, 'digest', (s) => withDigestState(s, state), showDigestState);
  const change = before === state ? `The digest was already ${state}.` : `The digest was ${before}; it is ${state} now.`;
  return privately(answer(state === 'paused' ? 'Digest paused' : 'Digest on', [{ heading: 'digest', text: change }, await nextDigestItem(services, invoker, after)]));
}

export const digest: Command = {
  name: 'digest',
  description: 'The daily digest (moderators)',
  options: [],
  moderatorOnly: true,
  subcommands: [
    { name: 'preview', description: 'See today’s digest privately, without posting it', options: [] },
    { name: 'now', description: 'Post today’s digest now (it counts as today’s)', options: [] },
    { name: 'pause', description: 'Stop posting until resumed', options: [] },
    { name: 'resume', description: 'Turn the digest on: post at the set time', options: [] },
  ],
  async run(ctx: CommandContext, options) {
    const denied = requireModerator(ctx);
    if (denied) return denied;
    const { invoker, services } = ctx;
    if (!invoker || !services) return invalid('This works in a Discord server.');
    const sub = options[SUBCOMMAND];
    if (sub === 'preview') return preview(invoker, services);
    if (sub === 'now') return now(invoker, services);
    if (sub === 'pause') return switchTo('paused', invoker, services);
    if (sub === 'resume') return switchTo('on', invoker, services);
    return invalid('Use `/digest preview`, `/digest now`, `/digest pause` or `/digest resume`.');
  },
};
