import type { Paragraph, ParagraphKind } from '../types.ts';
import { isElision, isFooter } from './paragraphs.ts';

/**
 * Paragraphs for a source without lines of its own (a PDF, an EPUB, a Word file): the extracted text gets
 * lines of its own, one per paragraph from `firstLine` on, so a citation's line counts the extracted text.
 */
export function numberParagraphs(paragraphs: Array<Omit<Paragraph, 'line' | 'breaks'>>, firstLine: number): Paragraph[] {
  return paragraphs.map((p, i) => ({ ...p, line: firstLine + i, breaks: [] }));
}

export function classify(text: string, kind: ParagraphKind): ParagraphKind {
  if (kind !== 'heading' && isElision(text)) return 'elision';
  if (kind === 'text' && isFooter(text)) return 'meta';
  return kind;
}
