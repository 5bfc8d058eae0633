// The servers under test run as child process groups: started on a free port, watched (a child that
// dies mid-run stops the bench with its output), stopped on exit, on ctrl-C and on failure.
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import path from 'node:path';
import { cpuTicks, processTree, servingPid } from './proc';

export const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const START_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 8000;

export interface ServerChild {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** The last few kilobytes the child wrote (stdout and stderr). */
  output(): string;
  /** The process that holds the listening socket (tsx runs the script in a node child of its own). */
  servingPid(): number;
  /** Every process of the child's tree, the root first. */
  tree(): number[];
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

process.on('exit', () => {
  for (const c of live) killGroup(c, 'SIGKILL');
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const sock = createConnection({ port, host: '127.0.0.1' }, () => {
      sock.end();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });

async function untilListening(name: string, child: ChildProcess, port: number, output: () => string): Promise<void> {
  const until = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before listening:\n${output()}`);
    if (Date.now() > until) throw new Error(`${name} did not listen on port ${port} within ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
    if (await accepts(port)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Runs `tsx <script>` with `env` (plus PATH and HOME) and PORT set to a free port; resolves once it listens. */
export async function startServer(name: string, script: string, env: Record<string, string>): Promise<ServerChild> {
  const port = await freePort();
  const child = spawn(TSX, [script], {
    cwd: ROOT,
    detached: true,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('exit', () => live.delete(child));
  const output = () => out;
  try {
    await untilListening(name, child, port, output);
  } catch (err) {
    killGroup(child, 'SIGKILL');
    throw err;
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  return { name, url: `http://127.0.0.1:${port}`, port, child, output, servingPid: () => servingPid(child.pid!, port), tree: () => processTree(child.pid!), stop };
}

/** Throws with the child's output when it is no longer running. */
export function assertRunning(s: ServerChild): void {
  if (s.child.exitCode !== null || s.child.signalCode !== null) {
    throw new Error(`${s.name} died during the run (${s.child.exitCode ?? s.child.signalCode}):\n${s.output()}`);
  }
}

const IDLE_SAMPLE_MS = 200;
/** Clock ticks (10 ms each) the servers may use in one sample and still count as idle: timers, polls. */
const IDLE_TICKS = 2;

/**
 * Waits until the servers' process trees use (almost) no CPU, so work one server does after its
 * answers (audit, side posts) does not run into the next server's turn; gives up after `maxMs`.
 */
export async function untilIdle(servers: ServerChild[], maxMs: number): Promise<void> {
  const ticks = () => servers.reduce((sum, s) => sum + s.tree().reduce((t, pid) => t + cpuTicks(pid), 0), 0);
  const until = Date.now() + maxMs;
  let before = ticks();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, IDLE_SAMPLE_MS));
    const now = ticks();
    if (now - before <= IDLE_TICKS) return;
    before = now;
  }
  process.stderr.write(`  the servers were still busy after ${maxMs / 1000} s; going on\n`);
}
