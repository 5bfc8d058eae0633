// `npm run bench`: how fast signed `/lead add` requests are answered, end to end (HTTP, signature
// check, parsing, duplicate check, FerretDB over TCP). Prints p50/p95/max latency and throughput.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFerretDb } from '../src/platform/db/embedded-db';
import { connectDb, disconnectDb } from '../src/platform/db/connection';
import { slash, startService } from '../test/helpers/service';

const N = Number(process.env.BENCH_N ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);

async function main() {
  const db = process.env.MONGODB_URI ? null : await startFerretDb({ dataDir: mkdtempSync(path.join(tmpdir(), 'chatcrm-bench-')), durable: false });
  await connectDb(process.env.MONGODB_URI ?? db!.uri, `bench_${Date.now()}`, { postgresqlUrl: db?.postgresqlUrl });
  const svc = await startService();
  const times: number[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++;
        const t0 = performance.now();
        const r = await slash(svc, '/lead', `add Bench Co ${i}; Person ${i}; +86 138${String(i).padStart(8, '0')}; p${i}@bench.test; value: 5万`);
        if (r.status !== 200) throw new Error(`status ${r.status}`);
        times.push(performance.now() - t0);
      }
    }),
  );
  const secs = (Date.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
  console.log(`/lead add: ${N} requests, concurrency ${CONCURRENCY}, ${(N / secs).toFixed(1)} req/s, p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
  await svc.close();
  await disconnectDb();
  await db?.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
