import { locationAt, locationOfRange } from '../corpus/locations.ts';
import type { DocumentRef } from '../corpus/query/corpus-query.ts';
import type { Citation } from './reply.ts';

/** Where an answer comes from: a document's line (or lines), with its page or chapter and date. The commands, the digest and quizzes all cite this way. */
export function cite(doc: DocumentRef, line: number, endLine?: number): Citation {
  const location = endLine !== undefined ? locationOfRange(doc.locations, line, endLine) : locationAt(doc.locations, line);
  return {
    documentId: doc.id,
    title: doc.title,
    file: doc.file,
    line,
    date: doc.published,
    ...(endLine !== undefined && endLine !== line ? { endLine } : {}),
    ...(location ? { location } : {}),
  };
}
