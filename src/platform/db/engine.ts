// Which server answers: a real MongoDB, or FerretDB (its buildInfo carries `ferretdbVersion`). They
// serve the same queries differently: FerretDB 1.x pushes down to its backend only equalities on
// top-level fields (see pg-pushdown.ts) and evaluates `$in`, `$or`, ranges and dotted paths over every
// row that part returns, where MongoDB walks an index for each. A repo picks its query shape by this.

export type DbEngine = 'mongodb' | 'ferretdb';
/** What of a driver's Db this needs (mongoose bundles its own driver: its Db type differs from mongodb's). */
type AdminCommands = { admin(): { command(cmd: Record<string, unknown>): Promise<Record<string, unknown>> } };

let engine: DbEngine = 'mongodb';

/** Asks the server once (at connect) what it is, and remembers the answer for `dbEngine`. */
export async function detectDbEngine(db: AdminCommands): Promise<DbEngine> {
  const info = await db.admin().command({ buildInfo: 1 });
  engine = info.ferretdbVersion ? 'ferretdb' : 'mongodb';
  return engine;
}

/** The engine found at the last connect (MongoDB until one was made). */
export function dbEngine(): DbEngine {
  return engine;
}

/** True when only top-level equalities are served by an index (FerretDB): ask one equality per query. */
export function onlyEqualitiesPushDown(): boolean {
  return engine === 'ferretdb';
}
