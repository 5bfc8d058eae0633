// The raw `mongodb` driver, the copy mongoose bundles (not the one hoisted to node_modules/), loaded
// without mongoose itself so the floor and the peer carry no ODM in their memory figures.
import { createRequire } from 'node:module';

type Driver = typeof import('mongodb');

export const rawDriver = createRequire(require.resolve('mongoose'))('mongodb') as Driver;

/** A connected client and the benchmark's database; the caller closes the client. */
export async function connectRaw(uri: string, dbName: string) {
  const client = new rawDriver.MongoClient(uri);
  await client.connect();
  return { client, db: client.db(dbName) };
}

/** Servers run as children: when the bench process dies, stdin closes and they go with it. */
export function exitWhenParentGoes(close: () => Promise<void>): void {
  const stop = () => void close().finally(() => process.exit(0));
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

export function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}
