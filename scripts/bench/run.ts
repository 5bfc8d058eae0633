// `npm run bench`: the product (as `npm start` runs it), the raw floor and the Bolt peer, each a child
// process against one database, sent real signed `/lead add` slash commands over HTTP in interleaved
// rounds; prints latency, throughput, errors, late answers and memory with the ratios against the floor.
// Env: BENCH_N (requests per server per level, default 200), BENCH_LEVELS (default 1,10,50),
// BENCH_ROUNDS (default 6), BENCH_WARMUP (default 20), BENCH_LATE_WAIT_MS (give up on late answers after
// that long without one, default 30000), MONGODB_URI.
import os from 'node:os';
import { startServer, assertRunning, untilIdle, type ServerChild } from './children';
import { describeServer, openBenchDb, type BenchDb } from './database';
import { runRound, type Sample, type Target } from './load';
import { awaitsLateAnswer, figuresOf, outcomeOf, type Outcome } from './outcome';
import { memoryOf } from './proc';
import { reportLines, TARGETS, LABEL, type Results, type TargetName } from './report';
import { BENCH_BOT_TOKEN, BENCH_SIGNING_SECRET } from './signature';
import { startSlackStub, type SlackStub } from './slack-stub';

const num = (name: string, dflt: number) => {
  const v = Number(process.env[name] ?? dflt);
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a whole number (got ${process.env[name]})`);
  return v;
};
const N = Math.max(1, num('BENCH_N', 200));
const LEVELS = (process.env.BENCH_LEVELS ?? '1,10,50').split(',').map((s) => Number(s.trim())).filter((v) => Number.isInteger(v) && v > 0);
const ROUNDS = Math.max(1, num('BENCH_ROUNDS', 6));
const WARMUP = num('BENCH_WARMUP', 20);
const LATE_WAIT_MS = num('BENCH_LATE_WAIT_MS', 30_000);
const IDLE_WAIT_MS = 5000;

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Running {
  db?: BenchDb;
  dbName: string;
  stub?: SlackStub;
  servers: Partial<Record<TargetName, ServerChild>>;
}

async function startServers(r: Running, uri: string, stub: SlackStub): Promise<void> {
  const common = { MONGODB_URI: uri, MONGODB_DB: r.dbName, SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET, SLACK_BOT_TOKEN: BENCH_BOT_TOKEN, SLACK_API_URL: stub.apiUrl };
  const scripts: Record<TargetName, [string, Record<string, string>]> = {
    product: ['src/main.ts', { HOST: '127.0.0.1', DEFAULT_LOCALE: 'en', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info' }],
    floor: ['scripts/bench/floor-server.ts', {}],
    peer: ['scripts/bench/bolt-peer.ts', {}],
  };
  // One after another, so no start-up competes with another for the two cores.
  for (const name of TARGETS) {
    const [script, env] = scripts[name];
    const s = await startServer(LABEL[name], script, { ...common, ...env });
    r.servers[name] = s;
    log(`${LABEL[name]} listening on ${s.url} (pid ${s.servingPid()})`);
  }
}

function targetOf(name: TargetName, s: ServerChild, stub: SlackStub): Target {
  return { name, url: `${s.url}/slack/events`, secret: BENCH_SIGNING_SECRET, responseUrl: (id) => stub.responseUrl(id) };
}

/**
 * Waits until every bare ack of `samples` has had its answer through response_url; gives up once
 * LATE_WAIT_MS pass without a new one (Slack keeps a response_url open for 30 minutes).
 */
async function settle(samples: Sample[], stub: SlackStub): Promise<void> {
  const waiting = () => samples.filter((s) => awaitsLateAnswer(s, stub.answers(s.responseId))).length;
  let left = waiting();
  let lastProgress = Date.now();
  while (left > 0 && Date.now() - lastProgress < LATE_WAIT_MS) {
    await sleep(50);
    const now = waiting();
    if (now < left) lastProgress = Date.now();
    left = now;
  }
}

/** How many rounds a level is cut into: each round keeps at least two requests per concurrent sender. */
const roundsFor = (level: number) => Math.max(1, Math.min(ROUNDS, Math.floor(N / (2 * level))));

interface Collected {
  outcomes: Outcome[];
  wallMs: number;
}

/** Every order of the three servers: over six rounds each one goes first, second and last twice. */
const ORDERS: TargetName[][] = [[0, 1, 2], [1, 2, 0], [2, 0, 1], [0, 2, 1], [2, 1, 0], [1, 0, 2]].map((o) => o.map((i) => TARGETS[i]));

/** One server's turn in a round: send, wait for late answers, then for every server to go idle. */
async function turn(t: Target, count: number, level: number, r: Running, stub: SlackStub): Promise<Collected> {
  const { samples, started } = await runRound(t, count, level);
  await settle(samples, stub);
  const outcomes = samples.map((s) => outcomeOf(s, stub.answers(s.responseId)));
  const lastAnswer = Math.max(...outcomes.map((o) => o.sample.started + o.answerMs));
  await untilIdle(Object.values(r.servers), IDLE_WAIT_MS);
  return { outcomes, wallMs: lastAnswer - started };
}

/** One level: rounds in which the three servers take turns, in a changing order. */
async function runLevel(level: number, targets: Record<TargetName, Target>, r: Running, stub: SlackStub): Promise<Map<TargetName, Collected>> {
  const got = new Map<TargetName, Collected>(TARGETS.map((n) => [n, { outcomes: [], wallMs: 0 }]));
  const rounds = roundsFor(level);
  for (let round = 0; round < rounds; round++) {
    const count = Math.floor(N / rounds) + (round < N % rounds ? 1 : 0);
    for (const name of ORDERS[round % ORDERS.length]) {
      assertRunning(r.servers[name]!);
      const done = await turn(targets[name], count, level, r, stub);
      const c = got.get(name)!;
      c.outcomes.push(...done.outcomes);
      c.wallMs += done.wallMs;
    }
    log(`  ${level} concurrent, round ${round + 1} of ${rounds} done`);
  }
  return got;
}

function memoryAfter(r: Running): Results['memory'] {
  const out: Results['memory'] = new Map();
  for (const name of TARGETS) {
    const s = r.servers[name]!;
    const serving = memoryOf(s.servingPid());
    const tree = s.tree().reduce((sum, pid) => sum + (memoryOf(pid)?.rss ?? 0), 0);
    out.set(name, serving ? { ...serving, treeRss: tree } : null);
  }
  return out;
}

const loadBefore = os.loadavg()[0];

async function header(db: BenchDb): Promise<string[]> {
  const cpu = os.cpus();
  const load = `load average ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end`;
  const rounds = LEVELS.map((l) => `${l}: ${roundsFor(l)}`).join(', ');
  return [
    `### \`npm run bench\`: signed \`/lead add\` over HTTP, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `- machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}; ${load}`,
    `- database: ${db.label}; ${await describeServer(db.uri)}`,
    `- ${N} requests per server per concurrency level after ${WARMUP} warm-up requests each; rounds per level (${rounds}) alternate between the three servers in a changing order, each turn starting once all three are idle`,
    '- latency: from sending to the answer the user reads (the HTTP response, or the post to response_url for a late answer); HTTP p99: the response alone; HTTP > 3 s: responses after Slack’s deadline, when Slack has already told the user the command failed; req/s: answers per second',
  ];
}

