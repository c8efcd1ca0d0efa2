import { beforeAll, describe, expect, it } from 'vitest';
import { composeDigest, type RotationState } from '../../src/digest/compose.ts';
import { buildIndex } from '../../src/corpus/index/build-index.ts';
import { parseDocument } from '../../src/corpus/load/load-file.ts';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { consoleText } from '../../src/console/draw-spans.ts';

const ARTICLE = `May 2, 2024
Title: Harbour notes

"We will rebuild the pier," said Mayor Ann Lee.
"The water is rising," said Dr. Omar Haddad, a climate scientist.
The storm hit the town on 12 March 2023, and the council met on 14 March 2023.

"Nobody saw it coming," said Mayor Ann Lee.
The flood defences were finished on 1 June 1998.
`;

let query: CorpusQuery;
const all = { quote: true, onThisDay: true, section: true };
beforeAll(() => {
  const doc = parseDocument('harbour.txt', 'harbour.txt', 'txt', ARTICLE);
  query = new CorpusQuery(buildIndex([doc], 'test'));
});
const docs = () => new Set(['harbour.txt']);

describe('composing a digest', () => {
  it('rotates the quote of the day without repeats until every quote has been shown', () => {
    let state: RotationState = { quotes: [], sections: [] };
    const shown: string[] = [];
    for (let day = 0; day < 6; day++) {
      const d = composeDigest({ query, documents: docs(), content: { quote: true, onThisDay: false, section: false }, localDate: `2025-01-0${day + 1}`, state });
      shown.push(consoleText(d.reply.items[0]?.text ?? ''));
      state = d.state;
    }
    const direct = ['“We will rebuild the pier,”', '“The water is rising,”', '“Nobody saw it coming,”'];
    expect(shown.slice(0, 3).sort()).toEqual([...direct].sort());
    // The second round repeats the first, in the same order.
    expect(shown.slice(3)).toEqual(shown.slice(0, 3));
  });

  it('shows what happened on this day in any year, with its source', () => {
    const d = composeDigest({ query, documents: docs(), content: { quote: false, onThisDay: true, section: false }, localDate: '2026-03-12', state: { quotes: [], sections: [] } });
    expect(d.reply.items).toHaveLength(1);
    expect(d.reply.items[0]?.heading).toBe('On this day — 2023-03-12');
    expect(d.reply.items[0]?.citation).toMatchObject({ file: 'harbour.txt', line: 6 });
  });

  it('otherwise shows the nearest anniversary still to come, wrapping round the year', () => {
    const spring = composeDigest({ query, documents: docs(), content: { quote: false, onThisDay: true, section: false }, localDate: '2026-03-13', state: { quotes: [], sections: [] } });
    expect(spring.reply.items[0]?.heading).toBe('Coming anniversary — 2023-03-14');
    const winter = composeDigest({ query, documents: docs(), content: { quote: false, onThisDay: true, section: false }, localDate: '2026-12-01', state: { quotes: [], sections: [] } });
    expect(winter.reply.items[0]?.heading).toBe('Coming anniversary — 2023-03-12');
  });

  it('follows the content setting and cites every part', () => {
    const d = composeDigest({ query, documents: docs(), content: all, localDate: '2026-06-01', state: { quotes: [], sections: [] } });
    expect(d.reply.items.map((i) => consoleText(i.heading ?? '').split(' — ')[0])).toEqual(['Quote of the day', 'On this day', 'Section spotlight']);
    expect(d.reply.items.every((i) => i.citation?.file === 'harbour.txt')).toBe(true);
    const none = composeDigest({ query, documents: new Set(), content: all, localDate: '2026-06-01', state: { quotes: [], sections: [] } });
    expect(none.empty).toBe(true);
  });
});
