export interface Column {
  header: string;
  /** Fixed width; flexible columns share what is left (by weight). */
  width?: number;
  weight?: number;
  align?: "left" | "right";
}

/** Cuts text to `width` characters, ending with "…" when it had to cut. Newlines become spaces. */
export function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  if (chars.length <= width) return flat;
  if (width <= 1) return "…".slice(0, width);
  return `${chars.slice(0, width - 1).join("").trimEnd()}…`;
}

/**
 * A plain-text table exactly `totalWidth` characters wide at most: fixed columns keep their
 * width, flexible ones share the rest, every cell is truncated with "…" to fit.
 */
export function formatTable(columns: readonly Column[], rows: readonly string[][], totalWidth: number): string[] {
  const gap = 2;
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0) + gap * (columns.length - 1);
  const flexible = columns.filter((c) => c.width === undefined);
  const weights = flexible.reduce((sum, c) => sum + (c.weight ?? 1), 0);
  const free = Math.max(totalWidth - fixed, flexible.length * 8);
  let remaining = free;
  const widths = columns.map((c, i) => {
    if (c.width !== undefined) return c.width;
    const isLastFlexible = columns.slice(i + 1).every((next) => next.width !== undefined);
    const share = isLastFlexible ? remaining : Math.floor((free * (c.weight ?? 1)) / weights);
    remaining -= share;
    return share;
  });
  const line = (cells: readonly string[]): string =>
    columns
      .map((c, i) => {
        const width = widths[i]!;
        const cell = truncate(cells[i] ?? "", width);
        const pad = " ".repeat(Math.max(width - [...cell].length, 0));
        return c.align === "right" ? pad + cell : cell + pad;
      })
      .join(" ".repeat(gap))
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

/** The width to lay tables out in: the terminal's, kept within 100..120; 110 when not a terminal. */
export function tableWidth(stream: { columns?: number; isTTY?: boolean }): number {
  if (!stream.isTTY || !stream.columns) return 110;
  return Math.min(Math.max(stream.columns, 100), 120);
}
