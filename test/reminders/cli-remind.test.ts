import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { main } from "../../src/cli.ts";
import { runRemindCommand } from "../../src/reminders/cli-remind.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { pgSkipReason } from "../support/postgres.ts";
import { addChat, addCommitment, addFollow } from "./db-helpers.ts";

let t: TestDb;
let id: number;

beforeAll(async () => {
  t = await createTestDb();
  id = await addCommitment(t.db, { title: "Build 100 schools", dueOn: "2026-03-31" });
  await addChat(t.db, 401);
  await addFollow(t.db, 401, "commitment", "", id);
});

afterAll(async () => {
  await t.destroy();
});

function captured(now = "2026-03-24T04:00:30Z"): { io: CliIo; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: { DATABASE_URL: t.url, MINDET_NOW: now, LOG_LEVEL: "silent" },
    cwd: process.cwd(),
  };
  return { io, out: () => out, err: () => err };
}

describe("mindet remind", () => {
  it("--dry-run lists what would go out now and to whom, and writes nothing", async () => {
    const { io, out, err } = captured();
    expect(await runRemindCommand(["--dry-run"], io)).toBe(0);
    expect(err()).toBe("");
    expect(out()).toContain("1 reminder(s) to 1 chat(s) would go out now");
    expect(out()).toContain(`chat 401 "chat 401" (private)`);
    expect(out()).toMatch(new RegExp(`before-7 +#${id} Build 100 schools \\(due 2026-03-31\\).*\\[planned\\]`));
    expect(await t.db.delivery.count()).toBe(0);
  });

  it("--dry-run --json prints one JSON document", async () => {
    const { io, out } = captured();
    expect(await runRemindCommand(["--dry-run", "--json"], io)).toBe(0);
    const parsed = JSON.parse(out()) as { now: string; items: Record<string, unknown>[] };
    // MINDET_NOW starts the clock there; it keeps running.
    expect(parsed.now).toMatch(/^2026-03-24T04:00:3/);
    expect(parsed.items).toEqual([
      { chatId: "401", chatTitle: "chat 401", chatType: "private", kind: "before", stage: "before-7", commitmentId: id, title: "Build 100 schools", dueOn: "2026-03-31", notBefore: "2026-03-24T04:00:00.000Z", state: "planned" },
    ]);
  });

  it("a quiet moment lists nothing", async () => {
    const { io, out } = captured("2026-03-20T04:00:00Z");
    expect(await runRemindCommand(["--dry-run", "--json"], io)).toBe(0);
    expect((JSON.parse(out()) as { items: unknown[] }).items).toEqual([]);
  });

  it("without --dry-run: a usage error, exit 2, nothing on stdout", async () => {
    const { io, out, err } = captured();
    expect(await runRemindCommand([], io)).toBe(2);
    expect(out()).toBe("");
    expect(err()).toMatch(/^remind: only --dry-run is supported here.*\nusage: mindet remind --dry-run \[--json\]/);
  });

  it("an unknown flag: a usage error naming it, exit 2", async () => {
    const { io, err } = captured();
    expect(await runRemindCommand(["--dry-run", "--send"], io)).toBe(2);
    expect(err()).toMatch(/^remind: unknown option --send\nusage:/);
  });

  it("--help and -h print the usage on stdout and exit 0, through `mindet remind` too", async () => {
    for (const flag of ["--help", "-h"]) {
      for (const run of [(io: CliIo) => runRemindCommand([flag], io), (io: CliIo) => main(["remind", flag], io)]) {
        const { io, out, err } = captured();
        expect(await run(io)).toBe(0);
        expect(out()).toMatch(/^usage: mindet remind --dry-run \[--json\]/);
        expect(err()).toBe("");
      }
    }
  });
});

// PostgreSQL: the same planning pass inside an interactive transaction that is rolled back.
const pgSkip = pgSkipReason();
describe.skipIf(pgSkip !== null)(`mindet remind on PostgreSQL${pgSkip ? ` (skipped: ${pgSkip})` : ""}`, () => {
  let pg: TestDb;
  let commitmentId: number;
  beforeAll(async () => {
    pg = await createTestDb("postgresql");
    commitmentId = await addCommitment(pg.db, { title: "Build 100 schools", dueOn: "2026-03-31" });
    await addChat(pg.db, 402);
    await addFollow(pg.db, 402, "commitment", "", commitmentId);
  });
  afterAll(async () => {
    await pg.destroy();
  });

  it("--dry-run --json lists what would go out now, as on SQLite, and writes nothing", async () => {
    let out = "";
    let err = "";
    const io: CliIo = {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      env: { DATABASE_URL: pg.url, MINDET_NOW: "2026-03-24T04:00:30Z", LOG_LEVEL: "silent" },
      cwd: process.cwd(),
    };
    expect(await runRemindCommand(["--dry-run", "--json"], io)).toBe(0);
    expect(err).toBe("");
    expect((JSON.parse(out) as { items: unknown[] }).items).toEqual([
      { chatId: "402", chatTitle: "chat 402", chatType: "private", kind: "before", stage: "before-7", commitmentId, title: "Build 100 schools", dueOn: "2026-03-31", notBefore: "2026-03-24T04:00:00.000Z", state: "planned" },
    ]);
    expect(await pg.db.delivery.count()).toBe(0);
  });
});
