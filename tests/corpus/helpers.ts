// Shared by the extractor tests: analyse a text written for the test, and read its results by name.
import { analyseDocument } from '../../src/corpus/analyse.ts';
import { parseDocument, type TextFormat } from '../../src/corpus/load/load-file.ts';
import type { DocumentAnalysis, Quote } from '../../src/corpus/types.ts';

/** The file name carries the publication date, so tests need no header line unless they test one. */
export function analyse(text: string, format: TextFormat = 'txt', file = `2025-09-04-test.${format}`): DocumentAnalysis {
  return analyseDocument(parseDocument(file, file, format, text));
}

export function speakerName(a: DocumentAnalysis, q: Quote): string {
  return a.speakers.find((s) => s.id === q.speakerId)?.name ?? '?';
}

/** Quotes as "Speaker: text" (kind-filtered), for readable assertions. */
export function quoteList(a: DocumentAnalysis, kind?: Quote['kind']): string[] {
  return a.quotes.filter((q) => !kind || q.kind === kind).map((q) => `${speakerName(a, q)}: ${q.text}`);
}

/** Block quotes as "line Speaker: text", for tests of excerpts. */
export function blockList(text: string, format: TextFormat = 'txt'): string[] {
  const a = analyse(text, format);
  return a.quotes.filter((q) => q.kind === 'block').map((q) => `${q.line} ${speakerName(a, q)}: ${q.text}`);
}

export function eventList(a: DocumentAnalysis): string[] {
  return a.events.map((e) => `${e.date} ${e.expression}`);
}
