import * as chrono from 'chrono-node';

/** A line or field that is nothing but a full date ("September 4, 2025", "2025-09-04") → ISO date. */
export function parseStandaloneDate(text: string): string | null {
  const trimmed = text.trim().replace(/^(published|date|posted|updated)\s*:?\s*/i, '');
  // A publication date names its year; "yesterday" or "the day after" would be counted from an arbitrary day.
  if (!trimmed || trimmed.length > 60 || !/\b\d{4}\b/.test(trimmed)) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(trimmed);
  if (iso) return validIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const results = chrono.strict.parse(trimmed, new Date(Date.UTC(2000, 0, 1)));
  const r = results[0];
  if (!r || results.length !== 1) return null;
  if (r.text.length < trimmed.replace(/[.,\s]+$/, '').length * 0.8) return null;
  if (!r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day')) return null;
  return validIso(r.start.get('year') ?? 0, r.start.get('month') ?? 0, r.start.get('day') ?? 0);
}

export function validIso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date written at the start of a file name ("2025-09-04-title.txt"). */
export function dateFromFileName(file: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(file);
  return m ? validIso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
