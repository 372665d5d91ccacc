import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STARTER_SOURCES } from "../../src/sources/starter-list.ts";
import { runMain } from "../cli/run-cli.ts";
import { startFixtureServer, type FixtureServer } from "./fixture-server.ts";
import { articlePage, ROADS_ARTICLE, rss2 } from "./fixtures.ts";

let dir: string;
let env: NodeJS.ProcessEnv;
let server: FixtureServer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "mindet-sources-cli-"));
  env = { DATABASE_URL: `file:${path.join(dir, "m.db")}`, MINDET_NOW: "2026-11-20T11:00:00+05:00", SOURCES_ALLOW_PRIVATE: "true", SOURCES_HOST_GAP_MS: "0" };
  server = await startFixtureServer();
  server.serve("/en/news/roads", articlePage(ROADS_ARTICLE), "text/html");
  server.serve("/rss.xml", rss2("Government news", [{ title: "Roads", link: `${server.base}/en/news/roads` }]), "application/rss+xml", { etag: '"1"' });
  server.serve("/broken.xml", "<rss><channel>", "application/xml");
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[], extra: NodeJS.ProcessEnv = {}) => runMain(["sources", ...args], dir, { ...env, ...extra });

describe("mindet sources", () => {
  it("adds, polls once, lists health, shows the page URL in list --json, and removes", async () => {
    expect(await run(["list"])).toMatchObject({ code: 0, stdout: expect.stringContaining("No sources yet") });
    const added = await run(["add", `${server.base}/rss.xml`, "--every", "15"]);
    expect(added).toMatchObject({ code: 0, stderr: "" });
    expect(added.stdout).toContain(`added #1 ${server.base}/rss.xml`);
    expect((await run(["add", `${server.base}/rss.xml`])).stdout).toContain("is already source #1");
    await run(["add", `${server.base}/broken.xml`]);

    const polled = await run(["poll", "--once"]);
    expect(polled.code).toBe(1);
    expect(polled.stdout).toMatch(new RegExp(`#1 ${server.base}/rss.xml: 1 new item\\(s\\), \\d+ commitment\\(s\\)`));
    expect(polled.stdout).toContain(`#2 ${server.base}/broken.xml: error: malformed XML at line 1:`);
    expect(polled.stdout).toMatch(/2 source\(s\) polled in [\d.]+ s: 1 ok, 0 not modified, 1 failed; 1 new item\(s\)/);

    const again = await run(["poll", "--once"]);
    expect(again.stdout).toContain(`#1 ${server.base}/rss.xml: not modified`);

    const table = await run(["list"]);
    expect(table.stdout).toMatch(/ID +URL +LAST POLL +NEXT POLL +ITEMS +FOUND +LAST ERROR/);
    expect(table.stdout).toMatch(/2026-11-20 06:00Z/);
    const json = JSON.parse((await run(["list", "--json"])).stdout) as Array<Record<string, unknown>>;
    expect(json[0]).toMatchObject({ id: 1, url: `${server.base}/rss.xml`, kind: "rss", everyMinutes: 15, lastStatus: "not-modified", itemsSeen: 1, failures: 0, lastError: null });
    expect(json[0]!.commitmentsFound).toBeGreaterThan(0);
    expect(json[1]).toMatchObject({ id: 2, lastStatus: "error", failures: 2, lastError: expect.stringMatching(/^malformed XML/) });

    const list = JSON.parse((await runMain(["list", "--json"], dir, env)).stdout) as Array<{ url: string | null; file: string }>;
    expect(list.length).toBeGreaterThan(0);
    for (const c of list) expect(c.url).toBe(`${server.base}/en/news/roads`);

    expect(await run(["remove", "2"])).toMatchObject({ code: 0, stdout: "removed source #2; its documents and commitments stay\n" });
    expect(await run(["remove", "2"])).toMatchObject({ code: 1, stderr: "mindet: no source #2 (see `mindet sources list`)\n" });
  });

  it("adds the starter list with one command, once", async () => {
    const first = await run(["add", "--starter"]);
    expect(first.code).toBe(0);
    for (const s of STARTER_SOURCES) expect(first.stdout).toContain(s.url);
    expect((await run(["add", "--starter"])).stdout.match(/already there/g)).toHaveLength(STARTER_SOURCES.length);
  });

  it("gives bad input one line and the right exit code", async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [["add"], 2, /^mindet: sources add: missing URL \(or --starter\)\n/],
      [["add", "ftp://x.kz/rss"], 2, /^mindet: only http and https URLs can be sources, not ftp:\n$/],
      [["add", "https://gov.kz/rss", "--every", "2"], 2, /^mindet: the interval must be a whole number of minutes from 5 to 10080\n$/],
      [["add", "https://gov.kz/rss", "--every", "soon"], 2, /^mindet: sources add: --every must be a whole number of minutes/],
      [["add", "https://gov.kz/news", "--links", "(["], 2, /^mindet: "\(\[" is not a regular expression/],
      [["add", "https://gov.kz/rss", "--frequency", "5"], 2, /^mindet: sources add: unknown option "--frequency"/],
      [["remove", "abc"], 2, /^mindet: sources remove: give one source id/],
      [["frobnicate"], 2, /^mindet: sources: unknown subcommand "frobnicate"/],
      [["poll", "now"], 2, /^mindet: sources poll: unexpected argument "now"/],
    ];
    for (const [args, code, stderr] of cases) {
      const result = await run(args);
      expect({ args, code: result.code }).toEqual({ args, code });
      expect(result.stderr).toMatch(stderr);
    }
    const refused = await run(["add", `${server.base}/rss.xml`], { SOURCES_ALLOW_PRIVATE: "" });
    expect(refused).toMatchObject({ code: 2, stderr: `mindet: ${server.host} is a private, loopback or link-local address (set SOURCES_ALLOW_PRIVATE=true to allow)\n` });
    expect(await run(["list"], { SOURCES_ALLOW_PRIVATE: "maybe" })).toMatchObject({ code: 0 });
    expect(await run(["poll", "--once"], { SOURCES_ALLOW_PRIVATE: "maybe" })).toMatchObject({ code: 2, stderr: 'mindet: SOURCES_ALLOW_PRIVATE: "maybe" is not true or false\n' });
  });
});
