import { describeCorpus } from "../support/corpus.ts";

/**
 * Measured blind when the corpus was written (8 documents, 38 commitments, 30 negatives):
 * F1 0.903 (precision 0.872, recall 0.938). Floor: measured F1 - 0.05, rounded down to 0.05.
 * After issue 7 (not tuned on this corpus): F1 1.000; its four remaining false positives were
 * scheduled meetings, which are no longer commitments. Floor raised to 0.95.
 */
const F1_FLOOR = 0.95;

describeCorpus("second blind extraction corpus", "test/extraction-blind2", F1_FLOOR);
