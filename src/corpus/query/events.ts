import type { DocumentAnalysis } from '../types.ts';
import { DAY, endOf, startOf } from './date-periods.ts';
import { parseDateQuery, type DateQuery, type NumericOrder } from './date-query.ts';
import type { DocumentLookup } from './document-lookup.ts';
import { byEntry, GRANULARITY, matcher, scopeMask, type EventEntry, type EventHit, type EventTable } from './event-table.ts';
import { fail, type Found } from './found.ts';
import { Nearest } from './nearest.ts';
import { ScopeKey, type ReadingScopes, type Scope } from './reading-scopes.ts';

/** Events this many days from an asked date are shown beside the exact matches. */
const NEIGHBOUR_DAYS = 3;
/** The nearest events are offered within a century of the asked date; past that nothing is near (9999). */
const NEAREST_MAX_DAYS = 100 * 366;
/** How many nearest events a date with no (or few) events of its own is given. */
const NEAREST = 3;
const MASK = new ScopeKey<Uint8Array>('event mask');

export interface EventOptions extends Scope {
  order?: NumericOrder;
  /** At most this many hits (all are counted). */
  limit?: number;
}

/** Questions about dates, answered from the event table: what happened on a date, and a timeline. */
export class EventQueries {
  constructor(
    private readonly table: () => EventTable,
    private readonly scopes: ReadingScopes,
    private readonly lookup: () => DocumentLookup,
  ) {}

  /**
   * Events on a date (or in a range): the first `limit` and how many in all; when nothing matches a single
   * date, the nearest events around it.
   */
  events(dateText: string, options: EventOptions): Found<{ query: DateQuery; hits: EventHit[]; total: number; nearest: EventHit[] }> {
    const docs = this.scopes.check(options);
    if (!docs.ok) return docs;
    const parsed = parseDateQuery(dateText, options.order);
    if (!parsed.ok) return fail(parsed.reason);
    // One pass over the events (kept in answer order with their parsed dates), no re-parsing, no sorting.
    const query = parsed.query;
    // A day or a month has events "around it" besides its own; any date, range or year has nearest events.
    const target = query.kind === 'point' && query.date.month !== undefined ? query.date : null;
    const [first, last] = query.kind === 'point' ? [query.date, query.date] : [query.from, query.to];
    // Events dated only by a year are not near a day or a month (every day of 2025 is "in 2025").
    const finerThanYear = first.month !== undefined || last.month !== undefined;
    // The asked period in a given year (the event's own year when the date has none).
    const askedIn = new Map<number, [number, number]>();
    const asked = (year: number): [number, number] => {
      let period = askedIn.get(year);
      if (!period) {
        period = [startOf({ ...first, year: first.year ?? year }), endOf({ ...last, year: last.year ?? year })];
        askedIn.set(year, period);
      }
      return period;
    };
    const table = this.table();
    const { entries, year, granularity, start, end, order } = table;
    const mask = this.mask(options, docs.value, table);
    const hits: EventHit[] = [];
    // Neighbours: what happened just around the date ("the day before"), or the nearest events when nothing
    // matches: the closest few (ties to the earlier in document order), kept as they are met.
    const matches = matcher(query);
    const within = new Nearest(NEAREST);
    const anywhere = new Nearest(NEAREST);
    const limit = options.limit ?? Infinity;
    let total = 0;
    for (let i = 0; i < entries.length; i++) {
      if (mask && !mask[table.doc[i] as number]) continue;
      if (matches(table, i)) {
        if (total++ < limit) hits.push(this.hit(entries[i] as EventEntry));
        continue;
      }
      if (finerThanYear && granularity[i] === GRANULARITY.year) continue;
      const [askedStart, askedEnd] = asked(year[i] as number);
      const d = Math.max(0, askedStart - (end[i] as number), (start[i] as number) - askedEnd) / DAY;
      if (!(Number.isFinite(d) && d > 0 && d <= NEAREST_MAX_DAYS)) continue;
      anywhere.offer(i, d, order[i] as number);
      if (target && d <= NEIGHBOUR_DAYS) within.offer(i, d, order[i] as number);
    }
    const ranked = (total ? within : anywhere).items().map((i) => entries[i] as EventEntry);
    const nearest = ranked.sort(byEntry).map((e) => this.hit(e));
    return { ok: true, value: { query, hits, total, nearest } };
  }

  /** Events in date order, optionally between two dates: the first `limit`, and how many there are in all. */
  timeline(options: EventOptions & { from?: string; to?: string }): Found<{ hits: EventHit[]; total: number }> {
    const docs = this.scopes.check(options);
    if (!docs.ok) return docs;
    let from = -Infinity;
    let to = Infinity;
    for (const [bound, text] of [['from', options.from], ['to', options.to]] as const) {
      if (!text?.trim()) continue;
      const parsed = parseDateQuery(text, options.order);
      if (!parsed.ok || parsed.query.kind !== 'point' || parsed.query.date.year === undefined) return fail({ kind: 'bound-without-year', bound, asked: text });
      if (bound === 'from') from = startOf(parsed.query.date);
      else to = endOf(parsed.query.date);
    }
    if (from > to) return fail({ kind: 'from-after-to' });
    const hits: EventHit[] = [];
    const limit = options.limit ?? Infinity;
    let total = 0;
    const table = this.table();
    const { entries, start, end } = table;
    const mask = this.mask(options, docs.value, table);
    for (let i = 0; i < entries.length; i++) {
      if ((start[i] as number) < from || (end[i] as number) > to) continue;
      if (mask && !mask[table.doc[i] as number]) continue;
      if (total++ < limit) hits.push(this.hit(entries[i] as EventEntry));
    }
    return { ok: true, value: { hits, total } };
  }

  private hit(e: EventEntry): EventHit {
    return { event: e.event, document: this.lookup().ref(e.doc) };
  }

  /** The scope as one flag per document of the table (kept per reading list); null for the whole corpus. */
  private mask(scope: Scope, docs: DocumentAnalysis[], table: EventTable): Uint8Array | null {
    if (!scope.document && !scope.documents) return null;
    return this.scopes.perScope(scope, MASK, () => scopeMask(table, docs));
  }
}
