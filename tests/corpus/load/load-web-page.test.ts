import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../../src/corpus/analyse.ts';
import { parseDocument } from '../../../src/corpus/load/load-file.ts';
import { ARTICLE_HTML } from '../../support/article-server.ts';

describe('an uploaded web page', () => {
  const doc = parseDocument('coastal.html', 'coastal.html', 'html', ARTICLE_HTML);
  const sourceLines = ARTICLE_HTML.split('\n');

  it('keeps the article without the page around it: title without the site name, byline as author, no footer', () => {
    expect(doc).toMatchObject({ title: 'Harbour City edge Northgate in late drama', author: 'Tom Ellery', source: 'The Coastal Herald', published: '2024-11-04' });
    const text = doc.paragraphs.map((p) => p.text).join('\n');
    expect(text).not.toMatch(/All rights reserved|Subscribe|Related stories|Sport|By Tom Ellery/);
    expect(doc.paragraphs).toHaveLength(4);
  });

  it('keeps the file’s own line numbers, so a citation can be checked with sed', () => {
    const analysis = analyseDocument(doc);
    const [said] = analysis.quotes;
    expect(said?.speakerId).toBe('rosa delgado');
    expect(sourceLines[(said?.line ?? 0) - 1]).toContain('We never stopped believing');
    expect(analysis.events.filter((e) => /Ellery/.test(e.text))).toEqual([]);
    expect(analysis.locations).toBeUndefined();
  });

  it('takes the date from JSON-LD when the page has no date meta tag', () => {
    const page = ARTICLE_HTML.replace(/<meta property="article:published_time"[^>]*>/, '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour City edge Northgate","datePublished":"2024-11-03T21:00:00Z"}</script>');
    expect(parseDocument('2020-01-01-coastal.html', '2020-01-01-coastal.html', 'html', page).published).toBe('2024-11-03');
  });

  it('reads the whole page when Readability finds no article in it, as before', () => {
    const small = parseDocument('s.html', 's.html', 'html', '<html><body><p>The minister said on 2 May 2024 that talks would resume.</p></body></html>');
    expect(small.paragraphs.map((p) => p.text)).toEqual(['The minister said on 2 May 2024 that talks would resume.']);
  });

  it('reads a page of bare text without markup as its text (the fuzz suite found it thrown at)', () => {
    const page = parseDocument('page.html', 'page.html', 'html', 'fine');
    expect(page.paragraphs.map((p) => p.text)).toEqual(['fine']);
    const words = parseDocument('notes.html', 'notes.html', 'html', 'Ann Lee said the harbour opens on Monday.');
    expect(analyseDocument(words).quotes.map((q) => q.speakerId)).toEqual(['ann lee']);
  });
});
