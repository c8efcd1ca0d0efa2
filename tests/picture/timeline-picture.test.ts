// The timeline picture: drawn by Vega-Lite, Vega and resvg from real events, then read back as a PNG (pngjs)
// and looked at pixel by pixel.
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CorpusQuery } from '../../src/corpus/query/corpus-query.ts';
import { DOCUMENT_COLOURS, renderTimeline } from '../../src/picture/timeline-chart.ts';
import { layoutTimeline, MAX_LANES, periodOf, type TimelineEvent } from '../../src/picture/timeline-layout.ts';
import { bundledIndex } from '../support/bundled-index.ts';

const DISCORD_ATTACHMENT_LIMIT = 10 * 1024 * 1024;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** How many pixels are within `tolerance` of a colour in each channel. */
function pixelsOf(png: PNG, hex: string, tolerance = 6): number {
  const [r, g, b] = rgb(hex);
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs((png.data[i] ?? 0) - r) <= tolerance && Math.abs((png.data[i + 1] ?? 0) - g) <= tolerance && Math.abs((png.data[i + 2] ?? 0) - b) <= tolerance) n++;
  }
  return n;
}

function distinctColours(png: PNG): number {
  const seen = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) seen.add(((png.data[i] ?? 0) << 16) | ((png.data[i + 1] ?? 0) << 8) | (png.data[i + 2] ?? 0));
  return seen.size;
}

/** Events of several documents over several months, some of them on the same days (a crowded stretch). */
function eventsOf(documents: string[], perDocument: number, days: number): TimelineEvent[] {
  return documents.flatMap((document, d) =>
    Array.from({ length: perDocument }, (_, i) => {
      const day = new Date(Date.UTC(2025, 0, 1) + ((i * 7 + d * 3) % days) * 86_400_000).toISOString().slice(0, 10);
      return { date: day, granularity: 'day' as const, text: `${document} reports event number ${i} on the front line`, document };
    }),
  );
}

describe('the timeline picture', { timeout: 30_000 }, () => {
  let query: CorpusQuery;
  beforeAll(async () => {
    query = new CorpusQuery(await bundledIndex());
  });

  it('draws the bundled article’s events as an opaque PNG at least 800 pixels wide, in the document’s colour', async () => {
    const found = query.timeline({ limit: 300 });
    if (!found.ok) throw new Error(`no timeline: ${found.reason.kind}`);
    const events = found.value.hits.map((h) => ({ date: h.event.date, granularity: h.event.granularity, text: h.event.text, document: h.document.title }));
    const picture = await renderTimeline(events, 'Timeline');
    const png = PNG.sync.read(Buffer.from(picture.png));
    expect(png.width).toBe(picture.width);
    expect(png.height).toBe(picture.height);
    expect(png.width).toBeGreaterThanOrEqual(800);
    expect(png.height).toBeGreaterThan(150);
    // Opaque everywhere (no pixel lets Discord's theme show through), and not one flat colour.
    for (let i = 3; i < png.data.length; i += 4) if (png.data[i] !== 255) throw new Error(`pixel ${(i - 3) / 4} is not opaque`);
    expect(distinctColours(png)).toBeGreaterThan(20);
    const white = pixelsOf(png, '#ffffff', 0);
    expect(white / (png.width * png.height)).toBeGreaterThan(0.5);
    expect(white / (png.width * png.height)).toBeLessThan(0.99);
    expect(picture.legend).toEqual([{ document: expect.stringContaining('Fruitless discussions'), colour: DOCUMENT_COLOURS[0] }]);
    expect(pixelsOf(png, DOCUMENT_COLOURS[0])).toBeGreaterThan(50);
    // Events of a year or a month are spans; a day is a dot.
    expect(events.some((e) => e.granularity === 'year')).toBe(true);
  });

  it('tells documents apart by colour, with each colour in the picture (legend and marks)', async () => {
    const documents = ['The Harbour Gazette', 'Northgate Evening Post', 'Ministry bulletin'];
    const picture = await renderTimeline(eventsOf(documents, 12, 150), 'Three documents');
    const png = PNG.sync.read(Buffer.from(picture.png));
    expect(picture.legend.map((l) => l.document)).toEqual(documents);
    for (const [i, colour] of DOCUMENT_COLOURS.slice(0, 3).entries()) {
      expect(picture.legend[i]?.colour).toBe(colour);
      expect(pixelsOf(png, colour), colour).toBeGreaterThan(50);
    }
    // A colour of a document not drawn is nowhere.
    expect(pixelsOf(png, DOCUMENT_COLOURS[5] as string, 2)).toBe(0);
  });

  it('keeps 300 crowded events within eight rows, clustering with a count where labels would overlap', async () => {
    const events = eventsOf(['A', 'B', 'C', 'D'], 75, 40);
    const layout = layoutTimeline(events, 1000);
    expect(layout.lanes).toBeLessThanOrEqual(MAX_LANES);
    // Every event is drawn once, alone or in a cluster.
    expect(layout.marks.reduce((n, m) => n + m.events.length, 0)).toBe(300);
    const clusters = layout.marks.filter((m) => m.cluster);
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) expect(c.label).toBe(`${c.events.length} events`);
    // No two labels of one row overlap (at the layout's own estimate of their width).
    const px = (t: number) => ((t - layout.domain[0]) / (layout.domain[1] - layout.domain[0])) * 1000;
    for (let lane = 0; lane < layout.lanes; lane++) {
      const row = layout.marks.filter((m) => m.lane === lane).map((m) => (m.align === 'left' ? [px(m.at), px(m.at) + m.label.length * 7] : [px(m.at) - m.label.length * 7, px(m.at)]) as [number, number]);
      row.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < row.length; i++) expect((row[i] as [number, number])[0]).toBeGreaterThanOrEqual((row[i - 1] as [number, number])[1]);
    }
    const picture = await renderTimeline(events, '300 events');
    expect(picture.png.byteLength).toBeLessThan(DISCORD_ATTACHMENT_LIMIT);
    const png = PNG.sync.read(Buffer.from(picture.png));
    expect(png.width).toBeGreaterThanOrEqual(800);
    for (const colour of DOCUMENT_COLOURS.slice(0, 4)) expect(pixelsOf(png, colour), colour).toBeGreaterThan(20);
  });

  it('marks the axis in days, months or years by the length of the range, and draws months and years as spans', () => {
    const at = (date: string, granularity: TimelineEvent['granularity'] = 'day'): TimelineEvent => ({ date, granularity, text: `Something on ${date}`, document: 'd' });
    expect(layoutTimeline([at('2025-08-01'), at('2025-08-31')], 1000).unit).toBe('day');
    expect(layoutTimeline([at('2025-01-01'), at('2025-11-30')], 1000).unit).toBe('month');
    expect(layoutTimeline([at('1939', 'year'), at('2025-08-29')], 1000).unit).toBe('year');
    const span = layoutTimeline([at('2025-08', 'month'), at('2025-10-02')], 1000).marks.flatMap((m) => m.events).find((e) => e.span);
    expect(span && [span.start, span.end]).toEqual(periodOf('2025-08'));
    expect(periodOf('2025-08')).toEqual([Date.UTC(2025, 7, 1), Date.UTC(2025, 8, 1)]);
    expect(periodOf('1944')).toEqual([Date.UTC(1944, 0, 1), Date.UTC(1945, 0, 1)]);
  });
});
