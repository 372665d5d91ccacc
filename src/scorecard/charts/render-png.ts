// SVG to PNG without a browser: resvg (a Rust SVG renderer, as prebuilt binaries in npm's optional
// dependencies of @resvg/resvg-js). It sees no system font unless told: the charts load DejaVu
// Sans from the dejavu-fonts-ttf package, which covers Latin, Cyrillic and the Kazakh letters
// (ә ғ қ ң ө ұ ү һ і), so a chart draws the same on any machine `npm install` ran on.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The font files the charts use (resolved from the installed package). */
export const CHART_FONT_FILES: readonly string[] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

type ResvgModule = typeof import("@resvg/resvg-js");
let resvg: Promise<ResvgModule> | undefined;

/** Charts remembered: the same SVG (same numbers, same language) is drawn once. */
const CACHED_CHARTS = 32;
const cache = new Map<string, Promise<Buffer>>();

/**
 * Renders an SVG document to PNG bytes, off the event loop (resvg's async render runs on libuv's
 * thread pool). The native module is loaded on the first chart, so commands that draw none never
 * load it. The last 32 charts are remembered by their SVG's hash: a scorecard asked for again
 * before anything changed costs nothing to draw (a render is 40-90 ms of CPU).
 */
export function renderPng(svg: string): Promise<Buffer> {
  const key = createHash("sha256").update(svg).digest("base64");
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last: Map keeps insertion order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const rendering = draw(svg);
  cache.set(key, rendering);
  // A failed render is not remembered; the oldest chart goes when the cache is full.
  rendering.catch(() => cache.delete(key));
  if (cache.size > CACHED_CHARTS) cache.delete(cache.keys().next().value as string);
  return rendering;
}

async function draw(svg: string): Promise<Buffer> {
  resvg ??= import("@resvg/resvg-js");
  const { renderAsync } = await resvg;
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: [...CHART_FONT_FILES], defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    background: "#ffffff",
    fitTo: { mode: "original" },
    logLevel: "off",
  });
  return image.asPng();
}

/** Width and height of a PNG, read from its IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
