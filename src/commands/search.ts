import { searchTerms } from '../corpus/search/tokens.ts';
import { answer, invalid, notFound } from '../reply/reply.ts';
import { cite } from '../reply/cite.ts';
import { documentChoices, documentOption, scopeOf, type Command } from './command.ts';

/** Bold the matched words so the reader sees why a sentence came up. */
function highlight(text: string, terms: string[]): string {
  if (!terms.length) return text;
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  return text.replace(new RegExp(`(?<![\\p{L}\\d])(${escaped.join('|')})(?![\\p{L}\\d])`, 'giu'), '**$1**');
}

export const search: Command = {
  name: 'search',
  description: 'Find sentences containing words (forgiving of typos)',
  options: [{ name: 'query', description: 'Words to look for', type: 'string', required: true, maxLength: 200 }, documentOption],
  run(ctx, options) {
    const text = options.query?.trim() ?? '';
    if (!/[\p{L}\d]/u.test(text)) return invalid('Give a few words to search for, for example `porcupine`.');
    // Stop words and single letters are not indexed: say so, rather than "no sentence matches".
    if (!searchTerms(text).length) return invalid(`"${text.slice(0, 80)}" has nothing to search for: very common words and single letters are skipped. Add a more specific word, for example \`porcupine\`.`);
    const hits = ctx.query.searchSentences(text, scopeOf(ctx, options), 25);
    if (!hits.length) return notFound(`No sentence matches "${text.slice(0, 80)}".`);
    return answer(
      `Search: ${text.slice(0, 80)}`,
      hits.map((h) => ({ text: highlight(h.sentence.text, h.terms), citation: cite(h.document, h.sentence.line) })),
      `${hits.length} matching sentence${hits.length === 1 ? '' : 's'}, best first.`,
    );
  },
  autocomplete(ctx, option, value) {
    return option === 'document' ? documentChoices(ctx, value) : [];
  },
};
