import type { TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY, renderPng } from './render-png.ts';
import { layoutTimeline, type AxisUnit, type PlacedMark, type TimelineEvent } from './timeline-layout.ts';

/** Wide enough to read at Discord's embed width when opened, narrow enough to fit it when not. */
const PLOT_WIDTH = 1000;
const LANE_PX = 30;
const MARKER_PX = 8;
/** About the width of a bold label character, so that a cluster's share bar is as long as its count. */
const SHARE_PX_PER_CHAR = 7;
/**
 * One colour a document, dark enough for text-sized marks on the picture's white ground (which is opaque,
 * so the picture reads the same on Discord's dark and light themes). Past these, documents share grey.
 */
export const DOCUMENT_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#e6850e', '#8c564b', '#d6449f', '#138d90', '#6b6b00'] as const;
export const OTHER_COLOUR = '#7f7f7f';
const OTHERS = 'other documents';
const INK = '#1f2328';
const LEGEND_CHARS = 48;

const FORMATS: Record<AxisUnit, string> = { day: '%-d %b %Y', month: '%b %Y', year: '%Y' };
const TITLES: Record<AxisUnit, string> = { day: 'Days', month: 'Months', year: 'Years' };
const UNIT_MS: Record<AxisUnit, number> = { day: 86_400_000, month: 30.44 * 86_400_000, year: 365.25 * 86_400_000 };

