import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/mindet.db";

/** The configured database URL, or the embedded SQLite default. */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
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
