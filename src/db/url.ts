import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/mindet.db";

/** The configured database URL, or the embedded SQLite default. */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

/** True for a PostgreSQL URL (postgresql:// or postgres://). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Why `url` cannot be Mindet's database (one line, for "DATABASE_URL: ..."), or null when its
 * form is right: a SQLite `file:` URL or a PostgreSQL URL with a host and a database name.
 */
export function databaseUrlProblem(url: string): string | null {
  if (url.startsWith("file:")) {
    const rest = url.slice("file:".length).split("?")[0] ?? "";
    return rest.replace(/^\/\//, "") === "" ? 'has no file path (e.g. "file:./data/mindet.db")' : null;
  }
  if (!isPostgresUrl(url)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
    const got = scheme ? `"${scheme.slice(0, 20)}:"` : "no scheme";
    return `must be a SQLite "file:./data/mindet.db" or a "postgresql://user@host:5432/db" URL (got ${got})`;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a valid postgresql:// URL";
  }
  if (parsed.hostname === "") return "has no host (postgresql://user@host:5432/db)";
  if (parsed.pathname.replace(/^\//, "") === "") return "has no database name (postgresql://user@host:5432/db)";
  return null;
}

/** "postgresql://user@host:5432/db" without the password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.split(":")[0] + ":...";
  }
}

/**
 * The SQLite file path of a `file:` URL, resolved against the working directory
 * (":memory:" stays as is). Throws with a readable message for any other scheme.
 */
export function sqlitePathFromUrl(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL (got "${url.split(":")[0]}:...")`);
  }
  const rest = url.slice("file:".length).split("?")[0] ?? "";
  if (rest === ":memory:") return rest;
  const withoutSlashes = rest.startsWith("//") ? rest.slice(2) : rest;
  if (withoutSlashes === "") throw new Error("DATABASE_URL has no file path");
  return path.resolve(withoutSlashes);
}
