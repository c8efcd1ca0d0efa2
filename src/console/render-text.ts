import { formatCitation } from '../reply/format-citation.ts';
import type { Reply } from '../reply/reply.ts';
import type { RichText } from '../reply/rich-text.ts';
import { consoleText, type ConsoleView } from './draw-spans.ts';

/**
 * How bold text (`**word**`: search matches, suggested names) is drawn: in bold on a terminal, as the Markdown
 * itself when the text goes to a file or another program.
 */
export type TextStyle = 'terminal' | 'plain';

const BOLD = /\*\*(.+?)\*\*/g;
const bold = (text: string, style: TextStyle) => (style === 'terminal' ? text.replace(BOLD, '\x1b[1m$1\x1b[22m') : text);

/** The style for a stream: bold on a terminal, Markdown otherwise. */
export const styleFor = (stream: NodeJS.WritableStream): TextStyle => ((stream as { isTTY?: boolean }).isTTY ? 'terminal' : 'plain');

/** A reply as text for the terminal: the same content the Discord embed shows. */
export function renderText(reply: Reply, style: TextStyle = 'plain', view: ConsoleView = {}): string {
  const text = (t: RichText) => consoleText(t, view);
  const out: string[] = [reply.title, '='.repeat(Math.min(reply.title.length, 72))];
  if (reply.intro) out.push(bold(text(reply.intro), style));
  for (const item of reply.items) {
    out.push('');
    if (item.heading) out.push(text(item.heading));
    out.push(`  ${bold(text(item.text), style)}`);
    if (item.citation) out.push(`  — ${formatCitation(item.citation)}`);
  }
  if (reply.quiz) {
    out.push('');
    const { question, revealed } = reply.quiz;
    question.choices.forEach((c, i) => out.push(`  ${i + 1}. ${c.name}${revealed && i === question.answer ? '  ✓' : ''}`));
  }
  return out.join('\n');
}
