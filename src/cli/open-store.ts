import { createOffsetClock, systemClock, type Clock } from "../clock.ts";
import { loadConfig, type Config } from "../config.ts";
import { openDatabase, type Db } from "../db/client.ts";
import type { CliIo } from "./io.ts";

export interface Store {
  config: Config;
  db: Db;
  clock: Clock;
}

/**
 * Config (no token needed), the database (migrated) and the clock (MINDET_NOW aware) for a
 * database command; `fn` runs with them and the database is closed afterwards, whatever happens.
 */
export async function withStore<T>(io: CliIo, fn: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env, { requireToken: false });
  const clock = config.now ? createOffsetClock(config.now) : systemClock;
  const db = await openDatabase(config.databaseUrl);
  try {
    return await fn({ config, db, clock });
  } finally {
    await db.$disconnect();
  }
}
