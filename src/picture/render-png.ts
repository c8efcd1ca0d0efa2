import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';

/** The font every picture is drawn in, shipped with the project so that no picture depends on the machine's fonts. */
export const FONT_FAMILY = 'DejaVu Sans';

/** The project's fonts folder, found upwards from this file: it runs from src/picture and, compiled, from dist/. */
function fontsFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'assets', 'fonts');
    if (existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('The picture fonts are missing: assets/fonts should be in the project folder (restore it with git checkout).');
    dir = up;
  }
}
let fontFiles: string[] | null = null;
const FONT_NAMES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

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
    const png = new Resvg(svg, { font: { fontFiles: (fontFiles ??= FONT_NAMES.map((f) => path.join(fontsFolder(), f))), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } }).render().asPng();
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  } finally {
    view.finalize();
  }
}
