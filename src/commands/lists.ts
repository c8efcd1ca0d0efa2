import type { Scope } from '../corpus/query/corpus-query.ts';
import { canonicalId } from '../corpus/speakers/registry.ts';
import { answer, countIntro, MAX_ITEMS, notFound, type Reply } from '../reply/reply.ts';
import { cite } from '../reply/cite.ts';
import { refusal } from './refusal.ts';
import { documentChoices, documentOption, scopeOf, type Command, type CommandContext } from './command.ts';

/** The other names, each once: "the company" and "company" are one name, and so are "The Economist" and "Economist". */
function otherNames(name: string, aliases: readonly string[]): string[] {
  const key = canonicalId;
  const seen = new Set([key(name)]);
  const out: string[] = [];
  for (const alias of aliases) {
    if (seen.has(key(alias))) continue;
    seen.add(key(alias));
    out.push(alias);
  }
  return out;
}

/** A list over the reading list or one `document` of it: the document is checked first, an empty list said so. */
function scopedList<T>(name: string, description: string, list: (ctx: CommandContext, scope: Scope) => T[], empty: string, draw: (list: T[]) => Reply): Command {
  return {
    name,
    description,
    options: [documentOption],
    run(ctx, options) {
      const docs = ctx.query.checkDocument(scopeOf(ctx, options));
      if (!docs.ok) return refusal(docs);
      const found = list(ctx, scopeOf(ctx, options));
      return found.length ? draw(found) : notFound(empty);
    },
    autocomplete: (ctx, _option, value) => documentChoices(ctx, value),
  };
}

export const speakers = scopedList(
  'speakers',
  'Everyone quoted, with how often',
  (ctx, scope) => ctx.query.speakers(scope).sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name)),
  'Nobody is quoted in the reading list yet.',
  (list) =>
    answer(
      'Speakers',
      list.slice(0, MAX_ITEMS).map((s) => {
        const also = otherNames(s.name, s.aliases);
        return { heading: s.name, text: [s.roles[0], `${s.quoteCount} quote${s.quoteCount === 1 ? '' : 's'}`, also.length ? `also: ${also.slice(0, 4).join(', ')}` : ''].filter(Boolean).join(' · ') };
      }),
      countIntro(list.length, `speaker${list.length === 1 ? '' : 's'}`, 'pick a `document` to see its speakers', 'the most quoted'),
    ),
);

export const sections = scopedList(
  'sections',
  'The sections of the reading list, with their labels',
  (ctx, scope) => ctx.query.sections(scope),
  'No sections yet: the reading list is empty.',
  (list) =>
    answer(
      'Sections',
      list.slice(0, MAX_ITEMS).map((h) => ({ heading: h.section.label, text: h.section.keywords.slice(0, 5).join(', '), citation: cite(h.document, h.section.lines[0], h.section.lines[1]) })),
      `${countIntro(list.length, `section${list.length === 1 ? '' : 's'}`, 'pick a `document` to see its sections')} Ask for one with /summary section:<label>.`,
    ),
);

export const documents: Command = {
  name: 'documents',
  description: 'The documents in the reading list',
  options: [],
  run(ctx) {
    const docs = ctx.query.documents(ctx.documents ? { documents: ctx.documents } : {});
    if (!docs.length) return notFound('The reading list is empty.');
    return answer(
      'Documents',
      docs.slice(0, MAX_ITEMS).map((d) => ({ heading: d.title, text: `${d.file} · ${d.published ?? 'undated'} · ${d.quotes.length} quotes, ${d.events.length} events, ${d.sections.length} sections` })),
      countIntro(docs.length, `document${docs.length === 1 ? '' : 's'}`, 'the `document` option of every command finds any of them by name'),
    );
  },
};
