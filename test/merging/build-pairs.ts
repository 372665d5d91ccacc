/**
 * Builds test/merging/pairs.json from real text: the commitments the extractor finds in the seeds and
 * in ../shared/corpus/news, the written reports in restatements.ts (run through the same extractor),
 * and the pairs labelled in base-pairs.ts. The output is committed; run this again only after
 * changing those inputs:  node --import tsx test/merging/build-pairs.ts [NEWS_DOCS_DIR]
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractDocument, type ExtractedCommitment } from "../../src/extraction/index.ts";
import { WRITTEN_REPORTS } from "./restatements.ts";
import { BASE_PAIRS, DIGITAL_QAZAQSTAN_002, sampleBaseNegatives } from "./base-pairs.ts";
import type { PairSet, PairCommitment, LabelledPair } from "./pair-set.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const newsDir = process.argv[2] ?? join(root, "..", "shared", "corpus", "news", "docs");

function toPairCommitment(c: ExtractedCommitment, file: string): PairCommitment {
  const { title, quote, body, responsible, due, precision, dueText, topics, published } = c;
  return { file, title, quote, body, responsible, due, precision, dueText, topics, published };
}

function extractDir(dir: string): PairCommitment[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((f) => extractDocument(readFileSync(join(dir, f), "utf8")).commitments.map((c) => toPairCommitment(c, f)));
}

/** Development or held-out, by source file: every pair about one document lands in one part. */
function partOf(file: string): LabelledPair["part"] {
  const h = createHash("sha256").update(file).digest()[0] ?? 0;
  return h % 5 < 3 ? "dev" : "held-out";
}

const base = [...extractDir(join(root, "seeds")), ...extractDir(newsDir)];
const commitments: Record<string, PairCommitment> = {};
base.forEach((c, i) => (commitments[`base-${i}`] = c));
commitments["seed-002-digital-qazaqstan"] = DIGITAL_QAZAQSTAN_002;

function findBase(piece: string): string {
  const hits = Object.keys(commitments).filter((id) => id.startsWith("base-") && commitments[id]?.quote.includes(piece));
  if (hits.length === 0) throw new Error(`no extracted commitment quotes "${piece}"`);
  return hits[0] as string;
}

const pairs: LabelledPair[] = [];
const missed: string[] = [];
WRITTEN_REPORTS.forEach((r, i) => {
  const found = extractDocument(` date ${r.published} ${r.text}`).commitments[0];
  if (!found) {
    missed.push(r.text);
    return;
  }
  const id = `written-${i}`;
  commitments[id] = toPairCommitment(found, "written");
  const of = findBase(r.of);
  pairs.push({ a: of, b: id, label: r.label, part: partOf(commitments[of]?.file ?? ""), reason: r.reason });
});
for (const p of BASE_PAIRS) {
  const a = p.a === DIGITAL_QAZAQSTAN_002.quote ? "seed-002-digital-qazaqstan" : findBase(p.a);
  const b = findBase(p.b);
  pairs.push({ a, b, label: p.label, part: partOf(commitments[b]?.file ?? ""), reason: p.reason });
}
const labelled = new Set(pairs.map((p) => [p.a, p.b].sort().join("|")));
for (const p of sampleBaseNegatives(commitments, labelled)) pairs.push({ ...p, part: partOf(commitments[p.b]?.file ?? "") });

const set: PairSet = {
  about:
    "Pairs of commitments as the extractor emits them, labelled same (one commitment, two reports) or different, each with its reason. " +
    "Built by test/merging/build-pairs.ts from the seeds, ../shared/corpus/news and the written reports in restatements.ts. " +
    "Thresholds are chosen on part=dev only; part=held-out is the honest figure.",
  commitments,
  pairs,
};
writeFileSync(join(here, "pairs.json"), `${JSON.stringify(set, null, 1)}\n`);
const count = (f: (p: LabelledPair) => boolean): number => pairs.filter(f).length;
print(`${pairs.length} pairs, ${count((p) => p.label === "same")} same; dev ${count((p) => p.part === "dev")}, held-out ${count((p) => p.part === "held-out")}`);
if (missed.length > 0) print(`not extracted (left out):\n  ${missed.join("\n  ")}`);

/** These scripts talk to a person on stdout (the lint rule on console is for the library). */
function print(line: string): void {
  process.stdout.write(`${line}\n`);
}
