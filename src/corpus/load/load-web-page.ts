import type { LoadedDocument } from '../types.ts';
import { parseStandaloneDate } from './dates.ts';
import { loadHtml } from './load-html.ts';
import { readArticle } from './read-article.ts';

/**
 * A web page, uploaded or fetched: the article only (Readability's choice of elements, read from the source
 * so lines stay the file's), titled without the site name, with its byline and date. `article` says whether
 * the page looked like an article; when Readability finds nothing, the whole page is read as before.
 */
export function loadWebPage(id: string, file: string, raw: string, url?: string): { doc: LoadedDocument; article: boolean } {
  const article = readArticle(raw);
  const doc = loadHtml(id, file, raw, article?.keep);
  if (!article) return { doc: url ? { ...doc, source: url } : doc, article: false };
  return {
    doc: {
      ...doc,
      title: article.title ?? doc.title,
      // Readability reads JSON-LD and the usual meta tags; the reader's own date (meta, <time>, file name) is next.
      published: parseStandaloneDate(article.published?.slice(0, 10) ?? '') ?? doc.published,
      author: article.byline ?? doc.author,
      source: url ?? article.siteName ?? doc.source,
    },
    article: article.readable,
  };
}
