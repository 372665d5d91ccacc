/**
 * Candidate search and scoring for new commitments against a large store (issue 9, "Mentions").
 * The store is synthetic but made of the corpora's own sentences: every sentence of the seeds and of
 * ../shared/corpus/news becomes many commitments, each with two of its words swapped for words from
 * a 30,000-word invented vocabulary drawn with a Zipf law (as names and objects are in real news),
 * its numbers changed, a body (or none) and a deadline between 2015 and 2032. Then 3,000 new
 * commitments are matched: a third are restatements of stored ones (words dropped and reordered,
 * the date moved up to a quarter), the rest are new.
 * usage: node --import tsx bench/merging.ts [NEWS_DOCS_DIR]
 * Prints human-readable lines, then ONE JSON line last:
 * {"name":"merging","stored":100000,"queries":3000,"msPerQuery":...,"growth10kTo100k":...,"candidateGrowth10kTo100k":...}
 * Exit code 1 when the candidates scored per new commitment grow as fast as the store.
 * MERGING_BENCH_QUICK=1 runs 3,000 and 10,000 stored instead.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { createCommitmentIndex, type MatchInput } from "../src/merging/index.ts";
import type { Precision } from "../src/extraction/index.ts";

const STORE_SIZES = process.env.MERGING_BENCH_QUICK ? [3_000, 10_000] : [10_000, 30_000, 100_000];
const QUERIES = 3_000;
const VOCABULARY_WORDS = 30_000;
const PRECISIONS: Precision[] = ["day", "month", "quarter", "year", "year", "day"];
const BODIES = [
  "Ministry of Transport", "Ministry of Energy", "Ministry of Justice", "Ministry of Finance", "Ministry of Health",
  "Ministry of Education", "Ministry of Ecology and Natural Resources", "Ministry of Industry", "Ministry of Trade and Integration",
  "Ministry of National Economy", "Ministry of Culture and Information", "Ministry of Agriculture", "Government", "Parliament",
  "Akimats", "Prime Minister", "President", "National Bank", "Digital Headquarters", "Agency for Atomic Energy",
];

/** A small deterministic generator, so runs compare. */
function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = createRandom(9);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

const here = dirname(fileURLToPath(import.meta.url));
const dirs = [join(here, "..", "seeds"), process.argv[2] ?? join(here, "..", "..", "shared", "corpus", "news", "docs")].filter((d) => existsSync(d));
const sentences = dirs
  .flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(d, f), "utf8")))
  .flatMap((t) => t.split(/(?<=[.!?])\s+|\n+/))
  .map((s) => s.trim())
  .filter((s) => s.split(/\s+/).length >= 8 && s.length <= 400);

const syllables = ["ka", "zan", "tor", "bek", "al", "ma", "sar", "ryk", "nur", "ta", "gul", "dos", "tyk", "mir", "qa", "zhan", "ol", "bay"];
const vocabulary = Array.from({ length: VOCABULARY_WORDS }, () => {
  const n = 2 + Math.floor(random() * 3);
  const w = Array.from({ length: n }, () => pick(syllables)).join("");
  return w.charAt(0).toUpperCase() + w.slice(1);
});
/** Zipf-distributed word: a few invented names are everywhere, most are rare. */
function zipfWord(): string {
  const rank = Math.floor(Math.exp(random() * Math.log(VOCABULARY_WORDS)));
  return vocabulary[Math.min(VOCABULARY_WORDS - 1, rank)] as string;
}

function randomDue(): { due: string; precision: Precision } {
  const y = 2015 + Math.floor(random() * 18);
  const precision = pick(PRECISIONS);
  const m = precision === "year" ? 12 : 1 + Math.floor(random() * 12);
  const d = precision === "day" ? 1 + Math.floor(random() * 28) : new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { due: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, precision };
}

function syntheticCommitment(): MatchInput {
  const words = pick(sentences).split(/\s+/);
  for (let k = 0; k < 2; k++) words[Math.floor(random() * words.length)] = zipfWord();
  const quote = words.join(" ").replace(/\d+/g, () => String(Math.floor(random() * 5000)));
  const { due, precision } = randomDue();
  const body = random() < 0.5 ? null : pick(BODIES);
  return { quote, title: words.slice(0, 10).join(" "), body, responsible: body, due, precision, dueText: null, topics: [], published: null };
}

