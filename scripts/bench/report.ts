// The printed result: one table of figures per concurrency, memory, the ratios against the raw floor,
// and the targets, each marked met / not met. Markdown, so it can be pasted as it is.
import type { Figures } from './outcome';

export const TARGETS = ['product', 'floor', 'peer'] as const;
export type TargetName = (typeof TARGETS)[number];
export const LABEL: Record<TargetName, string> = { product: 'product', floor: 'raw floor', peer: 'Bolt peer' };

export interface Memory {
  /** The serving process: VmRSS and VmHWM after the run, MiB. */
  rss: number;
  peak: number;
  /** Every process of the child's tree (tsx's launcher included), MiB. */
  treeRss: number;
}

export interface Results {
  levels: number[];
  figures: Map<number, Map<TargetName, Figures>>;
  memory: Map<TargetName, Memory | null>;
}

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(1) : v.toFixed(0)) : '–');
const x = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : v.toFixed(0)}×` : '–');
const mib = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(0));

function figuresTable(r: Results): string[] {
  const lines = ['| concurrent | server | p50 ms | p95 ms | p99 ms | max ms | HTTP p99 ms | HTTP > 3 s | req/s | errors | late answers |', '|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const level of r.levels) {
    for (const name of TARGETS) {
      const f = r.figures.get(level)?.get(name);
      if (!f) continue;
      lines.push(`| ${level} | ${LABEL[name]} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${ms(f.max)} | ${ms(f.httpP99)} | ${f.overDeadline} | ${f.rps.toFixed(1)} | ${f.errors} of ${f.n} | ${f.late} |`);
    }
  }
  return lines;
}

function ratioTable(r: Results): string[] {
  const lines = ['| concurrent | server | p50 | p95 | p99 | throughput |', '|---|---|---|---|---|---|'];
  for (const level of r.levels) {
    const floor = r.figures.get(level)?.get('floor');
    if (!floor) continue;
    for (const name of ['product', 'peer'] as const) {
      const f = r.figures.get(level)?.get(name);
      if (f) lines.push(`| ${level} | ${LABEL[name]} | ${x(f.p50 / floor.p50)} | ${x(f.p95 / floor.p95)} | ${x(f.p99 / floor.p99)} | ${x(f.rps / floor.rps)} |`);
    }
  }
  return lines;
}

function memoryTable(r: Results): string[] {
  const lines = ['| server | RSS after the run, MiB | peak RSS, MiB | whole process tree, MiB |', '|---|---|---|---|'];
  for (const name of TARGETS) {
    const m = r.memory.get(name);
    lines.push(`| ${LABEL[name]} | ${mib(m?.rss)} | ${mib(m?.peak)} | ${mib(m?.treeRss)} |`);
  }
  return lines;
}

interface Check {
  what: string;
  /** null: the run did not measure it (a level left out of BENCH_LEVELS). */
  met: boolean | null;
  got: string;
}

function checks(r: Results): Check[] {
  const at = (level: number, name: TargetName) => r.figures.get(level)?.get(name);
  const p1 = at(1, 'product');
  const f1 = at(1, 'floor');
  const p10 = at(10, 'product');
  const f10 = at(10, 'floor');
  const p50 = at(50, 'product');
  const rss = r.memory.get('product')?.rss;
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? a / b : undefined);
  const p50r = ratio(p1?.p50, f1?.p50);
  const p99r = ratio(p1?.p99, f1?.p99);
  const tr = ratio(p10?.rps, f10?.rps);
  return [
    { what: 'p50 at 1 concurrent ≤ 3× the floor', met: p50r === undefined ? null : p50r <= 3, got: p50r === undefined ? '' : `${x(p50r)} (${ms(p1!.p50)} vs ${ms(f1!.p50)} ms)` },
    { what: 'p99 at 1 concurrent ≤ 4× the floor', met: p99r === undefined ? null : p99r <= 4, got: p99r === undefined ? '' : `${x(p99r)} (${ms(p1!.p99)} vs ${ms(f1!.p99)} ms)` },
    { what: 'throughput at 10 concurrent ≥ 0.5× the floor', met: tr === undefined ? null : tr >= 0.5, got: tr === undefined ? '' : `${tr.toFixed(2)}× (${p10!.rps.toFixed(1)} vs ${f10!.rps.toFixed(1)} req/s)` },
    { what: 'no errors at 50 concurrent', met: p50 ? p50.errors === 0 : null, got: p50 ? `${p50.errors} of ${p50.n}` : '' },
    { what: 'no late answers at 50 concurrent', met: p50 ? p50.late === 0 : null, got: p50 ? `${p50.late} of ${p50.n}` : '' },
    { what: 'RSS ≤ 250 MiB', met: rss === undefined ? null : rss <= 250, got: rss === undefined ? '' : `${mib(rss)} MiB` },
  ];
}

function checkLines(r: Results): string[] {
  const mark = (c: Check) => (c.met === null ? 'not measured' : c.met ? '**met**' : '**not met**');
  return ['| target (issue 14) | result | |', '|---|---|---|', ...checks(r).map((c) => `| ${c.what} | ${c.got || '–'} | ${mark(c)} |`)];
}

/** The whole report as markdown lines; `header` says when, where and against what it ran. */
export function reportLines(r: Results, header: string[]): string[] {
  const errorNotes = r.levels.flatMap((level) =>
    TARGETS.flatMap((name) => (r.figures.get(level)?.get(name)?.errorKinds ?? []).map((k) => `- ${LABEL[name]} at ${level} concurrent: ${k}`)),
  );
  return [
    ...header,
    '',
    ...figuresTable(r),
    '',
    'Against the raw floor (same concurrency; latency: lower is better, throughput: higher is better):',
    '',
    ...ratioTable(r),
    '',
    ...memoryTable(r),
    '',
    ...checkLines(r),
    ...(errorNotes.length ? ['', 'Errors seen:', ...errorNotes] : []),
  ];
}
