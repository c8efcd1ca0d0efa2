// Channels, roles, members and moments inside a reply's text, as typed parts: each renderer draws them its own
// way (Discord as mentions and timestamps that every reader sees in their own language and zone, the console
// as names and a local time), so no renderer's markup leaks into the view model.

export type Span =
  | { kind: 'channel'; id: string }
  | { kind: 'role'; id: string }
  /** `name`: the member's name when the text was written, for readers who cannot look the id up. */
  | { kind: 'user'; id: string; name?: string }
  /** A moment (milliseconds since 1970), shown relative to now ("in an hour") or in full, in the server's zone. */
  | { kind: 'time'; at: number; style: 'relative' | 'full'; timeZone: string };

/** A reply's text: plain, or plain pieces and spans in reading order. */
export type RichText = string | readonly (string | Span)[];

export const channel = (id: string): Span => ({ kind: 'channel', id });
export const role = (id: string): Span => ({ kind: 'role', id });
export const user = (id: string, name?: string): Span => ({ kind: 'user', id, ...(name !== undefined ? { name } : {}) });
export const time = (at: Date | number, style: 'relative' | 'full', timeZone: string): Span => ({ kind: 'time', at: typeof at === 'number' ? at : at.getTime(), style, timeZone });

/** Joins texts into one, plain when every piece is plain (so a reply without spans stays a string). */
export function rich(...parts: ReadonlyArray<RichText | Span>): RichText {
  const flat = parts.flatMap((p) => (typeof p === 'string' ? [p] : Array.isArray(p) ? (p as readonly (string | Span)[]) : [p as Span])).filter((p) => p !== '');
  return flat.every((p) => typeof p === 'string') ? flat.join('') : flat;
}

/** The text with each span drawn by `draw`. */
export function drawText(text: RichText, draw: (span: Span) => string): string {
  return typeof text === 'string' ? text : text.map((p) => (typeof p === 'string' ? p : draw(p))).join('');
}

/** Whether two texts say the same (plain or not): a setting shown before and after a change. */
export function sameText(a: RichText, b: RichText): boolean {
  return JSON.stringify(rich(a)) === JSON.stringify(rich(b));
}
