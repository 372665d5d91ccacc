/** The labelled pair set (pairs.json) and its loader. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MatchInput } from "../../src/merging/index.ts";

export type PairCommitment = MatchInput & { file: string };

export interface LabelledPair {
  a: string;
  b: string;
  label: "same" | "different";
  part: "dev" | "held-out";
  reason: string;
}

export interface PairSet {
  about: string;
  commitments: Record<string, PairCommitment>;
  pairs: LabelledPair[];
}

export function loadPairSet(): PairSet {
  const file = join(dirname(fileURLToPath(import.meta.url)), "pairs.json");
  return JSON.parse(readFileSync(file, "utf8")) as PairSet;
}
