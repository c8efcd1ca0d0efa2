import type { Citation, Reply } from '../reply/reply.ts';

export function formatCitation(c: Citation): string {
  const lines = c.endLine !== undefined ? `lines ${c.line}–${c.endLine}` : `line ${c.line}`;
  return `${c.file}${c.location ? `, ${c.location}` : ''}, ${lines}${c.date ? `, ${c.date}` : ''}`;
}

/** A reply as plain text for the terminal: the same content the Discord embed shows. */
export function renderText(reply: Reply): string {
  const out: string[] = [reply.title, '='.repeat(Math.min(reply.title.length, 72))];
  if (reply.intro) out.push(reply.intro.replace(/\*\*/g, ''));
  for (const item of reply.items) {
    out.push('');
    if (item.heading) out.push(`${item.heading}`);
    out.push(`  ${item.text.replace(/\*\*/g, '')}`);
    if (item.citation) out.push(`  — ${formatCitation(item.citation)}`);
  }
  return out.join('\n');
}
