-- Sources are keyed by their path, not their base name: a/x.txt and b/x.txt are two sources.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "path" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "title" TEXT,
    "publishedOn" TEXT,
    "content" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
-- Edited after prisma migrate diff: existing sources keep their name as their path (their
-- directory was never stored); the next ingest of a file of that name adopts the row.
INSERT INTO "new_Source" ("content", "contentHash", "createdAt", "file", "id", "path", "publishedOn", "title", "updatedAt") SELECT "content", "contentHash", "createdAt", "file", "id", "file", "publishedOn", "title", "updatedAt" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE UNIQUE INDEX "Source_path_key" ON "Source"("path");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

