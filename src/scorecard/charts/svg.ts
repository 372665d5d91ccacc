// Small helpers to write SVG as text. Charts are built here as plain markup (no DOM, no browser)
// and turned into PNG by render-png.ts.

/** The one font family charts use: DejaVu Sans, shipped by the dejavu-fonts-ttf package (render-png.ts). */
export const CHART_FONT = "DejaVu Sans";

/** Escapes text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

/** Cuts text to `max` graphemes, ending with "…" when cut (never inside an emoji or a combined letter). */
export function clip(text: string, max: number): string {
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text.replace(/\s+/g, " ").trim())].map((s) => s.segment);
  if (graphemes.length <= max) return graphemes.join("");
  return `${graphemes.slice(0, Math.max(max - 1, 0)).join("").trimEnd()}…`;
}

/**
 * Approximate width of text in DejaVu Sans at `size` px: 0.6 em a character is its average for
 * Latin and Cyrillic letters, 0.7 em in bold; used only to keep labels apart, never to cut them.
 */
export function textWidth(text: string, size: number, weight: "normal" | "bold" = "normal"): number {
  return [...text].length * size * (weight === "bold" ? 0.7 : 0.6);
}

export interface TextOptions {
  size?: number;
  weight?: "normal" | "bold";
  fill?: string;
  anchor?: "start" | "middle" | "end";
}

/** A <text> element; `content` is escaped. */
export function svgText(x: number, y: number, content: string, options: TextOptions = {}): string {
  const { size = 14, weight = "normal", fill = "#222", anchor = "start" } = options;
  return `<text x="${round(x)}" y="${round(y)}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${escapeXml(content)}</text>`;
}

/** The document: white background, one font family for everything. */
export function svgDocument(width: number, height: number, body: readonly string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    "</svg>",
  ].join("\n");
}

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}
