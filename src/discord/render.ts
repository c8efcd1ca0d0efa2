import type { APIEmbed } from 'discord-api-types/v10';
import { clip } from '../reply/clip.ts';
import { formatCitation } from '../reply/format-citation.ts';
import type { Reply, ReplyItem } from '../reply/reply.ts';
import { discordText } from './draw-spans.ts';
import { LIMITS } from './limits.ts';

/** One page's share of the description: well under the 4,096 limit so title and footer fit the 6,000 total. */
const PAGE_BUDGET = 3400;
/** Cited items (quotes, events) are read one by one: a few a page. Short list entries fit more. */
const CITED_PER_PAGE = 6;
const LISTED_PER_PAGE = 15;
/** A single item longer than this is shortened (with a note) so that it still fits a page. */
const ITEM_MAX = 1800;

const COLOURS = { answer: 0x3b6ea5, 'not-found': 0xc28b2c, invalid: 0xb04a4a } as const;

function itemText(item: ReplyItem): string {
  const body = clip(discordText(item.text), ITEM_MAX, ` … (shortened${item.citation ? `; the full text is at line ${item.citation.line}` : ''})`);
  const quoted = body
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
  return [item.heading ? `**${discordText(item.heading)}**` : null, quoted, item.citation ? `— ${formatCitation(item.citation)}` : null].filter(Boolean).join('\n');
}

/** Splits a reply's items into pages that each respect Discord's embed limits. */
export function paginate(reply: Reply): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let size = 0;
  const perPage = reply.items.some((i) => i.citation) ? CITED_PER_PAGE : LISTED_PER_PAGE;
  for (const item of reply.items) {
    const text = itemText(item);
    if (page.length && (size + text.length + 2 > PAGE_BUDGET || page.length >= perPage)) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(text);
    size += text.length + 2;
  }
  if (page.length || !pages.length) pages.push(page);
  return pages;
}

/** The embed for one page of a reply. */
export function renderEmbed(reply: Reply, pages: string[][], index: number): APIEmbed {
  const page = pages[index] ?? [];
  const intro = reply.intro ? clip(discordText(reply.intro), 1000) : '';
  const description = [index === 0 || !intro ? intro : '', ...page].filter(Boolean).join('\n\n');
  const embed: APIEmbed = {
    title: clip(reply.title, LIMITS.embedTitle),
    description: clip(description || '—', LIMITS.embedDescription),
    color: COLOURS[reply.kind],
  };
  if (pages.length > 1) embed.footer = { text: `Page ${index + 1} of ${pages.length}` };
  return embed;
}

/** Characters Discord counts towards the 6,000 per message. */
export function embedSize(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}
