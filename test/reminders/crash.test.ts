// kill -9 of a real `mindet start` process in the middle of a 1,000-reminder run, then a
// restart: the emulator (in this process) counts what arrived. None may be lost; duplicates are
// possible only for sends in flight at the kill (at most the deliverer's concurrency).
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotApiEmulator, type BotApiEmulator } from "../../src/testing/bot-api-emulator.ts";
import { exited, spawnStart } from "../support/spawn-start.ts";
import { createTestDb, describeEachEngine, type TestDb } from "../support/db.ts";
import { addChatsFollowing, addCommitment } from "./db-helpers.ts";

const CHATS = 1000;
const RATE = 100;
/** The scheduler's concurrency for RATE (max(4, ceil(rate / 4))): the most sends in flight. */
const IN_FLIGHT_BOUND = Math.max(4, Math.ceil(RATE / 4));
const START = "2026-03-24T04:00:30Z";

describeEachEngine("crash", (engine) => {
let t: TestDb;
let emulator: BotApiEmulator;
const received = new Map<number, number>();

const children: ChildProcess[] = [];

function startBot(now: string): ChildProcess {
  const child = spawnStart({ emulator, databaseUrl: t.url, now, rate: RATE });
  children.push(child);
  return child;
}

beforeAll(async () => {
  t = await createTestDb(engine);
  emulator = await createBotApiEmulator({ autoCreateChats: true, latencyMs: 5 });
  const id = await addCommitment(t.db, { title: "Crash-test commitment", dueOn: "2026-03-31" });
  await addChatsFollowing(t.db, Array.from({ length: CHATS }, (_, i) => 10_000 + i), id);
});

afterAll(async () => {
  // A failed wait leaves the restarted bot running: it must not outlive the test (and its database).
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await emulator.close();
  await t.destroy();
});

function countReceived(): void {
  received.clear();
  for (const call of emulator.getCalls({ method: "sendMessage" })) {
    if (call.outcome.kind !== "response" || !call.outcome.body.ok) continue;
    const chat = Number(call.params["chat_id"]);
    received.set(chat, (received.get(chat) ?? 0) + 1);
  }
}

/**
 * Resolves once `condition` holds, asked as each call is recorded with its answer (a hook on the
 * request itself would run before the answer is logged, and the last one would go unnoticed).
 */
async function waitUntil(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  await emulator.waitForCall("sendMessage", () => condition(), { since: 0, timeoutMs }).catch((error: unknown) => {
    throw new Error(`timed out waiting for ${what}: ${(error as Error).message}`);
  });
}

/** Chats that got a message, kept up to date as calls are recorded (the log is not rescanned each time). */
function chatsReached(): () => number {
  const chats = new Set<number>();
  let seen = 0;
  return () => {
    const calls = emulator.getCalls({ method: "sendMessage" });
    for (; seen < calls.length; seen++) {
      const call = calls[seen];
      if (call?.outcome.kind === "response" && call.outcome.body.ok) chats.add(Number(call.params["chat_id"]));
    }
    return chats.size;
  };
}

describe("crash safety", () => {
  it("kill -9 mid-run, restart: none lost, duplicates within the in-flight bound", async () => {
    const first = startBot(START);
    const firstExit = exited(first);
    await waitUntil(() => emulator.stats.sendMessageAccepted >= 300, "300 messages", 60_000);
    first.kill("SIGKILL");
    await firstExit;
    countReceived();
    const beforeRestart = [...received.values()].reduce((a, b) => a + b, 0);
    expect(beforeRestart).toBeGreaterThanOrEqual(300);
    expect(beforeRestart).toBeLessThan(CHATS);

    // Restart after the claim lease (2 min) has passed on the bot's clock.
    const second = startBot("2026-03-24T04:05:00Z");
    const secondExit = exited(second);
    const reached = chatsReached();
    await waitUntil(() => reached() >= CHATS, "a message in every chat", 90_000);
    // Let it finish recording, then stop it cleanly.
    await new Promise((resolve) => setTimeout(resolve, 500));
    second.kill("SIGTERM");
    await secondExit;

    countReceived();
    const lost = CHATS - received.size;
    const duplicates = [...received.values()].reduce((sum, n) => sum + (n - 1), 0);
    console.warn(`crash test [${engine}]: ${beforeRestart} before kill, lost ${lost}, duplicates ${duplicates} (bound ${IN_FLIGHT_BOUND})`);
    expect(lost).toBe(0);
    expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT_BOUND);
    const states = await t.db.delivery.groupBy({ by: ["state"], _count: { _all: true } });
    expect(states.map((s) => [s.state, s._count._all])).toEqual([["sent", CHATS]]);
    expect(emulator.stats.tooManyRequests).toBe(0);
  }, 150_000);
});
});
