// `npm run build` (and `npm install`, through postinstall): compiles src/ to dist/, then writes
// dist/.built, whose time bin/mindet.mjs compares with src/ to know whether the build is current.
// The stamp is written even when tsc's incremental build had nothing to do.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
if (run.status !== 0) process.exit(run.status ?? 1);
writeFileSync(new URL("../dist/.built", import.meta.url), `${new Date().toISOString()}\n`);