/** About ten labelled ticks across the axis, in round steps of the unit. */
function tickStep(domain: [number, number], unit: AxisUnit): number {
  const raw = (domain[1] - domain[0]) / UNIT_MS[unit] / 10;
  const steps = unit === 'month' ? [1, 2, 3, 6, 12] : [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  return steps.find((s) => s >= raw) ?? (steps[steps.length - 1] as number);
}

export interface TimelinePicture {
  png: Uint8Array;
  width: number;
  height: number;
  /** Each document drawn, with its colour (as in the picture's legend). */
  legend: Array<{ document: string; colour: string }>;
}

/** The Vega-Lite chart of a timeline: events on a time axis in label rows, documents told apart by colour. */
export function timelineSpec(events: TimelineEvent[], title: string): { spec: TopLevelSpec; legend: TimelinePicture['legend']; height: number } {
  const documents = [...new Set(events.map((e) => e.document))];
  const shown = documents.length > DOCUMENT_COLOURS.length ? documents.slice(0, DOCUMENT_COLOURS.length - 1) : documents;
  const name = (d: string) => (shown.includes(d) ? clipName(d) : OTHERS);
  const legend = [...shown.map((d, i) => ({ document: clipName(d), colour: DOCUMENT_COLOURS[i] as string })), ...(shown.length < documents.length ? [{ document: OTHERS, colour: OTHER_COLOUR }] : [])];
  const layout = layoutTimeline(events, PLOT_WIDTH);
  const msPerPx = (layout.domain[1] - layout.domain[0]) / PLOT_WIDTH;

  /** Under a cluster's count, a bar as long as the label shared out between its documents by their events. */
  const shares = (m: PlacedMark) => {
    const counts = new Map<string, number>();
    for (const e of m.events) counts.set(name(e.document), (counts.get(name(e.document)) ?? 0) + 1);
    const length = m.label.length * SHARE_PX_PER_CHAR * msPerPx;
    let from = m.align === 'left' ? m.at + MARKER_PX * msPerPx : m.at - MARKER_PX * msPerPx - length;
    return legend
      .filter((l) => counts.has(l.document))
      .map((l) => {
        const width = (length * (counts.get(l.document) ?? 0)) / m.events.length;
        from += width;
        return { layer: 'share', start: from - width, end: from, lane: m.lane, document: l.document };
      });
  };
  const rows = layout.marks.flatMap((m) => [
    ...(m.cluster
      ? [{ layer: 'band', start: m.cluster.start, end: m.cluster.end, lane: m.lane }, { layer: 'cluster', start: m.at, lane: m.lane }, ...shares(m)]
      : m.events.map((e) => ({ layer: e.span ? 'span' : 'point', start: e.start, end: e.end, lane: m.lane, document: name(e.document) }))),
    {
      layer: `${m.cluster ? 'count' : 'label'}-${m.align}`,
      // A day's label starts after its dot (or ends before it); a span's at its start, above its bar.
      start: m.at + (m.cluster || !m.events[0]?.span ? (m.align === 'left' ? MARKER_PX : -MARKER_PX) * msPerPx : 0),
      lane: m.lane,
      label: m.label,
    },
  ]);
  const height = layout.lanes * LANE_PX;
  const only = (...layers: string[]) => [{ filter: { field: 'layer', oneOf: layers } }];
  const colour = { field: 'document', type: 'nominal' as const, scale: { domain: legend.map((l) => l.document), range: legend.map((l) => l.colour) }, legend: { title: null } };

  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start', fontSize: 16, fontWeight: 'bold', color: INK, offset: 10 },
    width: PLOT_WIDTH,
    height,
    background: '#ffffff',
    padding: 16,
    data: { values: rows },
    encoding: {
      x: {
        field: 'start',
        type: 'temporal',
        scale: { type: 'utc', domain: layout.domain },
        axis: {
          title: TITLES[layout.unit],
          format: FORMATS[layout.unit],
          tickCount: { interval: layout.unit, step: tickStep(layout.domain, layout.unit) },
          labelOverlap: true,
          grid: true,
        },
      },
      y: { field: 'lane', type: 'ordinal', axis: null, scale: { domain: [...Array(layout.lanes).keys()], paddingInner: 0, paddingOuter: 0 } },
    },
    layer: [
      {
        transform: only('band'),
        mark: { type: 'bar', height: 20, cornerRadius: 4, color: '#000000', opacity: 0.07 },
        encoding: { x2: { field: 'end' } },
      },
      {
        transform: only('span'),
        mark: { type: 'bar', height: 6, yOffset: 9, cornerRadius: 2, opacity: 0.9 },
        encoding: { x2: { field: 'end' }, color: colour },
      },
      {
        transform: only('share'),
        mark: { type: 'bar', height: 4, yOffset: 10 },
        encoding: { x2: { field: 'end' }, color: colour },
      },
      {
        transform: only('cluster'),
        mark: { type: 'circle', size: 64, opacity: 1, color: '#555555' },
      },
      {
        transform: only('point'),
        mark: { type: 'circle', size: 64, opacity: 1 },
        encoding: { color: colour },
      },
      ...(['left', 'right'] as const).flatMap((align) => [
        {
          transform: only(`label-${align}`),
          mark: { type: 'text' as const, align, baseline: 'middle' as const, fontSize: 12, color: INK, yOffset: -1 },
          encoding: { text: { field: 'label' } },
        },
        {
          transform: only(`count-${align}`),
          mark: { type: 'text' as const, align, baseline: 'middle' as const, fontSize: 12, fontWeight: 'bold' as const, color: '#444444', yOffset: -1 },
          encoding: { text: { field: 'label' } },
        },
      ]),
    ],
    config: {
      font: FONT_FAMILY,
      view: { stroke: null },
      axis: { labelFontSize: 12, titleFontSize: 12, labelColor: INK, titleColor: INK, gridColor: '#e3e3e3', domainColor: '#888888', tickColor: '#888888' },
      legend: { orient: 'top', labelFontSize: 12, labelColor: INK, labelLimit: 800, symbolType: 'circle', symbolSize: 100, columns: 2, columnPadding: 18 },
    },
  };
  return { spec, legend, height };
}

function clipName(name: string): string {
  return name.length <= LEGEND_CHARS ? name : `${name.slice(0, LEGEND_CHARS - 1).trimEnd()}…`;
}

/** The timeline as a PNG. */
export async function renderTimeline(events: TimelineEvent[], title: string): Promise<TimelinePicture> {
  const { spec, legend } = timelineSpec(events, title);
  const png = await renderPng(spec);
  // The PNG header holds the size: width and height, big-endian, at bytes 16 and 20.
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { png, width: view.getUint32(16), height: view.getUint32(20), legend };
}
