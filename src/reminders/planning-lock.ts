// Planning by one instance at a time, on PostgreSQL: the instance holding a session-level
// advisory lock plans; the others only deliver (claims skip each other's rows). Planning twice
// would be safe for the rows themselves (unique keys, ON CONFLICT DO NOTHING), but every
// instance would do the whole day's fan-out, and a chat's reconciliation (which deletes its
// unwanted future rows) could run on two instances with different views of it at once.
//
// Why an advisory lock on a connection of its own rather than a lease row with an expiry: the
// lock is the session's, so it goes the moment the holder's connection does: a holder killed
// with kill -9 loses it as its socket closes, and the next instance to tick (within a minute)
// takes over, with no clock to agree on and no lease to renew. A holder whose machine vanishes
// without closing the socket is dropped by the server's TCP keepalives, set short on this
// session (about 30 s). A holder that only hangs keeps the lock: nobody plans meanwhile, and
// rows already planned (36 hours ahead) are still delivered by every instance.
import pg from "pg";
import type { Logger } from "../logger.ts";
import { PG_CONNECT_TIMEOUT_MS } from "../db/postgres.ts";

/** The lock's key: "mindet" in ASCII. Advisory locks are per database, so databases never share it. */
export const PLANNING_LOCK_KEY = 0x6d696e646574n;

export interface PlanningLock {
  /**
   * True when this instance holds the lock (taking it if it is free); false when another
   * instance does or the database cannot be reached. Never throws.
   */
  acquire(): Promise<boolean>;
  /** Lets the lock go (closes its connection). */
  release(): Promise<void>;
}

/** The planning lock for a PostgreSQL database URL. */
export function createPlanningLock(databaseUrl: string, logger: Logger): PlanningLock {
  let client: pg.Client | null = null;
  let held = false;

  const drop = (c: pg.Client): void => {
    if (client !== c) return;
    client = null;
    if (held) logger.warn("planning lock lost with its database connection; planning stops here until it is taken again");
    held = false;
    void c.end().catch(() => undefined);
  };

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS, keepAlive: true, application_name: "mindet planning lock" });
    // An idle connection's error (the server went away) must not crash the process: the next
    // acquire() finds the connection gone and connects again.
    c.on("error", () => drop(c));
    c.on("end", () => drop(c));
    await c.connect();
    // The server notices a holder that vanished without closing its socket within ~30 s.
    await c.query("SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 4");
    return c;
  };

  return {
    async acquire() {
      try {
        if (client && held) {
          // The session is alive, so its lock is still ours.
          await client.query("SELECT 1");
          return true;
        }
        client ??= await connect();
        const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [PLANNING_LOCK_KEY.toString()]);
        held = rows[0]?.locked === true;
        if (held) logger.info("planning lock taken: this instance plans the reminders");
        return held;
      } catch (error) {
        logger.warn({ err: error }, "planning lock: database unreachable; not planning this tick");
        if (client) drop(client);
        return false;
      }
    },
    async release() {
      const c = client;
      client = null;
      held = false;
      await c?.end().catch(() => undefined);
    },
  };
}
