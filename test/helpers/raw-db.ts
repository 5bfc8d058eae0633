import mongoose from 'mongoose';

/**
 * The only place tests write the database behind the app's back. Everything else seeds through the
 * product's use cases or the commands a user types and reads through test/helpers/app-data.ts. What is
 * here cannot be produced by any use case: wiping collections between tests (the product only
 * soft-deletes), and states a crash or an older version leaves behind (a half-written claim, a
 * reservation whose lead was never written, a stage the pipeline no longer has, a copy gone stale).
 * These use the raw driver by collection name on purpose, so a model change does not reach them.
 */

const db = () => {
  const d = mongoose.connection.db;
  if (!d) throw new Error('the test database is not connected');
  return d;
};

export const rawCollection = (name: string) => db().collection(name);

/** Empties these collections (a clean slate between tests). */
export async function clearCollections(...names: string[]): Promise<void> {
  await Promise.all(names.map((n) => rawCollection(n).deleteMany({})));
}

/** A clean slate of leads: the leads and the identity keys they reserve. */
export const clearLeads = () => clearCollections('leads', 'leadkeys');
