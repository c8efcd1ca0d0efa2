import type { EventHit } from '../corpus/query/corpus-query.ts';
import { renderTimeline } from '../picture/timeline-chart.ts';
import { answer, countIntro, MAX_ITEMS, notFound, type Reply } from '../reply/reply.ts';
import { cite } from '../reply/cite.ts';
import { refusal } from './refusal.ts';
import { documentChoices, documentOption, scopeOf, type Command } from './command.ts';

/** The events drawn on a time axis, as a PNG that goes with the reply. */
async function pictureReply(title: string, hits: EventHit[], total: number): Promise<Reply> {
  const picture = await renderTimeline(
    hits.map((h) => ({ date: h.event.date, granularity: h.event.granularity, text: h.event.text, document: h.document.title })),
    title,
  );
  const documents = picture.legend.length;
  const intro = `${countIntro(total, `dated event${total === 1 ? '' : 's'}`, 'narrow it with `from` and `to`, or a `document`')} ${
    documents === 1 ? 'One document.' : `${documents} documents, told apart by colour.`
  }`;
  return {
    ...answer(title, [], intro),
    picture: {
      file: 'timeline.png',
      png: picture.png,
      description: `${title}: ${Math.min(total, MAX_ITEMS)} events on a time axis, from ${hits[0]?.event.date} to ${hits[hits.length - 1]?.event.date}.`,
    },
  };
}

export const timeline: Command = {
  name: 'timeline',
  description: 'Events in date order, optionally between two dates',
  options: [
    { name: 'from', description: 'First date, e.g. 2025-08-01 or August 2025', type: 'string', maxLength: 40 },
    { name: 'to', description: 'Last date, e.g. 2025-08-31', type: 'string', maxLength: 40 },
    documentOption,
    { name: 'picture', description: 'Draw the events on a time axis (a picture) instead of listing them', type: 'boolean' },
  ],
  slow: (options) => options.picture === 'true',
  run(ctx, options) {
    const found = ctx.query.timeline({
      ...scopeOf(ctx, options),
      ...(options.from ? { from: options.from } : {}),
      ...(options.to ? { to: options.to } : {}),
      ...(ctx.dateOrder ? { order: ctx.dateOrder } : {}),
      limit: MAX_ITEMS,
    });
    if (!found.ok) return refusal(found);
    const { hits, total } = found.value;
    if (!total) return notFound('No dated events in that period.');
    const span = [options.from && `from ${options.from}`, options.to && `to ${options.to}`].filter(Boolean).join(' ');
    const title = `Timeline${span ? ` ${span}` : ''}`;
    if (options.picture === 'true') return pictureReply(title, hits, total);
    return answer(
      title,
      hits.map((h) => ({ heading: h.event.date, text: h.event.text, citation: cite(h.document, h.event.line) })),
      countIntro(total, `dated event${total === 1 ? '' : 's'}, oldest first`, 'narrow it with `from` and `to`, or a `document`'),
    );
  },
  autocomplete(ctx, option, value) {
    return option === 'document' ? documentChoices(ctx, value) : [];
  },
};
