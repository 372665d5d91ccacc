-- CreateTable
CREATE TABLE "Feed" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "url" TEXT NOT NULL,
    "kind" TEXT,
    "linkPattern" TEXT,
    "everyMinutes" INTEGER NOT NULL DEFAULT 30,
    "title" TEXT,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastPolledAt" DATETIME,
    "nextPollAt" DATETIME NOT NULL,
    "lastStatus" TEXT,
    "lastError" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "failureNotifiedAt" DATETIME,
    "itemsSeen" INTEGER NOT NULL DEFAULT 0,
    "commitmentsFound" INTEGER NOT NULL DEFAULT 0,
    "starter" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FeedItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "feedId" INTEGER NOT NULL,
    "guid" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "title" TEXT,
    "publishedOn" TEXT,
    "contentHash" TEXT,
    "documentId" INTEGER,
    "textFrom" TEXT,
    "error" TEXT,
    "commitments" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FeedItem_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "Feed" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AddColumn: a plain ADD COLUMN instead of Prisma's table rebuild, which would DROP "Chat" and,
-- with foreign keys on inside the migration's transaction, cascade-delete every Follow and Delivery.
ALTER TABLE "Chat" ADD COLUMN "announceNew" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE UNIQUE INDEX "Feed_url_key" ON "Feed"("url");

-- CreateIndex
CREATE INDEX "Feed_nextPollAt_idx" ON "Feed"("nextPollAt");

-- CreateIndex
CREATE INDEX "FeedItem_feedId_link_idx" ON "FeedItem"("feedId", "link");

-- CreateIndex
CREATE INDEX "FeedItem_contentHash_idx" ON "FeedItem"("contentHash");

-- CreateIndex
CREATE INDEX "FeedItem_documentId_idx" ON "FeedItem"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "FeedItem_feedId_guid_key" ON "FeedItem"("feedId", "guid");

