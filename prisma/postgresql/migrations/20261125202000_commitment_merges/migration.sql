-- Issue 9: a record of each /merge (and "Same" answer), so /split can undo it. New table only.
-- CreateTable
CREATE TABLE "CommitmentMerge" (
    "id" SERIAL NOT NULL,
    "keptId" INTEGER NOT NULL,
    "mergedId" INTEGER NOT NULL,
    "via" TEXT NOT NULL,
    "byUserId" BIGINT,
    "byName" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "mentions" INTEGER NOT NULL,
    "undo" TEXT NOT NULL,
    "splitAt" TIMESTAMP(3),
    "splitByName" TEXT,

    CONSTRAINT "CommitmentMerge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommitmentMerge_keptId_idx" ON "CommitmentMerge"("keptId");

-- CreateIndex
CREATE INDEX "CommitmentMerge_mergedId_idx" ON "CommitmentMerge"("mergedId");

-- AddForeignKey
ALTER TABLE "CommitmentMerge" ADD CONSTRAINT "CommitmentMerge_keptId_fkey" FOREIGN KEY ("keptId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentMerge" ADD CONSTRAINT "CommitmentMerge_mergedId_fkey" FOREIGN KEY ("mergedId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