/** Another outlet's report: a few words dropped, a clause moved, the date moved by up to a quarter. */
function restate(c: MatchInput): MatchInput {
  const words = c.quote.split(/\s+/).filter(() => random() > 0.15);
  const cut = Math.floor(words.length / 2);
  const quote = [...words.slice(cut), ...words.slice(0, cut)].join(" ");
  const shifted = c.due ? new Date(Date.parse(c.due) + Math.floor(random() * 90) * 86_400_000).toISOString().slice(0, 10) : null;
  return { ...c, quote, title: words.slice(0, 10).join(" "), due: shifted, body: random() < 0.5 ? c.body : null };
}

const index = createCommitmentIndex();
const stored: MatchInput[] = [];
const rows: { stored: number; msPerQuery: number; searchMsPerQuery: number; candidatesPerQuery: number; restatementsFound: number }[] = [];
let addMs = 0;
for (const size of STORE_SIZES) {
  const t0 = performance.now();
  while (stored.length < size) {
    const c = syntheticCommitment();
    index.add(`s${stored.length}`, c);
    stored.push(c);
  }
  addMs += performance.now() - t0;
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    if (i % 3 !== 0) return { c: syntheticCommitment(), of: null };
    const of = Math.floor(random() * stored.length);
    return { c: restate(stored[of] as MatchInput), of: `s${of}` };
  });
  let found = 0;
  const t1 = performance.now();
  for (const q of queries) {
    const matches = index.findMatches(q.c);
    if (q.of && matches.some((m) => m.id === q.of)) found++;
  }
  const ms = performance.now() - t1;
  const t2 = performance.now();
  const candidates = queries.reduce((n, q) => n + index.candidates(q.c).length, 0);
  const searchMs = performance.now() - t2;
  const restatements = queries.filter((q) => q.of).length;
  rows.push({ stored: size, msPerQuery: ms / QUERIES, searchMsPerQuery: searchMs / QUERIES, candidatesPerQuery: candidates / QUERIES, restatementsFound: found / restatements });
  console.log(`stored ${size}: ${(ms / QUERIES).toFixed(2)} ms per new commitment (${(searchMs / QUERIES).toFixed(2)} of it candidate search), ${(candidates / QUERIES).toFixed(1)} candidates each, restatements found (same or ask) ${((100 * found) / restatements).toFixed(1)}%`);
}
const first = rows[0] as (typeof rows)[number];
const last = rows.at(-1) as (typeof rows)[number];
const growth = last.msPerQuery / first.msPerQuery;
const storeGrowth = last.stored / first.stored;
// The work done per new commitment (candidates scored) decides the verdict: times on a shared
// machine swing with its load, the count does not.
const workGrowth = last.candidatesPerQuery / first.candidatesPerQuery;
console.log(`per new commitment, time grew ${growth.toFixed(2)}x and candidates scored ${workGrowth.toFixed(2)}x while the store grew ${storeGrowth.toFixed(1)}x (sub-linear: ${workGrowth < storeGrowth})`);
console.log(`adding ${last.stored} commitments: ${(addMs / 1000).toFixed(1)} s; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
console.log(
  JSON.stringify({
    name: "merging",
    stored: last.stored,
    queries: QUERIES,
    msPerQuery: Number(last.msPerQuery.toFixed(3)),
    msPerQueryAt10k: Number(first.msPerQuery.toFixed(3)),
    searchMsPerQuery: Number(last.searchMsPerQuery.toFixed(3)),
    growth10kTo100k: Number(growth.toFixed(2)),
    candidateGrowth10kTo100k: Number(workGrowth.toFixed(2)),
    candidatesPerQuery: Number(last.candidatesPerQuery.toFixed(1)),
    restatementsFound: Number(last.restatementsFound.toFixed(3)),
    addMsPerCommitment: Number((addMs / last.stored).toFixed(3)),
    rssMb: Math.round(process.memoryUsage().rss / 1048576),
  }),
);
process.exitCode = workGrowth < storeGrowth ? 0 : 1;
