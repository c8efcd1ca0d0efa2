import { lowerBound } from '../text/lower-bound.ts';
import type { DatedEvent, DocumentAnalysis } from '../types.ts';
import { documentRef } from './document-lookup.ts';
import type { EventHit } from './event-table.ts';

/**
 * Day-dated events by month and day, sorted once, so that a digest for each of many servers costs a binary
 * search.
 */
export class Anniversaries {
  private readonly calendar: Array<{ monthDay: string; event: DatedEvent; doc: DocumentAnalysis }>;

  constructor(docs: readonly DocumentAnalysis[]) {
    this.calendar = docs
      .flatMap((doc) => doc.events.filter((e) => e.granularity === 'day').map((event) => ({ monthDay: event.date.slice(5, 10), event, doc })))
      .sort((a, b) => a.monthDay.localeCompare(b.monthDay) || a.event.date.localeCompare(b.event.date));
  }

  /**
   * The first month-day on or after `monthDay` (MM-DD) that has events in scope, wrapping round the year:
   * up to `limit` of its events, and whether it is the asked day.
   */
  on(monthDay: string, inScope: (id: string) => boolean, limit: number): { exact: boolean; hits: EventHit[] } {
    const cal = this.calendar;
    const lo = lowerBound(cal.length, (i) => (cal[i]?.monthDay ?? '') < monthDay);
    for (let k = 0; k < cal.length; k++) {
      const first = cal[(lo + k) % cal.length];
      if (!first || !inScope(first.doc.id)) continue;
      const hits: EventHit[] = [];
      for (let j = (lo + k) % cal.length; j < cal.length && cal[j]?.monthDay === first.monthDay && hits.length < limit; j++) {
        const c = cal[j];
        if (c && inScope(c.doc.id)) hits.push({ event: c.event, document: documentRef(c.doc) });
      }
      return { exact: first.monthDay === monthDay, hits };
    }
    return { exact: false, hits: [] };
  }
}
