#!/usr/bin/env node
// Entry point of the `mindet` command. `npm install` compiles src/ to dist/ (npm run build), and a
// cold start then loads plain JavaScript. When a source file is newer than the build (a developer
// edited src/ and did not rebuild), the TypeScript sources run through tsx's loader instead, so an
// edit is never silently ignored.
import { readdirSync, statSync } from "node:fs";

const root = new URL("../", import.meta.url);

/** Newest modification time of the files below `dir`, in ms (0 when it does not exist). */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const mtime = statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(new URL("dist/.built", root)).mtimeMs;
  } catch {
    return 0;
  }
}

const built = builtAt();
let cli;
if (built > 0 && built >= newestMtime(new URL("src", root).pathname)) {
  cli = await import("../dist/cli.js");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("../src/cli.ts");
}
process.exitCode = await cli.main(process.argv.slice(2));
