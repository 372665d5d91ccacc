import { withStore as withAppStore, type Store } from "../app.ts";
import type { CliIo } from "./io.ts";

export type { Store } from "../app.ts";

/**
 * A database command's store (src/app.ts builds it; no token needed): `fn` runs with it and the
 * database is closed afterwards, whatever happens. Logs go to stderr at LOG_LEVEL as everywhere.
 */
export function withStore<T>(io: CliIo, fn: (store: Store) => Promise<T>): Promise<T> {
  return withAppStore({ env: io.env }, fn);
}
