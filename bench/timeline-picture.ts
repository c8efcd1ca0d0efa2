// The timeline picture's cost: 300 events of a generated reading list drawn to PNG (Vega-Lite → Vega → SVG →
// resvg), the first time (libraries loaded) and then warm, as `/timeline picture:true` would draw them.
import type { CorpusQuery } from '../src/corpus/query/corpus-query.ts';
import { renderTimeline } from '../src/picture/timeline-chart.ts';

export interface PictureResult {
  events: number;
  documents: number;
  firstMs: number;
  runs: number;
  medianMs: number;
  p99Ms: number;
  /** CPU time of this process per picture (median): what the picture costs, whatever else the machine is doing. */
  medianCpuMs: number;
  bytes: number;
  width: number;
  height: number;
}

const DISCORD_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export async function measurePicture(query: CorpusQuery, runs: number): Promise<PictureResult> {
  const found = query.timeline({ limit: 300 });
  if (!found.ok) throw new Error(`no timeline: ${found.reason.kind}`);
  const events = found.value.hits.map((h) => ({ date: h.event.date, granularity: h.event.granularity, text: h.event.text, document: h.document.title }));
  const draw = async () => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const picture = await renderTimeline(events, 'Timeline');
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, picture };
  };
  const first = await draw();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await draw();
    times.push(run.ms);
    cpu.push(run.cpuMs);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return {
    events: events.length,
    documents: new Set(events.map((e) => e.document)).size,
    firstMs: first.ms,
    runs,
    medianMs: at(0.5),
    p99Ms: at(0.99),
    medianCpuMs: cpu[Math.floor(cpu.length / 2)] ?? NaN,
    bytes: first.picture.png.byteLength,
    width: first.picture.width,
    height: first.picture.height,
  };
}

export function pictureReport(p: PictureResult): string {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  return [
    `Timeline picture (/timeline picture:true), ${p.events} events of ${p.documents} documents: first ${ms(p.firstMs)} (loads Vega and resvg), then median ${ms(p.medianMs)} / p99 ${ms(p.p99Ms)} over ${p.runs} runs (CPU ${ms(p.medianCpuMs)} a picture, median); ${p.width}×${p.height} px, ${(p.bytes / 1024).toFixed(0)} KB.`,
    `  ${p.medianMs < 1000 ? 'met   ' : 'MISSED'}  300 events drawn in well under a second: ${ms(p.medianMs)} (median; CPU ${ms(p.medianCpuMs)})`,
    `  ${p.bytes < DISCORD_ATTACHMENT_BYTES ? 'met   ' : 'MISSED'}  picture under Discord's 10 MiB attachment limit: ${(p.bytes / 1024).toFixed(0)} KB`,
  ].join('\n');
}
