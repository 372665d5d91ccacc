import { extractDocument } from "../extraction/index.ts";
import type { ExtractionResult } from "../extraction/types.ts";

/** Text -> commitments. The store takes it as a parameter so tests can inject failures. */
export type ExtractFn = (text: string) => ExtractionResult;

/** The real extractor (src/extraction); the document supplies its own reference dates. */
export const defaultExtract: ExtractFn = (text) => extractDocument(text, {});

/**
 * The real extractor. Kept async (it used to be loaded lazily while src/extraction was being
 * written) so callers need not change.
 */
export async function loadDefaultExtractor(): Promise<ExtractFn> {
  return defaultExtract;
}
