import type { Citation } from './reply.ts';

/** "article.txt, p. 2, line 14, 2025-09-04": the same in every renderer. */
export function formatCitation(c: Citation): string {
  const lines = c.endLine !== undefined ? `lines ${c.line}–${c.endLine}` : `line ${c.line}`;
  return `${c.file}${c.location ? `, ${c.location}` : ''}, ${lines}${c.date ? `, ${c.date}` : ''}`;
}
