// The "done when" items on the bundled article, read from the analysis itself.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/corpus/analyse.ts';
import { loadFile } from '../../src/corpus/load/load-file.ts';
import type { DocumentAnalysis } from '../../src/corpus/types.ts';

const FILE = 'data/corpus/2025-09-04-security-guarantees.txt';
const warnings: string[] = [];
const doc = await loadFile(FILE, '2025-09-04-security-guarantees.txt', (m) => warnings.push(m));
if (!doc) throw new Error(`could not load ${FILE}: ${warnings.join(' ')}`);
const a: DocumentAnalysis = analyseDocument(doc);
const sourceLines = (await readFile(FILE, 'utf8')).split(/\r\n|\r|\n/);
const name = (id: string) => a.speakers.find((s) => s.id === id)?.name;

/** Source text from `line` on, normalised as the loader does and with line breaks folded to spaces. */
function sourceFrom(line: number): string {
  return sourceLines
    .slice(line - 1)
    .join(' ')
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ');
}

describe('the bundled article', () => {
  it('loads with its publication date', () => {
    expect(a.published).toBe('2025-09-04');
  });

  it("gives Stubb's quote and his two reported claims, with lines 65, 57 and 59", () => {
    const stubb = a.quotes.filter((q) => name(q.speakerId) === 'Alexander Stubb');
    expect(stubb.map((q) => [q.line, q.kind])).toEqual([
      [57, 'indirect'],
      [59, 'indirect'],
      [65, 'direct'],
    ]);
    expect(stubb.find((q) => q.line === 65)?.text).toMatch(/^it was the definition of realpolitik/);
    expect(a.speakers.find((s) => s.name === 'Alexander Stubb')?.aliases).toEqual(expect.arrayContaining(['Stubb', 'Mr Stubb']));
  });

  it('dates the Bayraktar factory fire to Aug 29 (lines 50-51) and the strike the day before to Aug 28', () => {
    const aug29 = a.events.filter((e) => e.date === '2025-08-29');
    expect(aug29.map((e) => e.line).sort()).toEqual([50, 51]);
    expect(aug29.some((e) => /Bayraktar/.test(e.text))).toBe(true);
    const before = a.events.find((e) => e.date === '2025-08-28');
    expect(before).toMatchObject({ line: 50, expression: 'The day before' });
  });

  it('has a section labelled finlandization spanning lines 57-68 with a summary inside it', () => {
    const section = a.sections.find((s) => s.label === 'finlandization');
    expect(section?.lines).toEqual([57, 68]);
    const lines = section?.summaries.medium.map((i) => a.sentences[i]?.line ?? 0) ?? [];
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l >= 57 && l <= 68).toBe(true);
  });

  it('does not take the scare-quoted "security guarantees" for quotes', () => {
    expect(a.quotes.some((q) => /^'?security guarantees?'?$/i.test(q.text))).toBe(false);
  });

  it('cites a line for every quote where its text really occurs', () => {
    expect(a.quotes.length).toBeGreaterThan(30);
    for (const q of a.quotes) {
      // The quote starts on its line, and (for joined paragraphs) runs on from there.
      const own = sourceFrom(q.line).slice(0, (sourceLines[q.line - 1] ?? '').length + 1);
      expect(own, `line ${q.line}`).toContain(q.text.split(' ').slice(0, 4).join(' '));
      expect(sourceFrom(q.line), `line ${q.line}: ${q.text.slice(0, 40)}`).toContain(q.text);
    }
  });

  it('cites each event on a line that holds its date expression', () => {
    for (const e of a.events) expect(sourceFrom(e.line), `line ${e.line}`).toContain(e.expression);
  });
});
