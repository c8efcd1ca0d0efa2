import { answer, countIntro, MAX_ITEMS, notFound } from '../reply/reply.ts';
import { cite } from './cite.ts';
import { refusal } from './refusal.ts';
import { documentChoices, documentOption, scopeOf, type Command } from './command.ts';

export const timeline: Command = {
  name: 'timeline',
  description: 'Events in date order, optionally between two dates',
  options: [
    { name: 'from', description: 'First date, e.g. 2025-08-01 or August 2025', type: 'string', maxLength: 40 },
    { name: 'to', description: 'Last date, e.g. 2025-08-31', type: 'string', maxLength: 40 },
    documentOption,
  ],
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
    return answer(
      `Timeline${span ? ` ${span}` : ''}`,
      hits.map((h) => ({ heading: h.event.date, text: h.event.text, citation: cite(h.document, h.event.line) })),
      countIntro(total, `dated event${total === 1 ? '' : 's'}, oldest first`, 'narrow it with `from` and `to`, or a `document`'),
    );
  },
  autocomplete(ctx, option, value) {
    return option === 'document' ? documentChoices(ctx, value) : [];
  },
};
