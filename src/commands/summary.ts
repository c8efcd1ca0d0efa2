import { clip } from '../reply/clip.ts';
import { locationOfRange } from '../corpus/locations.ts';
import { SUMMARY_LENGTHS, type SummaryLength } from '../corpus/sections/summarise.ts';
import { answer, invalid, type ReplyItem } from '../reply/reply.ts';
import { cite } from '../reply/cite.ts';
import { refusal } from './refusal.ts';
import { documentChoices, documentOption, MAX_CHOICES, scopeOf, type Command } from './command.ts';

const LENGTHS = Object.keys(SUMMARY_LENGTHS) as SummaryLength[];

export const summary: Command = {
  name: 'summary',
  description: 'A section’s summary, its speakers and dates',
  options: [
    { name: 'section', description: 'Section label, keyword or a few words from it', type: 'string', required: true, autocomplete: true, maxLength: 100 },
    { name: 'length', description: 'short, medium or long', type: 'string', choices: LENGTHS },
    documentOption,
  ],
  run(ctx, options) {
    const length = (options.length?.trim() || 'medium') as SummaryLength;
    if (!LENGTHS.includes(length)) return invalid(`\`length\` must be one of ${LENGTHS.map((l) => `\`${l}\``).join(', ')}.`);
    const found = ctx.query.section(options.section ?? '', scopeOf(ctx, options));
    if (!found.ok) return refusal(found);
    const { section, document } = found.value;
    const doc = ctx.query.documents({ document: document.id })[0];
    const sentences = ctx.query.sentenceTexts(document.id, section.summaries[length]);
    const [first, last] = section.lines;
    const inSection = (line: number) => line >= first && line <= last;
    const speakers = [...new Set((doc?.quotes ?? []).filter((q) => inSection(q.line)).map((q) => ctx.query.speaker(q.speakerId)?.name ?? q.speakerId))];
    const dates = [...new Set((doc?.events ?? []).filter((e) => inSection(e.line)).map((e) => e.date))].sort();
    const items: ReplyItem[] = sentences.map((s) => ({ text: s.text, citation: cite(document, s.line) }));
    if (speakers.length) items.push({ heading: 'Speakers', text: speakers.join(', ') });
    if (dates.length) items.push({ heading: 'Dates', text: dates.join(', ') });
    const location = locationOfRange(document.locations, first, last);
    return answer(`Summary: ${section.label}`, items, `${clip(document.title, 120)}, ${location ? `${location}, ` : ''}lines ${first}–${last}. Keywords: ${section.keywords.slice(0, 5).join(', ')}.`);
  },
  autocomplete(ctx, option, value, options) {
    if (option === 'document') return documentChoices(ctx, value);
    return ctx.query.suggestSections(value, scopeOf(ctx, options), MAX_CHOICES).map((h) => ({
      name: clip(`${h.section.label} — ${h.document.title}`, 100),
      value: `${h.document.id}#${h.index}`.slice(0, 100),
    }));
  },
};
