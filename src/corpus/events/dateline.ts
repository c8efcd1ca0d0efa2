// A wire story's dateline ("WASHINGTON, August 11 (Xinhua) --", "NAIROBI, Kenya (AP) _") says where and when it was
// written: no event, but the date the story's own "Friday" and "yesterday" count from.

/** Upper-case place, optional region, optional date, the agency in brackets, then a dash (bounded repeats: linear). */
const DATELINE = /^([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,4}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,3})?),? ?(?:((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}) ?)?\(([A-Za-z][\w .&-]{0,30})\) ?(?:--|—|–|_|-|:) ?/;

export interface Dateline {
  /** Where the story's own text starts in the paragraph. */
  end: number;
  /** "August 11": the day of writing, without a year. */
  dateText: string | null;
}

export function datelineOf(text: string): Dateline | null {
  const m = DATELINE.exec(text);
  if (!m) return null;
  return { end: m[0].length, dateText: m[2] ?? null };
}
