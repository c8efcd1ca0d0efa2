import { beforeAll, describe, expect, it } from 'vitest';
import { event } from '../../src/commands/event.ts';
import { quote } from '../../src/commands/quote.ts';
import { search } from '../../src/commands/search.ts';
import { summary } from '../../src/commands/summary.ts';
import { renderText } from '../../src/console/render-text.ts';
import { buildIndex } from '../../src/corpus/index/build-index.ts';
import { readDocument } from '../../src/corpus/load/load-file.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import type { LoadedDocument } from '../../src/corpus/types.ts';
import { composeDigest } from '../../src/digest/compose.ts';
import { paginate, renderEmbed } from '../../src/discord/render.ts';
import { makeEpub, makePdf } from '../support/make-documents.ts';

let query: CorpusQuery;
const ctx = () => ({ query });

async function read(file: string, bytes: Uint8Array): Promise<LoadedDocument> {
  const result = await readDocument(file, file, bytes);
  if (!result.ok) throw new Error(result.reason);
  return result.doc;
}

beforeAll(async () => {
  const pdf = await makePdf(
    [
      { lines: ['# Harbour council report', 'The council met on 3 November 2024 to discuss the sea wall.'] },
      { lines: ['# The works', 'On 5 November 2024 the engineers began work on the wall.', '"The wall will stand for a century," said Anna Berg, the mayor.'] },
    ],
    { title: 'Harbour council report', created: new Date('2024-11-06T09:00:00Z'), furniture: true },
  );
  const epub = makeEpub({ title: 'The Harbour Book', author: 'Ines Carr', date: '2019-05-01' }, [
    { file: 'ch1.xhtml', title: 'The Town', body: '<p>The harbour town had stood for three hundred years.</p>' },
    { file: 'ch2.xhtml', title: 'The Flood', body: '<p>The storm reached the coast on 12 March 1953.</p><p>"The water came over the wall at midnight," said Marta Olsen, the harbour master.</p>' },
  ]);
  query = new CorpusQuery(buildIndex([await read('harbour-council.pdf', pdf), await read('harbour.epub', epub)], 'test'));
});

describe('citations with a page or a chapter', () => {
  it('/quote cites the page and the chapter, in the console and in the Discord embed', async () => {
    const berg = await quote.run(ctx(), { speaker: 'Anna Berg' });
    expect(berg.items[0]?.citation).toMatchObject({ file: 'harbour-council.pdf', location: 'p. 2', line: 5 });
    expect(renderText(berg)).toContain('— harbour-council.pdf, p. 2, line 5, 2024-11-06');
    expect(renderEmbed(berg, paginate(berg), 0).description).toContain('harbour-council.pdf, p. 2, line 5');
    const olsen = await quote.run(ctx(), { speaker: 'Olsen' });
    expect(renderText(olsen)).toContain('— harbour.epub, ch. 2, The Flood, line 5, 2019-05-01');
  });

  it('/event, /summary and /search cite it too', async () => {
    expect((await event.run(ctx(), { date: '2024-11-05' })).items[0]?.citation?.location).toBe('p. 2');
    expect((await event.run(ctx(), { date: '1953-03-12' })).items[0]?.citation?.location).toBe('ch. 2, The Flood');
    const works = await summary.run(ctx(), { section: 'the works' });
    const cited = works.items.filter((i) => i.citation);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.map((i) => i.citation?.location)).toEqual(cited.map(() => 'p. 2'));
    expect(works.intro).toMatch(/^Harbour council report, p\. 2, lines 4–5\./);
    const found = await search.run(ctx(), { query: 'storm coast' });
    expect(renderText(found)).toContain('harbour.epub, ch. 2, The Flood, line 4');
  });

  it('the digest shows it', () => {
    const digest = composeDigest({ query, documents: new Set(['harbour-council.pdf']), content: { quote: true, onThisDay: true, section: true }, localDate: '2026-11-05', state: { quotes: [], sections: [] } });
    expect(digest.reply.items.map((i) => i.citation?.location)).toEqual(['p. 2', 'p. 2', 'p. 1']);
  });
});
