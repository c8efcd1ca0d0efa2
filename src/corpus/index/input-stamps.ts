// The input hash remembered by the files' sizes and modification times, as git's index remembers file hashes: a
// start whose files have not changed since the last one does not read every file again (at 10,000 documents,
// hashing their 54 MB was a fifth of a cold start).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A file modified this close to when its stamp was taken might change again within the same tick: not trusted. */
const RACY_MS = 2000;

interface Stamps {
  /** What the hash is of: the engine and the list of files (their ids and paths). */
  key: string;
  takenAt: number;
  stamps: Array<[size: number, mtimeMs: number]>;
  hash: string;
}

type Files = Array<{ path: string; id: string }>;

const stampFile = (cacheDir: string) => path.join(cacheDir, 'inputs.json');
const keyOf = (files: Files, engine: string) => createHash('sha256').update(engine).update(files.map((f) => `${f.id}\0${f.path}`).join('\0')).digest('hex');

function stampsOf(files: Files): Array<[number, number]> | null {
  try {
    return files.map((f) => {
      const s = statSync(f.path);
      return [s.size, s.mtimeMs];
    });
  } catch {
    return null;
  }
}

/** The remembered hash of these files, when none of them has changed since it was taken; otherwise null. */
export function rememberedHash(cacheDir: string, files: Files, engine: string): string | null {
  let saved: Stamps;
  try {
    saved = JSON.parse(readFileSync(stampFile(cacheDir), 'utf8')) as Stamps;
  } catch {
    return null;
  }
  if (saved.key !== keyOf(files, engine) || saved.stamps.length !== files.length) return null;
  const now = stampsOf(files);
  if (!now) return null;
  const same = now.every(([size, mtime], i) => {
    const was = saved.stamps[i];
    return !!was && was[0] === size && was[1] === mtime && mtime < saved.takenAt - RACY_MS;
  });
  return same ? saved.hash : null;
}

/** Remembers the hash of these files as they are now (taken before they were hashed, so an edit meanwhile shows). */
export async function rememberHash(cacheDir: string, files: Files, engine: string, stamps: Array<[number, number]> | null, takenAt: number, hash: string): Promise<void> {
  if (!stamps) return;
  await mkdir(cacheDir, { recursive: true });
  const file = stampFile(cacheDir);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ key: keyOf(files, engine), takenAt, stamps, hash } satisfies Stamps));
  await rename(tmp, file);
}

export { stampsOf };
