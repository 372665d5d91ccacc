-- Issue 9: a record of each /merge (and "Same" answer), so /split can undo it. New table only.
-- CreateTable
CREATE TABLE "CommitmentMerge" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "keptId" INTEGER NOT NULL,
    "mergedId" INTEGER NOT NULL,
    "via" TEXT NOT NULL,
    "byUserId" BIGINT,
    "byName" TEXT,
    "at" DATETIME NOT NULL,
    "mentions" INTEGER NOT NULL,
    "undo" TEXT NOT NULL,
    "splitAt" DATETIME,
    "splitByName" TEXT,
    CONSTRAINT "CommitmentMerge_keptId_fkey" FOREIGN KEY ("keptId") REFERENCES "Commitment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommitmentMerge_mergedId_fkey" FOREIGN KEY ("mergedId") REFERENCES "Commitment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CommitmentMerge_keptId_idx" ON "CommitmentMerge"("keptId");

-- CreateIndex
CREATE INDEX "CommitmentMerge_mergedId_idx" ON "CommitmentMerge"("mergedId");
