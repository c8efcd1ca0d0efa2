import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LoadedDocument } from '../types.ts';
import { findDocuments, formatOf } from './find-documents.ts';
import { loadMarkdown } from './load-markdown.ts';
import { loadText } from './load-text.ts';
import { loadWebPage } from './load-web-page.ts';
import { UnreadableDocument } from './unreadable.ts';
import { strictUtf8 } from './utf8.ts';

/** Larger files are almost certainly not an article (a dump, a book, a mistake) and are skipped. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export { findDocuments, formatOf };

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

/** The engine's own validation of a document's bytes: size, binary content, UTF-8. */
export function decodeDocument(bytes: Uint8Array, maxBytes = MAX_DOCUMENT_BYTES): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'it is empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: `it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
  if (bytes.includes(0)) return { ok: false, reason: 'it looks binary (it contains NUL bytes)' };
  const text = strictUtf8(bytes);
  if (text === null) return { ok: false, reason: 'it is not valid UTF-8 text' };
  if (text.trim() === '') return { ok: false, reason: 'it is empty' };
  return { ok: true, text };
}

export type TextFormat = 'txt' | 'md' | 'html';

export function parseDocument(id: string, file: string, format: TextFormat, text: string): LoadedDocument {
  if (format === 'md') return loadMarkdown(id, file, text);
  if (format === 'html') return loadWebPage(id, file, text).doc;
  return loadText(id, file, text);
}

export type ReadResult = { ok: true; doc: LoadedDocument } | { ok: false; reason: string };

const hasProse = (doc: LoadedDocument) => doc.paragraphs.some((p) => p.kind === 'text' || p.kind === 'blockquote');

export interface ReadOptions {
  maxBytes?: number;
  /** A web page fetched from this address: it must be an article, and the address is its source. */
  url?: string;
}

/** Any supported document from its bytes: refused with a reason (empty, too large, encrypted, a scan…) or read. */
export async function readDocument(id: string, file: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  const format = formatOf(file);
  if (!format) return { ok: false, reason: 'it is not a supported type' };
  if (bytes.length === 0) return { ok: false, reason: 'it is empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: `it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
  let doc: LoadedDocument;
  try {
    // pdf.js, the zip reader and mammoth are loaded with the first such file: most corpora have none.
    if (format === 'pdf') doc = await (await import('./load-pdf.ts')).loadPdf(id, file, bytes);
    else if (format === 'epub') doc = (await import('./load-epub.ts')).loadEpub(id, file, bytes);
    else if (format === 'docx') doc = await (await import('./load-docx.ts')).loadDocx(id, file, bytes);
    else {
      const decoded = decodeDocument(bytes, maxBytes);
      if (!decoded.ok) return decoded;
      if (format === 'html' && options.url) {
        const page = loadWebPage(id, file, decoded.text, options.url);
        if (!page.article) return { ok: false, reason: 'it does not look like an article (too little running text)' };
        doc = page.doc;
      } else doc = parseDocument(id, file, format, decoded.text);
    }
  } catch (error) {
    if (error instanceof UnreadableDocument) return { ok: false, reason: error.message };
    throw error;
  }
  return hasProse(doc) ? { ok: true, doc } : { ok: false, reason: 'it has no readable text' };
}

export type Warn = (message: string) => void;

/** Loads one document; a file that cannot be read as an article yields a one-line warning and null. */
export async function loadFile(filePath: string, id: string, warn: Warn): Promise<LoadedDocument | null> {
  const file = path.basename(filePath);
  if (!formatOf(file)) return null;
  let bytes: Buffer;
  try {
    // Synchronous on purpose: articles are small, and a round trip through the thread pool for the stat and
    // again for the read took longer than reading them. Analysis right after blocks far longer anyway.
    const info = statSync(filePath);
    if (info.size > MAX_DOCUMENT_BYTES) {
      warn(`Skipped ${file}: it is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`);
      return null;
    }
    bytes = readFileSync(filePath);
  } catch (error) {
    warn(`Skipped ${file}: it could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    return null;
  }
  const read = await readDocument(id, file, bytes);
  if (!read.ok) {
    warn(`Skipped ${file}: ${read.reason}.`);
    return null;
  }
  return read.doc;
}

export async function loadDocuments(paths: string[], warn: Warn, onProgress?: (done: number, total: number) => void): Promise<LoadedDocument[]> {
  const files = await findDocuments(paths);
  const docs: LoadedDocument[] = [];
  for (const [i, f] of files.entries()) {
    const doc = await loadFile(f.path, f.id, warn);
    if (doc) docs.push(doc);
    onProgress?.(i + 1, files.length);
  }
  return docs;
}
