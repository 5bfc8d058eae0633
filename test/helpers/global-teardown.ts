import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __TEST_DB__?: { stop(): Promise<void> }; __TEST_DB_DIR__?: string };
  await g.__TEST_DB__?.stop();
  if (g.__TEST_DB_DIR__) rmSync(g.__TEST_DB_DIR__, { recursive: true, force: true });
}
