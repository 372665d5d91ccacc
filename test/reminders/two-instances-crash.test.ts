// The scaled-down bench/instances.ts: two real `mindet start` processes (webhook mode) on one
// PostgreSQL database deliver 400 reminders to the emulator enforcing the configured overall and
// per-chat limits; one is killed with kill -9 mid-run and the other carries on. The dead one's
// claimed rows wait for their lease: a third instance started with its clock past the lease (after
// the survivor stopped, so it cannot take the survivor's rows in flight) sends them. None lost,
// duplicates within the killed instance's sends in flight, no 429.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { pgSkipReason } from "../support/postgres.ts";
import { exited, spawnStart } from "../support/spawn-start.ts";
import { addChat, addCommitment, addFollow } from "./db-helpers.ts";

const CHATS = 400;
const RATE = 100;
/** One instance's deliverer concurrency at RATE (max(4, ceil(rate / 4))): its sends in flight at the kill. */
const IN_FLIGHT_BOUND = Math.max(4, Math.ceil(RATE / 4));
const START = "2026-03-24T04:00:30Z";
const skip = pgSkipReason();

describe.skipIf(skip !== null)(`two instances, one killed${skip ? ` (skipped: ${skip})` : ""}`, () => {
  let t: TestDb;
  let emulator: BotApiEmulator;
  const children: ChildProcess[] = [];

  const start = (now: string, port: number): ChildProcess => {
    const child = spawnStart({
      emulator, databaseUrl: t.url, now, rate: RATE,
      env: { WEBHOOK_URL: "https://bot.example.org/telegram", WEBHOOK_SECRET: "test_secret_0123456789", PORT: String(port) },
    });
    children.push(child);
    return child;
  };
  const received = (): Map<number, number> => {
    const counts = new Map<number, number>();
    for (const call of emulator.getCalls({ method: "sendMessage" })) {
      if (call.outcome.kind !== "response" || !call.outcome.body.ok) continue;
      counts.set(Number(call.params.chat_id), (counts.get(Number(call.params.chat_id)) ?? 0) + 1);
    }
    return counts;
  };
  const until = async (condition: () => boolean, timeoutMs: number): Promise<void> => {
    for (const end = Date.now() + timeoutMs; !condition(); ) {
      if (Date.now() > end) throw new Error("timed out");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    t = await createTestDb("postgresql");
    emulator = await createBotApiEmulator({ autoCreateChats: true, latencyMs: 5, rateLimit: { globalPerSecond: RATE, perChatPerSecond: 1 } });
    const id = await addCommitment(t.db, { title: "Two-instance commitment", dueOn: "2026-03-31" });
    for (let i = 0; i < CHATS; i++) {
      await addChat(t.db, 20_000 + i);
      await addFollow(t.db, 20_000 + i, "commitment", "", id);
    }
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await emulator.close();
    await t.destroy();
  });

  it("kill -9 of one mid-run: the other carries on; none lost, duplicates within the bound, no 429", async () => {
    const a = start(START, 18_721);
    const b = start(START, 18_722);
    await until(() => emulator.stats.sendMessageAccepted >= 150, 60_000);
    a.kill("SIGKILL");
    await exited(a);
    const atKill = emulator.stats.sendMessageAccepted;
    // The survivor sends every row but the dead one's claimed ones, then has nothing left.
    let last = -1;
    await until(() => {
      const now = emulator.stats.sendMessageAccepted;
      const still = now === last;
      last = now;
      return still && now > atKill;
    }, 60_000).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(emulator.stats.sendMessageAccepted).toBeGreaterThan(atKill);
    b.kill("SIGTERM");
    await exited(b);
    const c = start("2026-03-24T04:05:00Z", 18_723);
    await until(() => received().size >= CHATS, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    c.kill("SIGTERM");
    await exited(c);
    const counts = received();
    const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
    console.warn(`two instances: ${atKill} before the kill, lost ${CHATS - counts.size}, duplicates ${duplicates} (bound ${IN_FLIGHT_BOUND}), 429s ${emulator.stats.tooManyRequests}`);
    expect(counts.size).toBe(CHATS);
    expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT_BOUND);
    expect(emulator.stats.tooManyRequests).toBe(0);
    const states = await t.db.delivery.groupBy({ by: ["state"], _count: { _all: true } });
    expect(states.map((s) => [s.state, s._count._all])).toEqual([["sent", CHATS]]);
  }, 150_000);
});
