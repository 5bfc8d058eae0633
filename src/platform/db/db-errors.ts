/** True for MongoDB duplicate-key errors (E11000), which the unique indexes use as concurrency guards. */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/** Runs an upsert again once when two writers raced to insert the same unique key. */
export async function retryOnDuplicate<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isDuplicateKeyError(err)) return fn();
    throw err;
  }
}

const UNAVAILABLE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongooseServerSelectionError',
  'PoolClearedError',
  'MongoPoolClearedError',
]);

/** True when an error means "the database cannot be reached right now" rather than a bad query. */
export function isDbUnavailableError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: string; message?: string; cause?: unknown };
  if (e.name && UNAVAILABLE.has(e.name)) return true;
  if (e.message && /buffering timed out|ECONNREFUSED|connection .* closed|Client must be connected/i.test(e.message)) return true;
  return e.cause ? isDbUnavailableError(e.cause) : false;
}
