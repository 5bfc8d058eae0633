import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFerretDb } from '../../src/platform/db/embedded-db';
import { connectDb, disconnectDb } from '../../src/platform/db/connection';
import { slash, startService, visibleText, type TestService } from '../helpers/service';
import { leads } from '../helpers/app-data';

// This file runs its own database server so it can stop and restart it.
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
  await connectDb(db.uri, 'outage');
  svc = await startService();
});
afterAll(async () => {
  await svc.close();
  await disconnectDb();
  await db.stop();
});

it('should tell the user to retry while the database is away, answer 503 on /readyz, and recover by itself', async () => {
  expect((await fetch(`${svc.url}/readyz`)).status).toBe(200);
  expect(await answer(svc, await slash(svc, '/lead', 'add Before Ltd; Ann Before'))).toContain('Created L-1');

  await db.stop();
  expect((await fetch(`${svc.url}/readyz`)).status).toBe(503);
  expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  const during = await answer(svc, await slash(svc, '/lead', 'add During Ltd; Dan During'));
  expect(during).toContain('The CRM database is not answering right now. Nothing was saved; please try again in a minute.');

  db = await startFerretDb({ dataDir, listen });
  const until = Date.now() + 20000;
  while ((await fetch(`${svc.url}/readyz`)).status !== 200) {
    if (Date.now() > until) throw new Error('the service did not reconnect within 20 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(await answer(svc, await slash(svc, '/lead', 'add After Ltd; Amy After'))).toContain('Created L-2');
  expect((await leads()).map((l) => l.company)).toEqual(['Before Ltd', 'After Ltd']);
}, 60000);
