export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as { __TEST_DB__?: { stop(): Promise<void> } }).__TEST_DB__;
  await db?.stop();
}
