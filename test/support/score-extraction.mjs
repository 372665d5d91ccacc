#!/usr/bin/env node
// Copy of ../shared/tools/score-extraction.mjs, used only when ../shared is absent (test/support/shared-paths.ts).
// Scores extracted commitments against a reference file.
// usage: node score-extraction.mjs GOLD.json PREDICTIONS.json [--min-f1 0.9] [--quiet]
// PREDICTIONS.json: the array printed by `extract --json` (file, quote, due, precision, ...).
// An undated reference item (due null) matches any undated prediction, whatever its precision.
import { readFileSync } from "node:fs";
import { basename } from "node:path";

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args.splice(i, 2)[1];
};
const minF1 = Number(flag("--min-f1") ?? "0");
const quiet = args.includes("--quiet") ? (args.splice(args.indexOf("--quiet"), 1), true) : false;
if (args.length !== 2) {
  console.error("usage: score-extraction.mjs GOLD.json PREDICTIONS.json [--min-f1 X] [--quiet]");
  process.exit(2);
}
const gold = JSON.parse(readFileSync(args[0], "utf8"));
let preds = JSON.parse(readFileSync(args[1], "utf8"));
if (!Array.isArray(preds)) preds = preds.commitments ?? [];

// Cyrillic letters that look like Latin ones, as found in real copy-pasted news text.
const LOOKALIKE = { "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y", "\u0445": "x", "\u0410": "A", "\u0415": "E", "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u041d": "H", "\u041a": "K", "\u041c": "M", "\u0412": "B" };
const norm = (s) =>
  String(s ?? "")
    .normalize("NFKC")
    .replace(/[\u0400-\u04ff]/g, (ch) => LOOKALIKE[ch] ?? ch)
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

const overlaps = (predQuote, goldQuote) => {
  const p = norm(predQuote), g = norm(goldQuote);
  if (!p || !g) return false;
  return p.includes(g) || (p.length >= 20 && g.includes(p));
};
const sameFile = (a, b) => basename(String(a ?? "")) === basename(String(b ?? ""));

const items = gold.commitments.map((g, i) => ({ ...g, key: i, hit: null }));
const negatives = gold.negatives ?? [];
const rows = [];
let tp = 0, wrongDate = 0, dup = 0, neg = 0, stray = 0;

for (const p of preds) {
  const cands = items.filter((g) => sameFile(p.file, g.file) && overlaps(p.quote, g.quote_contains));
  if (cands.length === 0) {
    const isNeg = negatives.some((n) => sameFile(p.file, n.file) && overlaps(p.quote, n.quote_contains));
    if (isNeg) neg++; else stray++;
    rows.push([isNeg ? "NEGATIVE" : "STRAY", p.file, p.due, p.precision, String(p.quote).slice(0, 90)]);
    continue;
  }
  const right = cands.find((g) => (g.due ?? null) === (p.due ?? null) && (g.due == null || g.precision === p.precision));
  if (!right) {
    wrongDate++;
    const g = cands[0];
    rows.push(["WRONG-DUE", p.file, `${p.due}/${p.precision} want ${g.due}/${g.precision}`, "", String(p.quote).slice(0, 90)]);
    continue;
  }
  if (right.hit) {
    dup++;
    rows.push(["DUPLICATE", p.file, p.due, p.precision, String(p.quote).slice(0, 90)]);
    continue;
  }
  right.hit = p;
  tp++;
}

const required = items.filter((g) => g.required);
const foundRequired = required.filter((g) => g.hit);
for (const g of required.filter((g) => !g.hit)) rows.push(["MISSED", g.file, g.due, g.precision, g.quote_contains.slice(0, 90)]);

const precision = preds.length ? tp / preds.length : 0;
const recall = required.length ? foundRequired.length / required.length : 1;
const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;

if (!quiet) for (const r of rows) console.log(r.join(" | "));
console.log(
  `predictions ${preds.length}, correct ${tp}, wrong due ${wrongDate}, duplicates ${dup}, negatives reported ${neg}, stray ${stray}, required found ${foundRequired.length}/${required.length}`,
);
console.log(`F1 ${f1.toFixed(3)} precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}`);
process.exit(f1 + 1e-9 >= minF1 ? 0 : 1);
