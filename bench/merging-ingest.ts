/**
 * Ingest with merging (issue 9): about 1,000 documents in which every dated commitment is restated
 * three times, through ingestDirectory and the real extractor, once without matching and once with
 * it (fresh databases both times), timed; then how many commitments are left against the distinct
 * ones. The originals are the seeds and ../shared/corpus/news, each in copies whose years are moved
 * by 3, 6, 9... (other commitments: three years is beyond any restatement's move); each dated
 * commitment gets three one-sentence reports in the style of test/merging/restatements.ts, each
 * published later: another outlet's verbs ("finish" for "complete", "draft" for "develop"), the
 * deadline phrase put first, and the date moved by a quarter. Originals sort before reports.
 * "distinct" = commitments left after the originals alone (with merging, so a sentence repeated in
 * two articles counts once); every report beyond them that is left is a restatement not recognised.
 * usage: node --import tsx bench/merging-ingest.ts [DOCUMENTS]
 * Last line: one JSON object. Exit 1 when merging costs more than 1.5 times the CPU time without it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addDays } from "../src/calendar.ts";
import { defaultExtract } from "../src/commitments/extractor.ts";
import { ingestDirectory, type IngestDirectoryReport } from "../src/commitments/ingest-directory.ts";
import { openDatabase } from "../src/db/client.ts";
import { extractDocument, type ExtractedCommitment } from "../src/extraction/index.ts";

const TARGET = Number(process.argv[2] ?? 1000);
const NOW = new Date("2026-03-01T04:00:00Z");
const MAX_RATIO = 1.5;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const dirs = [path.resolve("seeds"), path.resolve("..", "shared", "corpus", "news", "docs")].filter((d) => existsSync(d));
const originals = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(path.join(d, f), "utf8")));

const shiftYears = (text: string, by: number): string => (by === 0 ? text : text.replace(/\b(19|20)(\d\d)\b/g, (_, c: string, y: string) => String(Number(c + y) + by)));
const written = (date: string): string => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
const sentenceCase = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Another outlet's verbs for the same duty (the swaps restatements.ts writes by hand). */
function otherVerbs(quote: string): string {
  return quote
    .replace(/\bcomplete\b/g, "finish").replace(/\bdevelop\b/g, "draft").replace(/\bconstruct\b/g, "build")
    .replace(/\bensure\b/g, "make sure").replace(/\bwill be\b/g, "is to be").replace(/\bmust\b/g, "has to");
}

/** Three reports of `c`, each a later one-article document, or fewer when its quote cannot carry the change. */
function restatements(c: ExtractedCommitment, copy: number): string[] {
  const quote = c.quote.replace(/^[•\-\s]+/, "").replace(/\s+/g, " ").trim().replace(/[.;:]?$/, ".");
  const published = c.published ?? "2025-12-01";
  const header = (i: number, title: string) => `${title}\nAstana, ${written(addDays(published, 10 * (i + 1)))}\n`;
  const topic = quote.split(" ").slice(0, 6).join(" ");
  const out = [`${header(0, `Reported again: ${topic}`)}${otherVerbs(quote).replace(/\.$/, ", officials said.")}\n`];
  const phrase = c.dueText && quote.includes(c.dueText) ? c.dueText : null;
  const front = phrase ? `${sentenceCase(phrase)}, ${quote.replace(phrase, "").replace(/\s+([,.])/g, "$1").replace(/\s+/g, " ").trim()}` : otherVerbs(quote);
  out.push(`${header(1, `In brief (${copy})`)}${front.charAt(0).toUpperCase()}${front.slice(1)}\n`);
  if (phrase && c.due) {
    const moved = addDays(c.due, 91);
    out.push(`${header(2, `Deadline update: ${topic}`)}${quote.replace(phrase, `by ${written(moved)}`)}\n`);
  } else out.push(`${header(2, `Update: ${topic}`)}According to the plan, ${quote.charAt(0).toLowerCase()}${quote.slice(1)}\n`);
  return out;
}

if (originals.length === 0) {
  console.log("merging-ingest: no documents in seeds/ or ../shared/corpus/news/docs (run from the project directory)");
  process.exit(1);
}

