// Slack's request signature (v0): HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret,
// and a timestamp at most five minutes away from now. The load generator signs; the floor verifies.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret';
export const BENCH_BOT_TOKEN = 'xoxb-bench-token';
const MAX_SKEW_SECONDS = 5 * 60;

function digest(secret: string, ts: string, body: string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
}

/** The two headers Slack sends with every request. */
export function signedHeaders(secret: string, body: string, nowMs = Date.now()): Record<string, string> {
  const ts = String(Math.floor(nowMs / 1000));
  return { 'x-slack-request-timestamp': ts, 'x-slack-signature': digest(secret, ts, body) };
}

/** True when the signature matches the body and the timestamp is within five minutes of now. */
export function isSignedBySlack(secret: string, body: string, ts: string | undefined, signature: string | undefined, nowMs = Date.now()): boolean {
  if (!ts || !signature || !/^\d+$/.test(ts)) return false;
  if (Math.abs(nowMs / 1000 - Number(ts)) > MAX_SKEW_SECONDS) return false;
  const expected = Buffer.from(digest(secret, ts, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
