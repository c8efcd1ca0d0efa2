/**
 * Levenshtein distance between a and b if it is at most `max`, otherwise max + 1. Stops as soon as a whole
 * row exceeds the bound, so most of a vocabulary is rejected after a character or two.
 */
export function boundedDistance(a: string, b: string, max: number, row: Int32Array = new Int32Array(b.length + 1)): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const above = row[j] as number;
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + cost);
      row[j] = v;
      diagonal = above;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
  }
  return Math.min(row[n] as number, max + 1);
}
