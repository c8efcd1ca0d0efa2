// The index on disk: one file, read in parts. A start reads and parses only the corpus's outline (documents'
// metadata, quotes and speakers); each document's sentences, events and sections, and the search index, are read
// from the file and parsed the first time something asks for them. Most questions never touch most sentences.
//
// Layout: "LECTERN3", a 4-byte length, a JSON header with the offset and length of every part, then the parts
// (UTF-8 JSON). Hand-written because what it needs is a table of offsets; a general format (v8.serialize, a
// database) would read or decode the whole index first, which is what this avoids.
import { closeSync, openSync, readSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { DatedEvent, DocumentAnalysis, Section, Sentence } from '../types.ts';
import type { CorpusIndex } from './types.ts';

const MAGIC = Buffer.from('LECTERN3');
const PREFIX = MAGIC.length + 4;

type Range = [offset: number, length: number];

interface Header {
  core: Range;
  search: Range;
  /** Per document, in order: its sentences, events and sections. */
  documents: Array<[sentences: Range, events: Range, sections: Range]>;
}

type Outline = Omit<CorpusIndex, 'documents' | 'search'> & { documents: Array<Omit<DocumentAnalysis, 'sentences' | 'events' | 'sections'> & { sentenceCount: number }> };

/** Writes the index as parts (see above). */
export async function writeCacheFile(file: string, index: CorpusIndex): Promise<void> {
  const parts: Buffer[] = [];
  let at = 0;
  const add = (value: unknown): Range => {
    const bytes = Buffer.from(JSON.stringify(value));
    parts.push(bytes);
    at += bytes.length;
    return [at - bytes.length, bytes.length];
  };
  const documents = index.documents.map((d): Header['documents'][number] => [add(d.sentences), add(d.events), add(d.sections)]);
  const search = add(index.search);
  const { documents: docs, search: _, ...rest } = index;
  const outline: Outline = { ...rest, documents: docs.map(({ sentences, events: _e, sections: _s, ...meta }) => ({ ...meta, sentenceCount: sentences.length })) };
  const core = add(outline);
  const header = Buffer.from(JSON.stringify({ core, search, documents } satisfies Header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  // Offsets count from the end of the header.
  await writeFile(file, Buffer.concat([MAGIC, length, header, ...parts]));
}

/** Reads one part of an open file. */
function readPart(fd: number, base: number, [offset, length]: Range): unknown {
  const bytes = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, bytes, done, length - done, base + offset + done);
    if (n === 0) throw new Error('the index cache file ends early');
    done += n;
  }
  return JSON.parse(bytes.toString('utf8'));
}

/**
 * A property read from the file on first use, then an ordinary property (assignable, as the live index assigns).
 * The file stays open for as long as the process runs: on Linux and macOS a cache replaced meanwhile is still read
 * from the file that was opened.
 */
function lazy<T>(target: object, key: string, load: () => T): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = load();
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
      return value;
    },
    set(value: T) {
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
    },
  });
}

/** The index in the file, its outline parsed now and the rest on demand; null when it is not such a file. */
export function readCacheFile(file: string): CorpusIndex | null {
  const fd = openSync(file, 'r');
  let keepOpen = false;
  try {
    const prefix = Buffer.alloc(PREFIX);
    if (readSync(fd, prefix, 0, PREFIX, 0) < PREFIX || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const headerBytes = Buffer.alloc(prefix.readUInt32LE(MAGIC.length));
    readSync(fd, headerBytes, 0, headerBytes.length, PREFIX);
    const header = JSON.parse(headerBytes.toString('utf8')) as Header;
    const base = PREFIX + headerBytes.length;
    const outline = readPart(fd, base, header.core) as Outline;
    const index = { ...outline, documents: [] as DocumentAnalysis[] } as CorpusIndex;
    outline.documents.forEach((meta, i) => {
      const ranges = header.documents[i];
      if (!ranges) throw new Error('the index cache file lists fewer documents than its outline');
      const { sentenceCount, ...doc } = meta;
      // The sentence index asks how many sentences a document has before it needs their text.
      Object.defineProperty(doc, 'sentenceCount', { value: sentenceCount, enumerable: false });
      lazy(doc, 'sentences', () => readPart(fd, base, ranges[0]) as Sentence[]);
      lazy(doc, 'events', () => readPart(fd, base, ranges[1]) as DatedEvent[]);
      lazy(doc, 'sections', () => readPart(fd, base, ranges[2]) as Section[]);
      index.documents.push(doc as DocumentAnalysis);
    });
    lazy(index, 'search', () => readPart(fd, base, header.search) as CorpusIndex['search']);
    keepOpen = true;
    return index;
  } finally {
    if (!keepOpen) closeSync(fd);
  }
}
