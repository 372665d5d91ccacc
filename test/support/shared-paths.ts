import { existsSync } from "node:fs";
import path from "node:path";

/** The repository's root (this file is test/support/shared-paths.ts). */
export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * The team's shared folder, beside the repository's root (`../shared`) as on every developer
 * machine and in CI. Tests must not assume an absolute path: CI clones the repo elsewhere.
 */
export const SHARED_DIR = path.resolve(REPO_ROOT, "../shared");

/**
 * The shared extraction scorer. A copy is kept in test/support so the corpus tests still run
 * (and can still fail) on a checkout without ../shared; the shared one wins when present.
 */
export const SCORER = existsSync(path.join(SHARED_DIR, "tools/score-extraction.mjs"))
  ? path.join(SHARED_DIR, "tools/score-extraction.mjs")
  : path.join(REPO_ROOT, "test/support/score-extraction.mjs");

/** The reference extraction of the seeds: the shared one, or the copy beside the seed tests. */
export const SEEDS_GOLD = existsSync(path.join(SHARED_DIR, "spec/seeds.gold.json"))
  ? path.join(SHARED_DIR, "spec/seeds.gold.json")
  : path.join(REPO_ROOT, "test/extraction/fixtures/seeds.gold.json");
