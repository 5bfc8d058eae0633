// What each request came to, as a user would see it: answered in the HTTP response, answered late
// through response_url, or an error (non-200, no answer at all, or the product's error message).
import { t } from '../../src/platform/i18n';
import type { Sample } from './load';
import type { LateAnswer } from './slack-stub';

/** The product's "something failed" answers, from its catalogue, in both languages. */
const ERROR_TEXTS = (['en', 'zh-CN'] as const).flatMap((l) => [t(l, 'error.internal'), t(l, 'error.db_unavailable')]);

const SLACK_DEADLINE_MS = 3000;

export interface Outcome {
  sample: Sample;
  /** Acknowledged without the answer: it came (or was due) through response_url. */
  late: boolean;
  error: string | null;
  /** From sending to the answer the user reads: the HTTP response, or the late post to response_url. */
  answerMs: number;
}

const errorIn = (text: string): boolean => ERROR_TEXTS.some((e) => text.includes(e) || text.includes(JSON.stringify(e).slice(1, -1)));

/** An HTTP answer with nothing to show: Bolt's bare ack, after which the answer goes to response_url. */
function isBareAck(body: string): boolean {
  if (!body.trim()) return true;
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    return !json.text && !json.blocks;
  } catch {
    return false;
  }
}

export function outcomeOf(s: Sample, lateAnswers: LateAnswer[]): Outcome {
  const inline = { sample: s, late: false, answerMs: s.ms };
  if (s.status !== 200) return { ...inline, error: s.status ? `HTTP ${s.status}` : s.body };
  if (!isBareAck(s.body)) return { ...inline, error: errorIn(s.body) ? 'error message' : null };
  if (!lateAnswers.length) return { ...inline, late: true, error: 'acknowledged without an answer, and none came through response_url' };
  const error = lateAnswers.some((a) => errorIn(a.body)) ? 'error message (late, through response_url)' : null;
  return { sample: s, late: true, error, answerMs: lateAnswers[0].at - s.started };
}

/** True when a request may still get its answer through response_url. */
export const awaitsLateAnswer = (s: Sample, lateAnswers: LateAnswer[]): boolean => s.status === 200 && isBareAck(s.body) && lateAnswers.length === 0;

export interface Figures {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** p99 of the HTTP response alone (what Slack's 3 s deadline is about). */
  httpP99: number;
  /** HTTP responses slower than Slack's 3 s: Slack would already have shown the user a timeout. */
  overDeadline: number;
  rps: number;
  errors: number;
  late: number;
  /** One example of each kind of error, for the log. */
  errorKinds: string[];
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** `wallMs`: the time the rounds took, each from its first request to its last answer. */
export function figuresOf(outcomes: Outcome[], wallMs: number): Figures {
  const ms = outcomes.map((o) => o.answerMs).sort((a, b) => a - b);
  const http = outcomes.map((o) => o.sample.ms).sort((a, b) => a - b);
  const errors = outcomes.filter((o) => o.error);
  return {
    n: outcomes.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms[ms.length - 1] ?? NaN,
    httpP99: percentile(http, 99),
    overDeadline: http.filter((v) => v > SLACK_DEADLINE_MS).length,
    rps: wallMs > 0 ? (outcomes.length * 1000) / wallMs : NaN,
    errors: errors.length,
    late: outcomes.filter((o) => o.late).length,
    errorKinds: [...new Set(errors.map((o) => o.error!.slice(0, 120)))],
  };
}
