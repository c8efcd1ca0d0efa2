import { answer, countIntro, MAX_ITEMS, notFound } from '../reply/reply.ts';
import { cite } from '../reply/cite.ts';
import { describeAskedDate, describeDateQuery } from './date-words.ts';
import { refusal } from './refusal.ts';
import { documentChoices, documentOption, scopeOf, type Command } from './command.ts';

export const event: Command = {
  name: 'event',
  description: 'What happened on a date (Aug-29, 2025-08-29, August 2025, 1944, Aug 1 - Aug 31)',
  options: [{ name: 'date', description: 'A date, month, year or range', type: 'string', required: true, maxLength: 60 }, documentOption],
  run(ctx, options) {
    const found = ctx.query.events(options.date ?? '', { ...scopeOf(ctx, options), ...(ctx.dateOrder ? { order: ctx.dateOrder } : {}), limit: MAX_ITEMS });
    if (!found.ok) return refusal(found);
    const { query, hits, total } = found.value;
    // Past the cap the list is cut short: what happened around the date would come after events not shown.
    const nearest = total > MAX_ITEMS ? [] : found.value.nearest;
    const asked = query.kind === 'point' ? describeAskedDate(query.date) : `${describeAskedDate(query.from)} – ${describeAskedDate(query.to)}`;
    const when = describeDateQuery(query);
    if (!total && !nearest.length) return notFound(`Nothing dated ${asked} in the reading list.`);
    const swapped = query.kind === 'range' && query.swapped ? `Read as ${asked} (the dates were the other way round). ` : '';
    const items = [
      ...hits.map((h) => ({ heading: h.event.date, text: h.event.text, citation: cite(h.document, h.event.line) })),
      ...nearest.map((h) => ({ heading: `${h.event.date} (${total ? 'nearby' : 'nearest'})`, text: h.event.text, citation: cite(h.document, h.event.line) })),
    ];
    const counted =
      total > MAX_ITEMS
        ? countIntro(total, `events ${when}`, 'ask for a shorter period or a `document`')
        : total
          ? `${total} event${total === 1 ? '' : 's'} ${when}${nearest.length ? ', and what happened around it' : ''}.`
          : `Nothing ${when}; the nearest events:`;
    return answer(`Events: ${asked}`, items, `${swapped}${counted}`);
  },
  autocomplete(ctx, option, value) {
    return option === 'document' ? documentChoices(ctx, value) : [];
  },
};
