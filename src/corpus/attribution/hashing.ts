// Feature hashing: features are (template, value) pairs mapped straight to a row of the weight table, so the
// tagger never builds a feature string (they would cost more than the tagging itself).

/** FNV-1a over a string's UTF-16 units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A row for template `t` with values `a` and `b`, in a table of 2^bits rows (one multiply-xorshift round mixes it). */
export function featureRow(t: number, a: number, b: number, mask: number): number {
  let x = Math.imul(t + 1, 0x9e3779b1) ^ a;
  x = Math.imul(x ^ (x >>> 15), 0x85ebca6b) ^ b;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) & mask;
}

/** The last three UTF-16 units of a string as one number (the suffix feature), without slicing it. */
export function suffixCode(s: string): number {
  const n = s.length;
  return ((s.charCodeAt(n - 1) || 0) * 65599 + (s.charCodeAt(n - 2) || 0)) * 65599 + (s.charCodeAt(n - 3) || 0);
}
