// The tagged document: every prose paragraph's tokens and tags, with the engine's sentences, so that extraction
// stages read words and tags rather than scanning raw strings again. Tagging costs about as much as all the rules
// together, so a paragraph is tagged when a stage first asks for it, and once.
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

export class TaggedDocument {
  private readonly tagged = new Map<number, TaggedParagraph>();
  private readonly continues: boolean[] = [];

  constructor(
    private readonly doc: LoadedDocument,
    private readonly sentenceSpans: Span[][],
  ) {
    let open = false;
    for (const [pi, p] of doc.paragraphs.entries()) {
      this.continues[pi] = open;
      if (!PROSE.has(p.kind)) {
        open = false;
        continue;
      }
      const quotes = doubleQuoteSpans(p.text);
      open = quotes.length > 0 && quotes[quotes.length - 1]?.closed === false;
    }
  }

  /** The tagged prose paragraph at index `pi`, or null for headings, citations and other structure. */
  paragraph(pi: number): TaggedParagraph | null {
    const p = this.doc.paragraphs[pi];
    if (!p || !PROSE.has(p.kind)) return null;
    let tp = this.tagged.get(pi);
    if (!tp) {
      tp = { paragraph: pi, text: p.text, tokens: tagText(p.text), sentences: this.sentenceSpans[pi] ?? [], continuesQuote: this.continues[pi] ?? false };
      this.tagged.set(pi, tp);
    }
    return tp;
  }

  /**
   * The tokens of one stretch of a paragraph, offsets counted from `start`: read from the paragraph's tags when a
   * stage has had them already, else the stretch alone is tagged (a clause is context enough for its tags).
   */
  tokensIn(pi: number, start: number, end: number): Token[] {
    const done = this.tagged.get(pi);
    if (done) return done.tokens.filter((t) => t.start >= start && t.end <= end).map((t) => ({ ...t, start: t.start - start, end: t.end - start }));
    return tagText((this.doc.paragraphs[pi]?.text ?? '').slice(start, end));
  }

  /** Every prose paragraph, tagged (training reads them all). */
  all(): TaggedParagraph[] {
    return this.doc.paragraphs.flatMap((_, pi) => this.paragraph(pi) ?? []);
  }
}
