import { PrismaPg } from "@prisma/adapter-pg";

const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

interface PgResult {
  fields?: Array<{ dataTypeID: number }>;
}
type PerformIO = (this: unknown, query: unknown) => Promise<PgResult>;
interface PgAdapterInternals {
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
}
const patched = new WeakSet<object>();

/**
 * The PostgreSQL adapter for `prisma migrate deploy` (prisma.config.ts), with two fixes to
 * @prisma/adapter-pg 6.19 that migrations need. Only the migration process loads this.
 * - The schema engine reads the catalog, whose identifiers have PostgreSQL's `name` type, which
 *   the adapter refuses ("Column type 'name' could not be deserialized", prisma/prisma#27403,
 *   open). `name` is text to every client, so its columns are reported as text.
 * - executeScript splits a migration on every ";", which cuts a PL/pgSQL function body apart.
 *   PostgreSQL runs a whole script sent as one simple query, as one implicit transaction, so a
 *   migration is applied entirely or not at all.
 */
export function createMigratePgAdapter(connectionString: string): PrismaPg {
  const factory = new PrismaPg({ connectionString });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async function (this: PgAdapterInternals, script: string) {
      try {
        await this.client.query(script);
      } catch (error) {
        this.onError(error);
      }
    };
    // performIO lives on the class shared by the adapter and its transactions.
    const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as { performIO: PerformIO };
    if (!patched.has(queryable)) {
      patched.add(queryable);
      const performIO = queryable.performIO;
      queryable.performIO = async function (this: unknown, query: unknown) {
        const result = await performIO.call(this, query);
        for (const field of result.fields ?? []) if (field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
        return result;
      };
    }
    return adapter;
  };
  return factory;
}
