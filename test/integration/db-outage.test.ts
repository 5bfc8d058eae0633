import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFerretDb } from '../../src/platform/db/embedded-db';
import { connectDb, disconnectDb } from '../../src/platform/db/connection';
import { slash, startService, visibleText, type TestService } from '../helpers/service';
import { leads } from '../helpers/app-data';

// This file runs its own database (FerretDB over the embedded PostgreSQL, durable as under
// `npm start`) so it can stop, kill and restart it on the same data directory.
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function answer(svc: TestService, r: Awaited<ReturnType<typeof slash>>): Promise<string> {
  if (r.body) return visibleText(r.body);
  await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0, 15000);
  return visibleText(svc.slack.responses(r.responseId)[0].body as never);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'chatcrm-outage-'));
let listen: string;
let db: Awaited<ReturnType<typeof startFerretDb>>;
let svc: TestService;

beforeAll(async () => {
  listen = `127.0.0.1:${await freePort()}`;
  db = await startFerretDb({ dataDir, listen });
  await connectDb(db.uri, 'outage', { postgresqlUrl: db.postgresqlUrl });
  svc = await startService();
});
afterAll(async () => {
  await svc.close();
  await disconnectDb();
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('should tell the user to retry while the database is away, answer 503 on /readyz, and recover by itself', async () => {
  expect((await fetch(`${svc.url}/readyz`)).status).toBe(200);
  expect(await answer(svc, await slash(svc, '/lead', 'add Before Ltd; Ann Before'))).toContain('Created L-1');

  await db.stop();
  // Gone for real: the PostgreSQL under FerretDB stopped too (nothing left on its data directory).
  expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  expect((await fetch(`${svc.url}/readyz`)).status).toBe(503);
  expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  const during = await answer(svc, await slash(svc, '/lead', 'add During Ltd; Dan During'));
  expect(during).toContain('The CRM database is not answering right now. Nothing was saved; please try again in a minute.');

  db = await startFerretDb({ dataDir, listen });
  await reconnected();
  expect(await answer(svc, await slash(svc, '/lead', 'add After Ltd; Amy After'))).toContain('Created L-2');
  expect((await leads()).map((l) => l.company)).toEqual(['Before Ltd', 'After Ltd']);
}, 60000);

it('should keep every lead when the database process is killed, and start again on the same data', async () => {
  db.child.kill('SIGKILL');
  await new Promise((r) => db.child.once('exit', r));
  expect((await fetch(`${svc.url}/readyz`)).status).toBe(503);

  db = await startFerretDb({ dataDir, listen });
  await reconnected();
  expect(await answer(svc, await slash(svc, '/lead', 'add Later Ltd; Lee Later'))).toContain('Created L-3');
  expect((await leads()).map((l) => l.company)).toEqual(['Before Ltd', 'After Ltd', 'Later Ltd']);
}, 60000);

async function reconnected(): Promise<void> {
  const until = Date.now() + 20000;
  while ((await fetch(`${svc.url}/readyz`)).status !== 200) {
    if (Date.now() > until) throw new Error('the service did not reconnect within 20 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}
