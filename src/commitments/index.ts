// The store's public surface: one operation per file, re-exported here for convenience.
export { ingestSource, type IngestSourceInput, type IngestResult } from "./ingest-source.ts";
export { ingestDirectory, type IngestDirectoryOptions, type IngestDirectoryReport, type IngestFailure } from "./ingest-directory.ts";
export { listCommitments, commitmentWhere, MAX_PAGE_SIZE, type ListCommitmentsQuery, type CommitmentPage } from "./list-commitments.ts";
export { getCommitment, type CommitmentDetail } from "./get-commitment.ts";
export { searchCommitments, searchWords, escapeLike, MAX_SEARCH_CHARS, MAX_SEARCH_WORDS, type SearchResult, type SearchOptions } from "./search-commitments.ts";
export {
  changeStatus,
  isHttpUrl,
  MAX_NOTE_CHARS,
  type StatusAction,
  type ChangeStatusInput,
  type ChangeStatusResult,
  type ChangeStatusError,
  type ChangeStatusErrorCode,
} from "./change-status.ts";
export { getStats, type CommitmentStats } from "./get-stats.ts";
export {
  viewCommitment,
  displayStatus,
  daysLeft,
  describeDaysLeft,
  formatDue,
  dueLabel,
  type CommitmentView,
  type ViewableCommitment,
} from "./commitment-view.ts";
export { encodeTopics, decodeTopics, topicPattern } from "./topics.ts";
export * from "./statuses.ts";
export { commitmentKey, contentHash, quoteSimilarity } from "./commitment-key.ts";
export { readDocument, listDocumentFiles, decodeDocument, DocumentError, MAX_DOCUMENT_BYTES, type DocumentText } from "./read-document.ts";
export { defaultExtract, extractInWorker, ExtractionTimeoutError, ExtractionWorkerError, type ExtractFn } from "./extractor.ts";
