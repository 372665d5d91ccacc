-- /search on PostgreSQL: the words of a commitment stored beside it, instead of computed by
-- to_tsvector each time a row is tested. For a common word the page is a walk of the due-date
-- index testing each row it passes; computing the vector cost about 10 us a row (1 s to pass
-- 100,000 rows in psql), testing a stored one about 0.5 us. A real column also has statistics of
-- its words (ANALYZE), which the planner had none of for the partial expression index.
-- Prisma's schema cannot express a generated column: it lives here only, like the indexes of the
-- init migration, and raw reads of commitments list their columns instead of c.*
-- (COMMITMENT_COLUMNS, src/commitments/commitment-columns.ts).
ALTER TABLE "Commitment" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  to_tsvector('mindet_search'::regconfig, coalesce("title", '') || ' ' || coalesce("responsible", '') || ' ' || coalesce("body", '') || ' ' || "quote")
) STORED;
DROP INDEX "Commitment_search_idx";
-- Without fastupdate, a new row's words go straight into the index rather than into a pending
-- list that every search reads through until VACUUM merges it (up to 4 MB by default: 1.2 ms of
-- a 10,000-match search became 2.8 ms after a bulk insert). Commitments are written a few at a
-- time, searched far more often.
CREATE INDEX "Commitment_search_idx" ON "Commitment" USING GIN ("search") WITH (fastupdate = off) WHERE "withdrawnAt" IS NULL;
