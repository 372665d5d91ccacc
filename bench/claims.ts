// Claim time on PostgreSQL (issue 11): claimDue at 5,000 and 50,000 outbox rows, without and
// with the index for the lease condition ("Delivery" (state, "claimedAt"), migration
// 20261125204100_claim_lease_index). Rows: 70% sent, 10% pending and due, 20% in 'sending'
// within their lease (claimed by instances still sending them: the lease branch of the claim must
// pass over every one of them). Each claim takes the next 50 chats; its rows are put back
// before the next, so every call sees the same outbox. Prints lines, then one JSON line.
import { claimDue } from "../src/reminders/outbox.ts";
import { benchPgUnavailable, createBenchPgDatabase, type BenchPgDatabase } from "./support/postgres.ts";

const SIZES = [5_000, 50_000];
const CALLS = 40;
const NOW = new Date("2026-03-24T04:00:00Z");
const OPTIONS = { leaseMs: 120_000, maxAttempts: 5, limit: 50 };
const INDEX = `CREATE INDEX IF NOT EXISTS "Delivery_state_claimedAt_idx" ON "Delivery"(state, "claimedAt")`;

async function seed(pg: BenchPgDatabase, rows: number): Promise<void> {
  await pg.sql(`INSERT INTO "Source" (id, path, file, "contentHash", content, "createdAt", "updatedAt") VALUES (1, 'b.txt', 'b.txt', 'x', 'x', now(), now())`);
  await pg.sql(`INSERT INTO "Commitment" (id, "sourceId", key, title, precision, "dueOn", "extractedDueOn", status, topics, quote, "quoteStart", "quoteEnd", "createdAt", "updatedAt")
    VALUES (1, 1, 'k1', 'Bench', 'day', '2026-03-31', '2026-03-31', 'open', '|energy|', 'q', 0, 1, now(), now())`);
  await pg.sql(`INSERT INTO "Chat" (id, type, "createdAt", "updatedAt") SELECT g, 'private', now(), now() FROM generate_series(1, ${rows}) g`);
  await pg.sql(`INSERT INTO "Delivery" (key, "chatId", "commitmentId", kind, "offsetDays", "dueOn", "notBefore", state, attempts, "claimedAt", "createdAt", "updatedAt")
    SELECT 'r:' || g || ':1:before-7:2026-03-31', g, 1, 'before', 7, '2026-03-31', timestamp '2026-03-24 03:59:00' - (g % 600) * interval '1 second',
      CASE WHEN g % 10 = 0 THEN 'pending' WHEN g % 10 IN (1, 2) THEN 'sending' ELSE 'sent' END, 1,
      CASE WHEN g % 10 IN (1, 2) THEN timestamp '2026-03-24 03:59:30' - (g % 20) * interval '1 second' END, now(), now()
    FROM generate_series(1, ${rows}) g`);
  await pg.sql(`ANALYZE`);
}

/** Median and p95 ms of CALLS claims, each undone before the next. */
async function measure(pg: BenchPgDatabase): Promise<{ medianMs: number; p95Ms: number; claimed: number }> {
  const times: number[] = [];
  let claimed = 0;
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    const rows = await claimDue(pg.db, NOW, OPTIONS);
    times.push(performance.now() - started);
    claimed = rows.length;
    if (rows.length > 0) await pg.sql(`UPDATE "Delivery" SET state = 'pending', "claimedAt" = NULL, attempts = 1 WHERE id IN (${rows.map((r) => r.id).join(",")})`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] as number) * 100) / 100;
  return { medianMs: at(0.5), p95Ms: at(0.95), claimed };
}

const skip = await benchPgUnavailable();
const result: Record<string, unknown> = { name: "claims" };
if (skip) {
  console.log(`claims: skipped, ${skip}`);
  result.skipped = skip;
} else {
  for (const rows of SIZES) {
    const pg = await createBenchPgDatabase("mindet_bench_claims");
    try {
      await seed(pg, rows);
      // The migration created the index: measure without it first, then with it.
      await pg.sql(`DROP INDEX IF EXISTS "Delivery_state_claimedAt_idx"`);
      await measure(pg); // warm-up
      const without = await measure(pg);
      await pg.sql(INDEX);
      await pg.sql(`ANALYZE "Delivery"`);
      await measure(pg);
      const withIndex = await measure(pg);
      console.log(`${rows.toLocaleString("en")} rows: claim of ${withIndex.claimed} rows, median ${without.medianMs} ms (p95 ${without.p95Ms}) without the lease index, ${withIndex.medianMs} ms (p95 ${withIndex.p95Ms}) with it`);
      result[`rows${rows}`] = { withoutIndexMedianMs: without.medianMs, withoutIndexP95Ms: without.p95Ms, withIndexMedianMs: withIndex.medianMs, withIndexP95Ms: withIndex.p95Ms };
    } finally {
      await pg.drop();
    }
  }
}
console.log(JSON.stringify(result));
