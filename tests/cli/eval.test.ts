import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { toContract } from '../../src/corpus/export.ts';
import { score, type GoldDocument } from '../../src/eval/score.ts';
import { bundledIndex } from '../support/bundled-index.ts';

describe('quality against the gold annotations', () => {
  it('meets the targets: quote F1 ≥ 0.85, speaker recall ≥ 0.9, event recall ≥ 0.9', async () => {
    const gold = JSON.parse(await readFile('../shared/gold/2025-09-04-security-guarantees.json', 'utf8')) as GoldDocument;
    const s = score(toContract(await bundledIndex()), [gold]);
    expect(s.quotes.f1).toBeGreaterThanOrEqual(0.85);
    expect(s.speakers.recall).toBeGreaterThanOrEqual(0.9);
    expect(s.events.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('scores a wrong speaker or a too-short quote as a miss', () => {
    const gold: GoldDocument = { document: 'x.txt', speakers: ['Jane Doe'], events: [], quotes: [{ speaker: 'Jane Doe', aliases: ['Doe'], text: 'we will never give up the fight', kind: 'direct', line: 3 }] };
    const exported = (speaker: string, text: string) => ({ documents: [{ file: 'x.txt', title: 'x', published: null, quotes: [{ speaker, aliases: [], text, kind: 'direct', line: 3 }], events: [], sections: [] }] });
    expect(score(exported('Jane Doe', 'we will never give up the fight'), [gold]).quotes.f1).toBe(1);
    expect(score(exported('Doe', 'never give up the fight'), [gold]).quotes.matched).toBe(1);
    expect(score(exported('John Smith', 'we will never give up the fight'), [gold]).quotes.matched).toBe(0);
    expect(score(exported('Jane Doe', 'the fight'), [gold]).quotes.matched).toBe(0);
  });
});
