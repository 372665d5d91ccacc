import type { Db } from "../db/client.ts";

const IDS_PER_QUERY = 900;

/** The page URL each stored document (Source id) was read from, for documents that came from a live source. */
export async function documentUrls(db: Db, documentIds: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(documentIds)];
  const urls = new Map<number, string>();
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
    const rows = await db.feedItem.findMany({
      where: { documentId: { in: unique.slice(start, start + IDS_PER_QUERY) } },
      select: { documentId: true, link: true },
      orderBy: { id: "asc" },
    });
    // The first link a document was read from is its address (a copy elsewhere is the same text).
    for (const row of rows) if (row.documentId !== null && !urls.has(row.documentId)) urls.set(row.documentId, row.link);
  }
  return urls;
}
