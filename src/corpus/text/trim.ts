/**
 * Trims the given characters from the end in linear time. The regex form (`/[\s,]+$/`) is quadratic on long
 * runs of spaces, and the quote masks are exactly that.
 */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}

export const SPACES = ' \t\n\r';
