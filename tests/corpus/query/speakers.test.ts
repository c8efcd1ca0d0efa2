import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../../src/corpus/index/types.ts';
import { DocumentLookup } from '../../../src/corpus/query/document-lookup.ts';
import { QuoteIndex } from '../../../src/corpus/query/quote-index.ts';
import { ReadingScopes } from '../../../src/corpus/query/reading-scopes.ts';
import { SpeakerNameIndex } from '../../../src/corpus/query/speaker-names.ts';
import { Speakers } from '../../../src/corpus/query/speakers.ts';
import { bundledIndex } from '../../support/bundled-index.ts';
import { smallIndex } from './small-corpus.ts';

function speakersOf(index: CorpusIndex): { speakers: Speakers; names: SpeakerNameIndex } {
  const byId = new Map(index.speakers.map((s) => [s.id, s]));
  const names = new SpeakerNameIndex(index.speakers);
  const scopes = new ReadingScopes(index.documents, () => new DocumentLookup(index.documents));
  return { names, speakers: new Speakers((id) => byId.get(id), names, new QuoteIndex(index.documents, index.speakers), scopes) };
}

describe('speaker names', () => {
  it('know each name and alias exactly, and score a typed prefix by where it fits', () => {
    const { names } = speakersOf(smallIndex());
    expect([names.exact('maria lind'), names.exact('lind'), names.exact('berg'), names.exact('lin')]).toEqual(['maria lind', 'maria lind', 'john berg', undefined]);
    expect(['mar', 'lin', 'ri', 'zz'].map((k) => names.prefixScore('maria lind', k))).toEqual([4, 3, 1, 0]);
    expect([names.tailStartsWith('maria lind', 'lin'), names.tailStartsWith('maria lind', 'ind')]).toEqual([true, false]);
    expect(names.fuzzy('Lnd')).toEqual(['maria lind']);
  });
});

describe('speakers', () => {
  let big: Speakers;
  beforeAll(async () => {
    big = speakersOf(await bundledIndex()).speakers;
  });

  it('find a speaker by name, alias or a name with a title, within the scope', () => {
    const { speakers } = speakersOf(smallIndex());
    expect(speakers.find('Lind', {})).toMatchObject({ ok: true, value: { name: 'Maria Lind' } });
    expect(speakers.find('Mayor John Berg', {})).toMatchObject({ ok: true, value: { name: 'John Berg' } });
    expect(speakers.find('Lind', { documents: new Set(['mill.txt']) })).toEqual({ ok: false, reason: { kind: 'unknown-speaker', asked: 'Lind', suggestions: [] } });
    expect(speakers.inScope({ document: 'mill' }).map((s) => s.name)).toEqual(['John Berg']);
  });

  it('give reasons, not guesses: no name, a word of some roles, or the names most like it', () => {
    const { speakers } = speakersOf(smallIndex());
    expect(speakers.find(' !! ', {})).toEqual({ ok: false, reason: { kind: 'no-speaker-given' } });
    const mayor = speakers.find('mayor', {});
    expect(mayor).toMatchObject({ ok: false, reason: { kind: 'speaker-in-roles', asked: 'mayor', speakers: [{ speaker: { name: 'John Berg' }, role: 'mayor of Riverton', quotes: 1 }] } });
    expect(speakers.find('Lindh', {})).toEqual({ ok: false, reason: { kind: 'unknown-speaker', asked: 'Lindh', suggestions: ['Maria Lind'] } });
    // At most three named, whatever the corpus.
    const president = big.find('president', {});
    expect(!president.ok && president.reason.kind === 'speaker-in-roles' && president.reason.speakers.map((s) => `${s.speaker.name}: ${s.quotes}`)).toEqual([
      'Alexander Stubb: 3',
      'Donald Trump: 1',
      'Maksym Skrypchenko: 1',
    ]);
  });

  it('suggest up to the asked number of speakers for a prefix, the best fitting and most quoted first', () => {
    const all = big.suggest('', {}, 25);
    expect(all.map((s) => s.quoteCount)).toEqual([...all.map((s) => s.quoteCount)].sort((a, b) => b - a));
    expect(big.suggest('', {}, 2)).toEqual(all.slice(0, 2));
    expect(big.suggest('stu', {}, 25).map((s) => s.name)).toEqual(['Alexander Stubb']);
    expect(big.suggest('e', {}, 3)).toHaveLength(3);
    expect(big.suggest('getmnchuk', {}, 25).map((s) => s.name)).toEqual(['Alyona Getmanchuk']);
  });
});
