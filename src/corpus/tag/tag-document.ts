// The tagged document: every prose paragraph's tokens and tags, with the engine's sentences, so that extraction
// stages read words and tags rather than scanning raw strings again.
import { doubleQuoteSpans } from '../quotes/spans.ts';
import type { Span } from '../text/sentences.ts';
import type { LoadedDocument } from '../types.ts';
import { tagText, type Token } from './tag-text.ts';

export interface TaggedParagraph {
  /** Index of the paragraph in the document. */
  paragraph: number;
  text: string;
  tokens: Token[];
  sentences: Span[];
  /** The paragraph before ended inside a quotation that this one goes on with. */
  continuesQuote: boolean;
}

const PROSE = new Set(['text', 'blockquote']);

export function tagDocument(doc: LoadedDocument, sentenceSpans: Span[][]): TaggedParagraph[] {
  const out: TaggedParagraph[] = [];
  let open = false;
  for (const [pi, p] of doc.paragraphs.entries()) {
    if (!PROSE.has(p.kind)) {
      open = false;
      continue;
    }
    out.push({ paragraph: pi, text: p.text, tokens: tagText(p.text), sentences: sentenceSpans[pi] ?? [], continuesQuote: open });
    const quotes = doubleQuoteSpans(p.text);
    open = quotes.length > 0 && quotes[quotes.length - 1]?.closed === false;
  }
  return out;
}
