#!/usr/bin/env node
// Entry point of the `mindet` command: runs the TypeScript sources through tsx's loader, so a
// checkout needs no build step (`npm install` then `npm start`).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli.ts");
process.exitCode = await main(process.argv.slice(2));
