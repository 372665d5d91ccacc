// Two instances on one PostgreSQL database claim from the same outbox at the same moment: with
// FOR UPDATE SKIP LOCKED each passes over the rows the other is claiming, so no row is claimed
// twice and none is left behind.
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db/client.ts";
import { insertDeliveries } from "../../src/reminders/insert-deliveries.ts";
import { claimDue } from "../../src/reminders/outbox.ts";
import type { PlannedDelivery } from "../../src/reminders/types.ts";
import { createTestDb, describeEachEngine, type TestDb } from "../support/db.ts";
import { addChat, addCommitment } from "./db-helpers.ts";

const CHATS = 400;
const ROWS_PER_CHAT = 2;
const NOW = new Date("2026-03-24T04:00:00Z");
const OPTIONS = { leaseMs: 120_000, maxAttempts: 5, limit: 7 };

describeEachEngine("claims by two instances at once", (engine) => {
  let t: TestDb;
  let other: Db;

  beforeAll(async () => {
    t = await createTestDb(engine);
    // The second instance: its own client and connections to the same database.
    other = await openDatabase(t.url, { migrate: false });
    const id = await addCommitment(t.db, { dueOn: "2026-03-31" });
    const rows: PlannedDelivery[] = [];
    for (let i = 0; i < CHATS; i++) {
      await addChat(t.db, 50_000 + i);
      for (const stage of ["before-7", "before-1"].slice(0, ROWS_PER_CHAT)) {
        rows.push({ key: `r:${50_000 + i}:${id}:${stage}:2026-03-31`, chatId: BigInt(50_000 + i), commitmentId: id, kind: "before", offsetDays: stage === "before-7" ? 7 : 1, dueOn: "2026-03-31", statusChangeId: null, notBefore: new Date(NOW.getTime() - 60_000) });
      }
    }
    expect(await insertDeliveries(t.db, rows, NOW)).toBe(CHATS * ROWS_PER_CHAT);
  });

  afterAll(async () => {
    await other.$disconnect();
    await t.destroy();
  });

  it("no row is claimed twice, none is left, and a chat's rows stay in one claim", async () => {
    const claimed = new Map<number, string>();
    const duplicates: number[] = [];
    const claimer = async (db: Db, name: string): Promise<number> => {
      let claims = 0;
      for (;;) {
        const rows = await claimDue(db, NOW, OPTIONS);
        if (rows.length === 0) return claims;
        claims++;
        for (const r of rows) {
          if (claimed.has(r.id)) duplicates.push(r.id);
          claimed.set(r.id, name);
        }
      }
    };
    const [a, b] = await Promise.all([claimer(t.db, "a"), claimer(other, "b")]);
    expect(duplicates).toEqual([]);
    expect(claimed.size).toBe(CHATS * ROWS_PER_CHAT);
    // Both took part (the claims interleaved rather than one instance draining the queue).
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(await t.db.delivery.count({ where: { state: "sending", attempts: 1 } })).toBe(CHATS * ROWS_PER_CHAT);
  });
});
