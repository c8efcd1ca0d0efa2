import type { DateGranularity } from '../corpus/types.ts';

/** One dated event to draw: its period, a text to label it from, and the document it comes from. */
export interface TimelineEvent {
  date: string;
  granularity: DateGranularity;
  text: string;
  document: string;
}

/** What the axis is marked in, chosen from the length of the range shown. */
export type AxisUnit = 'day' | 'month' | 'year';

/** One labelled thing on the picture: an event on its own, or a crowded stretch shown with a count. */
export interface PlacedMark {
  lane: number;
  /** Where the label starts (ms since 1970, UTC). */
  at: number;
  label: string;
  /** Labels near the right edge end at their mark instead of starting there, to stay inside the picture. */
  align: 'left' | 'right';
  /** The events under this label: one, or the members of a cluster. */
  events: Array<{ start: number; end: number; span: boolean; document: string }>;
  /** The stretch a cluster covers (first event's start to last event's end); absent for a single event. */
  cluster?: { start: number; end: number };
}

export interface TimelineLayout {
  domain: [number, number];
  unit: AxisUnit;
  lanes: number;
  marks: PlacedMark[];
}

const DAY = 86_400_000;
/** Labels stack in at most this many rows; past that, events that would overlap join a cluster. */
export const MAX_LANES = 8;
/** DejaVu Sans at the label size: about this many pixels a character, on average (a little generous). */
const CHAR_PX = 7.2;
const LABEL_GAP_PX = 14;
const MARKER_PX = 8;
const LABEL_CHARS = 30;

/** The period a date names: a day, a month or a year, as [start, end) in UTC milliseconds. */
export function periodOf(date: string): [number, number] {
  const [y = 0, m, d] = date.split('-').map(Number);
  if (d !== undefined && m !== undefined) {
    const start = Date.UTC(y, m - 1, d);
    return [start, start + DAY];
  }
  if (m !== undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
}

/** The first words of an event's sentence, cut at a word and marked when cut. */
export function shortLabel(text: string, max = LABEL_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, '')}…`;
}

const labelPx = (label: string) => label.length * CHAR_PX;

/** Days for a range of up to four months, months up to four years, years beyond. */
export function axisUnitFor(domain: [number, number]): AxisUnit {
  const days = (domain[1] - domain[0]) / DAY;
  return days <= 125 ? 'day' : days <= 4 * 366 ? 'month' : 'year';
}

type Drawn = PlacedMark['events'][number] & { label: string };

/** Where a mark's label goes and how far right it keeps its row busy. */
function extent(m: PlacedMark, px: (t: number) => number, widthPx: number): { align: 'left' | 'right'; left: number; reach: number } {
  const x = px(m.at);
  const width = MARKER_PX + labelPx(m.label);
  const align = x + width > widthPx ? 'right' : 'left';
  const end = Math.max(...m.events.map((e) => e.end));
  const marked = m.cluster ? px(end) + MARKER_PX : m.events[0]?.span ? px(end) : x + MARKER_PX;
  return { align, left: align === 'left' ? x : x - width, reach: Math.max(marked, align === 'left' ? x + width : x + MARKER_PX) };
}

/**
 * Each event in the first row free for its label; when none is, it joins the latest row-ending mark that starts
 * at most `stretch` pixels before it, which becomes a cluster. Null when an event finds neither.
 */
function place(drawn: Drawn[], px: (t: number) => number, widthPx: number, stretch: number): PlacedMark[] | null {
  const marks: PlacedMark[] = [];
  const laneEnds: number[] = [];
  const laneLast: PlacedMark[] = [];
  for (const { label, ...event } of drawn) {
    const mark: PlacedMark = { lane: 0, at: event.start, label, align: 'left', events: [event] };
    const { align, left, reach } = extent(mark, px, widthPx);
    const lane = [...Array(MAX_LANES).keys()].find((l) => (laneEnds[l] ?? -Infinity) + LABEL_GAP_PX <= left);
    if (lane !== undefined) {
      Object.assign(mark, { lane, align });
      marks.push(mark);
      laneEnds[lane] = reach;
      laneLast[lane] = mark;
      continue;
    }
    const host = laneLast.filter((m) => px(event.start) - px(m.at) <= stretch).sort((a, b) => b.at - a.at)[0];
    if (!host) return null;
    host.events.push(event);
    host.cluster = { start: host.at, end: Math.max(...host.events.map((e) => e.end)) };
    host.label = `${host.events.length} events`;
    const grown = extent(host, px, widthPx);
    host.align = grown.align;
    laneEnds[host.lane] = grown.reach;
  }
  return marks;
}

/**
 * Where each event goes on a picture `widthPx` wide: a label row for each, stacked so that no two labels
 * overlap. Where a stretch is too crowded for the rows there are, the events there become one cluster labelled
 * with their count; clusters start a few pixels wide and widen only until every event has a place.
 * Hand-written: a charting library places marks, but does not thin out labels this way.
 */
export function layoutTimeline(events: TimelineEvent[], widthPx: number): TimelineLayout {
  const drawn = events
    .map((e) => {
      const [start, end] = periodOf(e.date);
      return { start, end, span: e.granularity !== 'day', document: e.document, label: shortLabel(e.text) };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const first = Math.min(...drawn.map((d) => d.start));
  const last = Math.max(...drawn.map((d) => d.end));
  // A little room either side, and at least a week shown, so a lone event is not drawn on the frame.
  const pad = Math.max((last - first) * 0.04, 3 * DAY);
  const domain: [number, number] = [first - pad, last + pad];
  const px = (t: number) => ((t - domain[0]) / (domain[1] - domain[0])) * widthPx;
  // A stretch as wide as the picture always succeeds: every event can join the mark that ends a row.
  for (let stretch = 16; ; stretch *= 2) {
    const marks = place(drawn, px, widthPx, stretch);
    if (marks) return { domain, unit: axisUnitFor(domain), lanes: Math.max(1, ...marks.map((m) => m.lane + 1)), marks };
  }
}
