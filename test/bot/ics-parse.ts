/** A small RFC 5545 reader for the tests: unfolds lines, unescapes TEXT, returns VEVENTs. */
export function parseIcs(raw: string): Record<string, string>[] {
  if (raw.includes("\n") && !raw.includes("\r\n")) throw new Error("not CRLF");
  const unfolded = raw.replace(/\r\n[ \t]/g, "");
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of unfolded.split("\r\n")) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      if (current) events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon);
      current[name] = unescape(line.slice(colon + 1));
    }
  }
  return events;
}

function unescape(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === "n" || c === "N" ? "\n" : c));
}
