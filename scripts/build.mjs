// `npm run build` (and `npm install`, through postinstall): compiles src/ to dist/, then writes
// dist/.built, whose time bin/mindet.mjs compares with src/ to know whether the build is current.
// The stamp is written even when tsc's incremental build had nothing to do. Files the code reads
// at run time (the Fluent messages) are copied beside the compiled code.
import { spawnSync } from "node:child_process";
import { cpSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
if (run.status !== 0) process.exit(run.status ?? 1);
// What the code reads at run time beside itself: the Fluent messages.
cpSync(new URL("../src/bot/locales", import.meta.url), new URL("../dist/bot/locales", import.meta.url), { recursive: true });
writeFileSync(new URL("../dist/.built", import.meta.url), `${new Date().toISOString()}\n`);
