-- AlterTable
ALTER TABLE "Chat" ADD COLUMN "language" TEXT;
