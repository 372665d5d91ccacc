import { Prisma } from "../db/client.ts";

/**
 * The columns of commitment `c` as Prisma's model has them, for raw reads that must give rows in
 * the shape findMany does. Not `c.*`: on PostgreSQL the table also holds its stored search vector
 * (migration 20261126000000_stored_search_vector), which no model field stands for.
 */
export const COMMITMENT_COLUMNS = Prisma.raw(
  Object.values(Prisma.CommitmentScalarFieldEnum)
    .map((field) => `c."${field}"`)
    .join(", "),
);
