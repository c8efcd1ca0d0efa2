import type { DocumentRef } from '../corpus/query/corpus-query.ts';
import type { Citation } from '../reply/reply.ts';

export function cite(doc: DocumentRef, line: number, endLine?: number): Citation {
  return { documentId: doc.id, title: doc.title, file: doc.file, line, date: doc.published, ...(endLine !== undefined && endLine !== line ? { endLine } : {}) };
}
