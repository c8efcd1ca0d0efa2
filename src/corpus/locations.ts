import { lowerBound } from './text/lower-bound.ts';
import type { LocationStart } from './types.ts';

/** Where a reader finds a line in the original (a page, a chapter); undefined for text sources. */
export function locationAt(locations: readonly LocationStart[] | undefined, line: number): string | undefined {
  if (!locations?.length) return undefined;
  if ((locations[0]?.line ?? 1) > line) return locations[0]?.location;
  // The last location starting on or before the line.
  return locations[lowerBound(locations.length, (i) => (locations[i]?.line ?? 0) <= line) - 1]?.location;
}

const PAGE = /^p\. (\S+)$/;

/** A range of lines: "pp. 1–2" across PDF pages, otherwise where it starts. */
export function locationOfRange(locations: readonly LocationStart[] | undefined, first: number, last: number): string | undefined {
  const from = locationAt(locations, first);
  const to = locationAt(locations, last);
  if (!from || !to || from === to) return from;
  const a = PAGE.exec(from);
  const b = PAGE.exec(to);
  return a && b ? `pp. ${a[1]}–${b[1]}` : from;
}