const work = mkdtempSync(path.join(tmpdir(), "mindet-bench-merging-ingest-"));
try {
  const docs = path.join(work, "docs");
  mkdirSync(docs);
  const originalFiles: string[] = [];
  const reportFiles: string[] = [];
  let restatedCommitments = 0;
  for (let copy = 0; originalFiles.length + reportFiles.length < TARGET; copy++) {
    for (const [i, base] of originals.entries()) {
      if (originalFiles.length + reportFiles.length >= TARGET) break;
      const text = `${shiftYears(base, 3 * copy)}\n`;
      const name = `a-${String(copy).padStart(2, "0")}-${String(i).padStart(3, "0")}.txt`;
      writeFileSync(path.join(docs, name), text);
      originalFiles.push(name);
      for (const [k, c] of extractDocument(text, {}).commitments.entries()) {
        if (c.due === null) continue;
        restatedCommitments++;
        for (const [j, report] of restatements(c, copy).entries()) {
          const file = `b-${String(copy).padStart(2, "0")}-${String(i).padStart(3, "0")}-${k}-${j}.txt`;
          writeFileSync(path.join(docs, file), report);
          reportFiles.push(file);
        }
      }
    }
  }
  const documents = originalFiles.length + reportFiles.length;

  // CPU time as well as wall time: ingest runs on this one thread (better-sqlite3 is synchronous),
  // so its CPU seconds barely move when other processes load the machine; wall time does.
  async function run(matching: boolean): Promise<{ seconds: number; cpuSeconds: number; report: IngestDirectoryReport; left: number; questions: number; dueChanges: number }> {
    const db = await openDatabase(`file:${path.join(work, `${matching ? "with" : "without"}.db`)}`);
    try {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const report = await ingestDirectory(db, docs, { now: NOW, extract: defaultExtract, matching });
      const cpu = process.cpuUsage(cpu0);
      const seconds = (performance.now() - t0) / 1000;
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const [left, questions, dueChanges] = await Promise.all([db.commitment.count({ where: { withdrawnAt: null } }), db.matchQuestion.count(), db.dueChange.count()]);
      return { seconds, cpuSeconds, report, left, questions, dueChanges };
    } finally {
      await db.$disconnect();
    }
  }

  const without = await run(false);
  const withMerging = await run(true);
  const isOriginal = (p: string) => path.basename(p).startsWith("a-");
  const distinct = withMerging.report.results.filter((r) => isOriginal(r.path)).reduce((n, r) => n + r.added, 0);
  const reported = withMerging.report.results.filter((r) => !isOriginal(r.path));
  const reportsRead = reported.reduce((n, r) => n + r.added + r.matched, 0);
  const merged = reported.reduce((n, r) => n + r.matched, 0);
  const ratio = withMerging.seconds / without.seconds;
  const cpuRatio = withMerging.cpuSeconds / without.cpuSeconds;
  const failures = without.report.failures.length + withMerging.report.failures.length;

  console.log(`documents: ${documents} (${originalFiles.length} originals, ${reportFiles.length} reports of ${restatedCommitments} dated commitments)`);
  console.log(`without matching: ${without.seconds.toFixed(2)} s (CPU ${without.cpuSeconds.toFixed(2)} s), ${without.left} commitments`);
  console.log(`with matching:    ${withMerging.seconds.toFixed(2)} s (${ratio.toFixed(2)}x; CPU ${withMerging.cpuSeconds.toFixed(2)} s, ${cpuRatio.toFixed(2)}x), ${withMerging.left} commitments left, distinct ${distinct}`);
  console.log(`reports extracted: ${reportsRead} of ${reportFiles.length}; added as mentions: ${merged}; asked: ${withMerging.questions}; due changes: ${withMerging.dueChanges}`);
  if (failures > 0) console.log(`FAILURES: ${failures}`);
  console.log(
    JSON.stringify({
      name: "merging-ingest",
      documents,
      originals: originalFiles.length,
      reports: reportFiles.length,
      reportsExtracted: reportsRead,
      secondsWithout: Number(without.seconds.toFixed(3)),
      secondsWith: Number(withMerging.seconds.toFixed(3)),
      ratio: Number(ratio.toFixed(3)),
      cpuSecondsWithout: Number(without.cpuSeconds.toFixed(3)),
      cpuSecondsWith: Number(withMerging.cpuSeconds.toFixed(3)),
      cpuRatio: Number(cpuRatio.toFixed(3)),
      commitmentsWithout: without.left,
      commitmentsLeft: withMerging.left,
      distinct,
      mentionsAdded: merged,
      questions: withMerging.questions,
      dueChanges: withMerging.dueChanges,
      failures,
    }),
  );
  // Judged on CPU time: the wall-time ratio on a loaded machine says more about the neighbours.
  process.exitCode = failures > 0 || cpuRatio > MAX_RATIO ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
