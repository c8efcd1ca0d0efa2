import { drawText, type RichText, type Span } from '../reply/rich-text.ts';

/** Discord's own markup: the client shows each reader the channel's and role's current names and the time in their zone. */
function drawSpan(span: Span): string {
  if (span.kind === 'channel') return `<#${span.id}>`;
  if (span.kind === 'role') return `<@&${span.id}>`;
  // The name as it was, after the mention: a member who has left shows as an unknown user.
  if (span.kind === 'user') return `<@${span.id}>${span.name !== undefined ? ` (${span.name})` : ''}`;
  return `<t:${Math.floor(span.at / 1000)}:${span.style === 'relative' ? 'R' : 'f'}>`;
}

/** A reply's text as Discord message Markdown. */
export const discordText = (text: RichText): string => drawText(text, drawSpan);
