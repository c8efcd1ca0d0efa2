import type { LocationStart } from './types.ts';

/** Where a reader finds a line in the original (a page, a chapter); undefined for text sources. */
export function locationAt(locations: readonly LocationStart[] | undefined, line: number): string | undefined {
  if (!locations?.length) return undefined;
  let lo = 0;
  let hi = locations.length - 1;
  if ((locations[0]?.line ?? 1) > line) return locations[0]?.location;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((locations[mid]?.line ?? 0) <= line) lo = mid;
    else hi = mid - 1;
  }
  return locations[lo]?.location;
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
