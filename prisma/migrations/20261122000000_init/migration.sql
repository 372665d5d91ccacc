-- CreateTable
CREATE TABLE "Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "file" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "title" TEXT,
    "publishedOn" TEXT,
    "content" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "article" TEXT,
    "publishedOn" TEXT,
    "title" TEXT NOT NULL,
    "responsible" TEXT,
    "body" TEXT,
    "topics" TEXT NOT NULL DEFAULT '||',
    "extractedDueOn" TEXT,
    "precision" TEXT NOT NULL,
    "dueText" TEXT,
    "undatedReason" TEXT,
    "dueOn" TEXT,
    "quote" TEXT NOT NULL,
    "quoteStart" INTEGER NOT NULL,
    "quoteEnd" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Commitment_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "commitmentId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "byUserId" BIGINT,
    "byName" TEXT,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "fromDueOn" TEXT,
    "toDueOn" TEXT,
    "evidenceUrl" TEXT,
    "note" TEXT,
    CONSTRAINT "StatusChange_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Chat" (
    "id" BIGINT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "title" TEXT,
    "username" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Almaty',
    "offsets" TEXT NOT NULL DEFAULT '7,1,0,-1',
    "reminderHour" INTEGER NOT NULL DEFAULT 9,
    "digestDay" INTEGER,
    "digestHour" INTEGER NOT NULL DEFAULT 9,
    "quietStart" INTEGER,
    "quietEnd" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "inactiveReason" TEXT,
    "migratedToId" BIGINT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Follow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL DEFAULT '',
    "commitmentId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Follow_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Follow_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "chatId" BIGINT NOT NULL,
    "commitmentId" INTEGER,
    "kind" TEXT NOT NULL,
    "offsetDays" INTEGER NOT NULL DEFAULT 0,
    "dueOn" TEXT,
    "statusChangeId" INTEGER,
    "notBefore" DATETIME NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "messageId" INTEGER,
    "lastError" TEXT,
    "skipReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Delivery_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Delivery_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_file_key" ON "Source"("file");

-- CreateIndex
CREATE INDEX "Commitment_status_dueOn_idx" ON "Commitment"("status", "dueOn");

-- CreateIndex
CREATE INDEX "Commitment_body_idx" ON "Commitment"("body");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_sourceId_key_key" ON "Commitment"("sourceId", "key");

-- CreateIndex
CREATE INDEX "StatusChange_commitmentId_at_idx" ON "StatusChange"("commitmentId", "at");

-- CreateIndex
CREATE INDEX "StatusChange_at_idx" ON "StatusChange"("at");

-- CreateIndex
CREATE INDEX "Chat_active_idx" ON "Chat"("active");

-- CreateIndex
CREATE INDEX "Follow_kind_value_idx" ON "Follow"("kind", "value");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_chatId_kind_value_key" ON "Follow"("chatId", "kind", "value");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_key_key" ON "Delivery"("key");

-- CreateIndex
CREATE INDEX "Delivery_state_notBefore_idx" ON "Delivery"("state", "notBefore");

-- CreateIndex
CREATE INDEX "Delivery_chatId_state_idx" ON "Delivery"("chatId", "state");

-- CreateIndex
CREATE INDEX "Delivery_commitmentId_idx" ON "Delivery"("commitmentId");

