import { clip } from '../reply/clip.ts';
import type { QuoteKind } from '../corpus/types.ts';
import { answer, countIntro, invalid, MAX_ITEMS } from '../reply/reply.ts';
import { cite } from '../reply/cite.ts';
import { refusal } from './refusal.ts';
import { documentChoices, documentOption, MAX_CHOICES, scopeOf, type Command } from './command.ts';

const KINDS = ['direct', 'indirect', 'block'] as const;

export const quote: Command = {
  name: 'quote',
  description: 'What a speaker said, with the document and line',
  options: [
    { name: 'speaker', description: 'Who said it (name, surname or alias)', type: 'string', required: true, autocomplete: true, maxLength: 100 },
    documentOption,
    { name: 'contains', description: 'Only quotes containing these words', type: 'string', maxLength: 100 },
    { name: 'kind', description: 'direct words, reported speech or quoted passages', type: 'string', choices: KINDS },
  ],
  run(ctx, options) {
    const kind = options.kind?.trim();
    if (kind && !(KINDS as readonly string[]).includes(kind)) return invalid(`\`kind\` must be one of ${KINDS.map((k) => `\`${k}\``).join(', ')}.`);
    const found = ctx.query.quotes(options.speaker ?? '', { ...scopeOf(ctx, options), ...(options.contains ? { contains: options.contains } : {}), ...(kind ? { kind: kind as QuoteKind } : {}) });
    if (!found.ok) return refusal(found);
    const { speaker, hits } = found.value;
    const role = speaker.roles[0] ? ` (${speaker.roles[0]})` : '';
    // A quote split by its attribution ("…," she said, "…") is parts on one line: each part shows the role given.
    const roleOnLine = new Map<string, string>();
    for (const h of hits) if (h.quote.role && !roleOnLine.has(`${h.document.id}:${h.quote.line}`)) roleOnLine.set(`${h.document.id}:${h.quote.line}`, h.quote.role);
    return answer(
      `Quotes from ${speaker.name}`,
      hits.slice(0, MAX_ITEMS).map((h) => ({
        heading: [h.quote.kind === 'direct' ? 'Said' : h.quote.kind === 'indirect' ? 'Reported' : 'Quoted passage', h.quote.role ?? roleOnLine.get(`${h.document.id}:${h.quote.line}`)].filter(Boolean).join(' — '),
        text: h.quote.kind === 'direct' ? `“${h.quote.text}”` : h.quote.text,
        citation: cite(h.document, h.quote.line),
      })),
      countIntro(hits.length, `quote${hits.length === 1 ? '' : 's'} from ${speaker.name}${role}`, 'narrow with `contains`, `kind` or `document`'),
    );
  },
  autocomplete(ctx, option, value, options) {
    if (option === 'document') return documentChoices(ctx, value);
    return ctx.query.suggestSpeakers(value, scopeOf(ctx, options), MAX_CHOICES).map((s) => ({ name: clip(`${s.name}${s.roles[0] ? ` — ${s.roles[0]}` : ''}`, 100), value: s.name.slice(0, 100) }));
  },
};
