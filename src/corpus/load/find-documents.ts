// Which files are documents, and where they are: all a start from the cache needs of the loaders.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentFormat } from '../types.ts';

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
