import { localDate } from '../digest/scheduler.ts';
import { digestBlocker } from '../digest/next-run.ts';
import { answer, invalid, privately, type Reply } from '../reply/reply.ts';
import { SUBCOMMAND, type Command, type CommandContext } from './command.ts';
import { requireModerator } from './config.ts';


async function now(ctx: CommandContext): Promise<Reply> {
  const { invoker, services } = ctx;
  if (!invoker || !services?.digest) return invalid('The digest is posted by the bot in a server.');
  const settings = await services.settings.get(invoker.guildId);
  if (!settings.digest.channelId) return invalid('Set a channel first: `/config set digest-channel`.');
  const day = localDate(services.now(), settings.digest.timeZone);
  const outcome = await services.digest.runNow(invoker.guildId, settings, day);
  const channel = `<#${settings.digest.channelId}>`;
  if (outcome.status === 'posted' || outcome.status === 'recovered') return privately(answer('Digest posted', [{ text: `Today’s digest (${day}) is in ${channel}; it counts as today’s, so none is posted later.` }]));
  if (outcome.status === 'already') return privately(answer('Already posted', [{ text: `Today’s digest (${day}) was already ${outcome.state === 'failed' ? 'attempted and failed' : 'posted'}; there is one a day.` }]));
  if (outcome.status === 'empty') return invalid('The reading list is empty, so there is nothing to post.');
  return invalid(`The digest could not be posted to ${channel}: ${outcome.error.message}${outcome.permanent ? '. Check that the channel exists and that Lectern may send messages and embeds there.' : '. Try again in a moment.'}`);
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
    { name: 'resume', description: 'Post again at the set time', options: [] },
  ],
  async run(ctx, options) {
    const denied = requireModerator(ctx);
    if (denied) return denied;
    const { invoker, services } = ctx;
    if (!invoker || !services) return invalid('This works in a Discord server.');
    const sub = options[SUBCOMMAND];
    if (sub === 'preview') {
      if (!services.digest) return invalid('The digest is posted by the bot in a server.');
      const settings = await services.settings.get(invoker.guildId);
      const reply = await services.digest.preview(invoker.guildId, settings, localDate(services.now(), settings.digest.timeZone));
      const blocker = digestBlocker(settings);
      return privately(blocker ? { ...reply, intro: `Not scheduled: ${blocker}. This is what it would show.` } : reply);
    }
    if (sub === 'now') return now(ctx);
    if (sub === 'pause' || sub === 'resume') {
      const paused = sub === 'pause';
      await services.settings.update(invoker.guildId, { id: invoker.userId, name: invoker.userName }, 'digest paused', (s) => ({ ...s, digest: { ...s.digest, paused } }), (s) => (s.digest.paused ? 'paused' : 'running'));
      return privately(answer(paused ? 'Digest paused' : 'Digest resumed', [{ text: paused ? 'No digest is posted until `/digest resume`.' : 'The digest is posted again at the set time.' }]));
    }
    return invalid('Use `/digest preview`, `/digest now`, `/digest pause` or `/digest resume`.');
  },
};
