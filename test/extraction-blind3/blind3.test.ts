// Blind score (measured before reading src/extraction/): F1 0.931 precision 0.929 recall 0.933
// (predictions 42, correct 39, wrong due 1, negatives reported 1, stray 1, required found 28/30)
import { describeCorpus } from "../support/corpus.ts";

/**
 * Measured blind when the corpus was written (6 documents, 44 commitments of which 30 required, 32 negatives):
 * F1 0.931 (precision 0.929, recall 0.933). Floor: measured F1 - 0.05, rounded down to 0.05, was 0.85.
 * After the fixes in test/extraction/blind3-fixes.test.ts: F1 0.976 (precision 0.953, recall 1.000);
 * floor raised to 0.94 (no higher than that F1 - 0.03).
 */
const F1_FLOOR = 0.94;

describeCorpus("third blind extraction corpus", "test/extraction-blind3", F1_FLOOR);
