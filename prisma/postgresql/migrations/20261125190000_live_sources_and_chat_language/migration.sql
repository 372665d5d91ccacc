-- Live sources (Feed, FeedItem), the chat setting for announcing new commitments and the chat's
-- language: the PostgreSQL side of 20261125100000_live_sources and 20261125180000_chat_language.
-- AlterTable
ALTER TABLE "Chat" ADD COLUMN     "announceNew" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "language" TEXT;

-- CreateTable
CREATE TABLE "Feed" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "kind" TEXT,
    "linkPattern" TEXT,
    "everyMinutes" INTEGER NOT NULL DEFAULT 30,
    "title" TEXT,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastPolledAt" TIMESTAMP(3),
    "nextPollAt" TIMESTAMP(3) NOT NULL,
    "lastStatus" TEXT,
    "lastError" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "failureNotifiedAt" TIMESTAMP(3),
    "itemsSeen" INTEGER NOT NULL DEFAULT 0,
    "commitmentsFound" INTEGER NOT NULL DEFAULT 0,
    "starter" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedItem" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedItem_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "FeedItem" ADD CONSTRAINT "FeedItem_feedId_fkey" FOREIGN KEY ("feedId") REFERENCES "Feed"("id") ON DELETE CASCADE ON UPDATE CASCADE;

