-- Issue 9: mentions, deadline drift and match questions. New tables and nullable columns only (no table rebuild).
-- AlterTable
ALTER TABLE "Commitment" ADD COLUMN "mergedIntoId" INTEGER;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "dueChangeId" INTEGER;

-- CreateTable
CREATE TABLE "Mention" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "commitmentId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "article" TEXT,
    "publishedOn" TEXT,
    "quote" TEXT NOT NULL,
    "quoteStart" INTEGER NOT NULL,
    "quoteEnd" INTEGER NOT NULL,
    "dueText" TEXT,
    "dueOn" TEXT,
    "precision" TEXT NOT NULL,
    "responsible" TEXT,
    "body" TEXT,
    "via" TEXT NOT NULL DEFAULT 'first',
    "score" REAL,
    "mergedFromId" INTEGER,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Mention_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DueChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "commitmentId" INTEGER NOT NULL,
    "mentionId" INTEGER,
    "fromDueOn" TEXT,
    "fromPrecision" TEXT NOT NULL,
    "toDueOn" TEXT,
    "toPrecision" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "statedOn" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "DueChange_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DueChange_mentionId_fkey" FOREIGN KEY ("mentionId") REFERENCES "Mention" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MatchQuestion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "commitmentId" INTEGER NOT NULL,
    "candidateId" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "reasons" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "answeredBy" BIGINT,
    "answeredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MatchQuestion_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MatchQuestion_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Commitment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Mention_commitmentId_idx" ON "Mention"("commitmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Mention_sourceId_key_key" ON "Mention"("sourceId", "key");

-- CreateIndex
CREATE INDEX "DueChange_commitmentId_at_idx" ON "DueChange"("commitmentId", "at");

-- CreateIndex
CREATE INDEX "MatchQuestion_status_idx" ON "MatchQuestion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "MatchQuestion_commitmentId_candidateId_key" ON "MatchQuestion"("commitmentId", "candidateId");


-- Every existing commitment becomes one with a single mention: the sentence it was read from.
INSERT INTO "Mention" ("commitmentId", "sourceId", "key", "article", "publishedOn", "quote", "quoteStart", "quoteEnd", "dueText", "dueOn", "precision", "responsible", "body", "via", "withdrawnAt", "createdAt")
SELECT "id", "sourceId", "key", "article", "publishedOn", "quote", "quoteStart", "quoteEnd", "dueText", "extractedDueOn", "precision", "responsible", "body", 'first', "withdrawnAt", "createdAt" FROM "Commitment";

