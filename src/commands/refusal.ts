import type { Reason } from '../corpus/query/found.ts';
import { invalid, notFound, type Reply } from '../reply/reply.ts';
import { DATE_EXAMPLES } from './date-words.ts';

/** What was asked, as the answer repeats it (long text is cut). */
const said = (text: string, max = 80) => text.slice(0, max);

/** A query that did not answer: "Check that option" for a mistake in the question, "Nothing found" otherwise. */
export function refusal(failed: { reason: Reason }): Reply {
  const r = failed.reason;
  switch (r.kind) {
    case 'no-speaker-given':
      return invalid('Give a speaker’s name, for example `Stubb`.');
    case 'no-section-given':
      return invalid('Give a section label or a few words from it, for example `finlandization`.');
    case 'no-date-given':
      return invalid(`Give a date, for example ${DATE_EXAMPLES}.`);
    case 'unreadable-date':
      return invalid(`I could not read "${said(r.asked, 60)}" as a date. Try ${DATE_EXAMPLES}.`);
    case 'bound-without-year':
      return invalid(`\`${r.bound}\` must be a date with a year, for example \`2025-08-01\` or \`August 2025\` (not "${said(r.asked, 40)}").`);
    case 'from-after-to':
      return invalid('`from` is after `to`: swap them.');
    case 'unknown-document':
      return notFound(`No document matches "${said(r.asked)}".`, r.suggestions);
    case 'unknown-speaker':
      return notFound(`No quotes from "${said(r.asked)}".`, r.suggestions);
    case 'speaker-in-roles': {
      const who = r.speakers.map((s) => `${s.speaker.name}, ${s.role}, has ${s.quotes} quote${s.quotes === 1 ? '' : 's'}`);
      return notFound(`No quotes attributed to "${said(r.asked)}"; ${who.join('; ')}.`, []);
    }
    case 'no-quotes': {
      const what = [r.quoteKind ? `${r.quoteKind} quotes` : 'quotes', r.contains ? `containing "${said(r.contains)}"` : ''].filter(Boolean).join(' ');
      return notFound(`${r.speaker.name} has no ${what}${r.document ? ` in "${said(r.document)}"` : ''}.`, []);
    }
    case 'unknown-section':
      return notFound(`No section matches "${said(r.asked)}".`, r.suggestions);
  }
}
