import { randomBytes } from 'node:crypto';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';


/** What Readability makes of a page: which elements are the article, and its metadata without the site's. */
export interface Article {
  /** Source offsets of the elements Readability kept (the `<` of their start tag). */
  keep: Set<number>;
  /** Whether the page looks like an article at all (Readability's own test). */
  readable: boolean;
  title: string | null;
  byline: string | null;
  published: string | null;
  siteName: string | null;
}

/**
 * Every start tag marked with its offset in the source. Readability rewrites the page into new HTML, whose
 * lines are not the file's; the marks say which source elements it kept, so the HTML reader can read just
 * those from the source itself and every line number stays the file's.
 */
function markStartTags(raw: string, mark: string): { marked: string; depth: number } {
  const marks: Array<{ start: number; insertAt: number }> = [];
  let open = 0;
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(_name, _attrs, isImplied) {
        depth = Math.max(depth, ++open);
        if (isImplied) return;
        const end = parser.endIndex;
        marks.push({ start: parser.startIndex, insertAt: raw[end - 1] === '/' ? end - 1 : end });
      },
      onclosetag() {
        open--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(raw);
  parser.end();
  let out = '';
  let at = 0;
  for (const m of marks) {
    if (m.insertAt < at) continue;
    out += `${raw.slice(at, m.insertAt)} ${mark}="${m.start}"`;
    at = m.insertAt;
  }
  return { marked: out + raw.slice(at), depth };
}

function keptOffsets(html: string, mark: string): Set<number> {
  const keep = new Set<number>();
  const parser = new Parser({
    onopentag(_name, attrs) {
      const at = attrs[mark];
      if (at !== undefined && /^\d+$/.test(at)) keep.add(Number(at));
    },
  });
  parser.write(html);
  parser.end();
  return keep;
}

/** "By Tom Ellery · 4 November 2024" → "Tom Ellery". */
function cleanByline(byline: string | null | undefined): string | null {
  const name = byline?.replace(/\s+/g, ' ').replace(/^\s*by\s+/i, '').split(/\s+[·|•]\s+|\s+-\s+|,\s*\d/)[0]?.trim();
  return name ? name.slice(0, 120) : null;
}

/** Readability and the DOM recurse through the page: deeper nesting than any real article is not given to them. */
const MAX_DEPTH = 200;

export function readArticle(raw: string): Article | null {
  // A name of its own each time, so that a page cannot carry marks of its own to smuggle text in.
  const mark = `data-lectern-${randomBytes(6).toString('hex')}`;
  const { marked, depth } = markStartTags(raw, mark);
  if (depth > MAX_DEPTH) return null;
  const { document } = parseHTML(marked);
  // A page of bare text (no element at all) gives linkedom a document without a root, which Readability
  // refuses by throwing: there is no article to choose, so the whole page is read.
  if (!document.documentElement) return null;
  const readable = isProbablyReaderable(document as unknown as Parameters<typeof isProbablyReaderable>[0]);
  const result = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { keepClasses: false }).parse();
  if (!result?.content) return null;
  const keep = keptOffsets(result.content, mark);
  if (!keep.size) return null;
  return {
    keep,
    readable,
    title: result.title?.trim() || null,
    byline: cleanByline(result.byline),
    published: result.publishedTime ?? null,
    siteName: result.siteName?.trim() || null,
  };
}
