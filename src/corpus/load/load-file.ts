import { readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentFormat, LoadedDocument } from '../types.ts';
import { loadDocx } from './load-docx.ts';
import { loadEpub } from './load-epub.ts';
import { loadMarkdown } from './load-markdown.ts';
import { loadPdf } from './load-pdf.ts';
import { loadText } from './load-text.ts';
import { loadWebPage } from './load-web-page.ts';
import { UnreadableDocument } from './unreadable.ts';

/** Larger files are almost certainly not an article (a dump, a book, a mistake) and are skipped. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const FORMATS: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.epub': 'epub',
  '.docx': 'docx',
};

export function formatOf(file: string): DocumentFormat | null {
  return FORMATS[path.extname(file).toLowerCase()] ?? null;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

/** The engine's own validation of a document's bytes: size, binary content, UTF-8. */
export function decodeDocument(bytes: Uint8Array, maxBytes = MAX_DOCUMENT_BYTES): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'it is empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: `it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
  if (bytes.includes(0)) return { ok: false, reason: 'it looks binary (it contains NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'it is not valid UTF-8 text' };
  }
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
    if (format === 'pdf') doc = await loadPdf(id, file, bytes);
    else if (format === 'epub') doc = loadEpub(id, file, bytes);
    else if (format === 'docx') doc = await loadDocx(id, file, bytes);
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

/** Every supported file under the given paths (folders are walked), sorted for a stable order. */
export async function findDocuments(paths: string[]): Promise<Array<{ path: string; id: string }>> {
  const found: Array<{ path: string; id: string }> = [];
  const walk = async (dir: string, root: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full, root);
      else if (e.isFile() && formatOf(e.name)) found.push({ path: full, id: path.relative(root, full).split(path.sep).join('/') });
    }
  };
  for (const p of paths) {
    const info = await stat(p);
    if (info.isDirectory()) await walk(p, p);
    else if (formatOf(p)) found.push({ path: p, id: path.basename(p) });
  }
  return found;
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