async function measure(r: Running, db: BenchDb, stub: SlackStub): Promise<string[]> {
  await startServers(r, db.uri, stub);
  const targets = Object.fromEntries(TARGETS.map((n) => [n, targetOf(n, r.servers[n]!, stub)])) as Record<TargetName, Target>;
  for (const name of TARGETS) {
    const { samples } = await runRound(targets[name], WARMUP, 1);
    await settle(samples, stub);
    await untilIdle(Object.values(r.servers), IDLE_WAIT_MS);
    const first = samples[0];
    if (first) log(`${LABEL[name]} answers: HTTP ${first.status} ${first.body.slice(0, 160)}`);
  }
  const results: Results = { levels: LEVELS, figures: new Map(), memory: new Map() };
  for (const level of LEVELS) {
    const got = await runLevel(level, targets, r, stub);
    results.figures.set(level, new Map([...got].map(([name, c]) => [name, figuresOf(c.outcomes, c.wallMs)])));
  }
  results.memory = memoryAfter(r);
  return reportLines(results, await header(db));
}

async function cleanUp(r: Running): Promise<void> {
  await Promise.all(Object.values(r.servers).map((s) => s.stop()));
  await r.stub?.close();
  await r.db?.close(r.dbName).catch((err) => log(`could not clean up the database: ${err instanceof Error ? err.message : String(err)}`));
}

async function main(): Promise<void> {
  if (!LEVELS.length) throw new Error('BENCH_LEVELS names no concurrency (for example 1,10,50)');
  const r: Running = { dbName: `bench_${Date.now()}`, servers: {} };
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping the servers`);
    void cleanUp(r).finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    r.db = await openBenchDb(log);
    r.stub = await startSlackStub();
    const lines = await measure(r, r.db, r.stub);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    if (!stopping) await cleanUp(r);
  }
}

main().catch((err) => {
  log(`bench failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
