import { unzipSync } from 'fflate';
import { UnreadableDocument } from './unreadable.ts';
import { strictUtf8 } from './utf8.ts';

/** EPUB and Word files are zip archives: small ones, for study material. */
export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxUncompressedBytes: 50 * 1024 * 1024 };

/**
 * The archive's files, after checking how many there are and how large they say they are, before anything is
 * inflated (a zip bomb is refused unread). fflate inflates each file into a buffer of its declared size, so a
 * file that claims to be small cannot grow past it either.
 */
export function openZip(bytes: Uint8Array, what: string, limits: ZipLimits = ZIP_LIMITS): Map<string, Uint8Array> {
  let entries = 0;
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries++;
        total += f.originalSize;
        return false;
      },
    });
  } catch {
    throw new UnreadableDocument(`it is not a valid ${what} (not a zip archive)`);
  }
  if (entries > limits.maxEntries) throw new UnreadableDocument(`it holds ${entries} files; at most ${limits.maxEntries} are read`);
  if (total > limits.maxUncompressedBytes) {
    throw new UnreadableDocument(`it unpacks to ${Math.ceil(total / 1024 / 1024)} MB; at most ${limits.maxUncompressedBytes / 1024 / 1024} MB are read`);
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new UnreadableDocument(`it is not a valid ${what} (the archive is damaged)`);
  }
  return new Map(Object.entries(files));
}

/** A file of the archive as UTF-8 text; XML that declares entities is refused, so none can be expanded. */
export function zipText(files: Map<string, Uint8Array>, name: string): string | null {
  const bytes = files.get(name);
  if (!bytes) return null;
  const text = strictUtf8(bytes);
  if (text === null) throw new UnreadableDocument(`${name} in it is not valid UTF-8`);
  if (/<!ENTITY/i.test(text)) throw new UnreadableDocument(`${name} in it declares XML entities, which are not read`);
  return text;
}
