import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';

/** The font every picture is drawn in, shipped with the project so that no picture depends on the machine's fonts. */
export const FONT_FAMILY = 'DejaVu Sans';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => fileURLToPath(new URL(`../../assets/fonts/${f}`, import.meta.url)));

// Vega, Vega-Lite and resvg are loaded on the first picture: most answers are text and need none of them.
let libraries: Promise<[typeof import('vega'), typeof import('vega-lite'), typeof import('@resvg/resvg-js')]> | null = null;
const load = () => (libraries ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]));

/** A Vega-Lite chart drawn to SVG by Vega (no browser, no canvas) and rasterised to PNG by resvg. */
export async function renderPng(spec: TopLevelSpec): Promise<Uint8Array> {
  const [vega, vegaLite, { Resvg }] = await load();
  // Warnings go nowhere: the specs are ours, and their tests look at the pictures themselves.
  const quiet = vega.logger(vega.Error);
  const view = new vega.View(vega.parse(vegaLite.compile(spec, { logger: quiet }).spec), { renderer: 'none', logger: quiet });
  try {
    const svg = await view.toSVG();
    const png = new Resvg(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } }).render().asPng();
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  } finally {
    view.finalize();
  }
}
