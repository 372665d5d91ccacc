-- Telegram's flood limits shared across instances (src/telegram/shared-pacing.ts). Only
-- PostgreSQL deployments use it (SQLite is one process, paced in memory); the table is here so
-- that both engines hold the same models.
-- CreateTable
CREATE TABLE "SendPace" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "nextAt" REAL NOT NULL,
    "slotAt" REAL NOT NULL
);
