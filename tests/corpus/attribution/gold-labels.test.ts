import { describe, expect, it } from 'vitest';
import { alignLine, goldLabels } from '../../../src/corpus/attribution/gold-labels.ts';
import { LABELS } from '../../../src/corpus/attribution/labels.ts';
import { readForTagging } from '../../../src/corpus/attribution/train.ts';
import { loadText } from '../../../src/corpus/load/load-text.ts';
import { annotated } from './annotate.ts';

function labelled(markup: string): string[] {
  const { raw, attributions } = annotated(markup);
  const doc = loadText('t.txt', 't.txt', raw);
  const tagged = readForTagging(doc);
  return goldLabels(doc, raw, tagged, attributions).flatMap((g, k) => (tagged[k]?.tokens ?? []).map((t, i) => `${t.text}/${LABELS[g.labels[i] ?? 0]}`));
}

describe('gold labels from annotated spans', () => {
  it('labels each token of a source, cue and content, opening each span with B-', () => {
    expect(labelled('September 1, 2016\n\n[[S:Maria Lopez]] [[C:said]] [[T:the port reopened]].')).toEqual([
      'Maria/B-SRC', 'Lopez/I-SRC', 'said/B-CUE', 'the/B-CON', 'port/I-CON', 'reopened/I-CON', './O',
    ]);
  });

  it('keeps two attributions in one paragraph apart, even when their contents touch', () => {
    const labels = labelled('September 1, 2016\n\n"[[T1:We are ready]]," [[S1:Kim]] [[C1:said]]; [[S2:Lee]] [[C2:said]] [[T2:they were not]].');
    expect(labels).toContain('Kim/B-SRC');
    expect(labels).toContain('Lee/B-SRC');
    expect(labels.filter((l) => l.endsWith('/B-CON'))).toHaveLength(2);
  });

  it('finds the spans through typographic quotes, ellipses and doubled spaces that the loader normalises', () => {
    // Offsets count the raw file: curly quotes become straight ones, "…" becomes "...", two spaces one.
    const labels = labelled('September 1, 2016\n\n“[[T:We waited… and  waited]],” [[S:Ana Ruiz]] [[C:said]].');
    expect(labels).toContain('Ana/B-SRC');
    expect(labels).toContain('Ruiz/I-SRC');
    expect(labels).toContain('waited/I-CON');
    expect(labels.filter((l) => l.endsWith('-CON')).length).toBeGreaterThanOrEqual(4);
  });

  it('maps each normalised column back to the raw column it came from', () => {
    const map = alignLine('a\u2026b  c', 'a...b c');
    expect([...map]).toEqual([0, 1, 1, 1, 2, 3, 5, 6]);
    // Two apostrophes are one double mark: the columns after it stay aligned.
    expect([...alignLine("a ''b'' c", 'a "b" c')]).toEqual([0, 1, 2, 4, 5, 7, 8, 9]);
  });

  it('finds the spans after a double mark written as two apostrophes', () => {
    const labels = labelled("September 1, 2016\n\n''[[T:We are not leaving the city]],'' [[S:Ana Ruiz]] [[C:said]].");
    expect(labels).toEqual(['"/O', 'We/B-CON', 'are/I-CON', 'not/I-CON', 'leaving/I-CON', 'the/I-CON', 'city/I-CON', ',/O', '"/O', 'Ana/B-SRC', 'Ruiz/I-SRC', 'said/B-CUE', './O']);
  });
});
