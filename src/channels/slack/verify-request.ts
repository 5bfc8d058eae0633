import express, { Router, type RequestHandler } from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../platform/logger';
import { sendError } from '../../platform/http-errors';
import { checkSlackBody } from './slack-payloads';

// Runs before Bolt on POST /slack/events: Bolt's own check only refuses requests signed too long ago and
// accepts any date in the future (Slack's rule is five minutes either way), and a malformed payload that passes
// the signature makes Bolt answer 500 or reach the listeners. Here both are refused up front.

/** Slack's replay window: a request dated more than five minutes from now, either way, is refused. */
const SLACK_MAX_SKEW_S = 300;
/** As Bolt's default body limit. */
const SLACK_BODY_LIMIT = 4 * 1024 * 1024;

const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;

export type SignatureFailure = 'missing_headers' | 'bad_timestamp' | 'stale' | 'future' | 'mismatch';

/** Slack's v0 scheme over the exact bytes received; null when the request is genuine and current. */
export function verifySlackSignature(
  secret: string,
  raw: Buffer,
  headers: Record<string, string | string[] | undefined>,
  nowSeconds: number,
): SignatureFailure | null {
  const ts = headers['x-slack-request-timestamp'];
  const sig = headers['x-slack-signature'];
  if (typeof ts !== 'string' || typeof sig !== 'string') return 'missing_headers';
  if (!TIMESTAMP.test(ts)) return 'bad_timestamp';
  const skew = Number(ts) - nowSeconds;
  if (skew < -SLACK_MAX_SKEW_S) return 'stale';
  if (skew > SLACK_MAX_SKEW_S) return 'future';
  if (!SIGNATURE.test(sig)) return 'mismatch';
  const expected = createHmac('sha256', secret).update(`v0:${ts}:`).update(raw).digest();
  return timingSafeEqual(expected, Buffer.from(sig.slice(3), 'hex')) ? null : 'mismatch';
}

/** Verifies the signature and its date, then the payload's shape; only then hands the request to Bolt. */
export function slackRequestGuard(opts: { signingSecret: string; logger: Logger; path?: string; now?: () => number }): Router {
  const log = opts.logger.child({ component: 'slack' });
  const now = opts.now ?? Date.now;
  const check: RequestHandler = (req, res, next) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const failure = verifySlackSignature(opts.signingSecret, raw, req.headers, Math.floor(now() / 1000));
    if (failure) {
      log.warn({ reason: failure }, 'slack request refused: signature');
      return sendError(req, res, 401, 'invalid_signature');
    }
    const body = checkSlackBody(raw.toString('utf8'), req.headers['content-type']);
    if (!body.ok) {
      log.warn({ kind: body.kind, fields: body.fields }, 'slack request refused: payload');
      return sendError(req, res, 400, body.error, { fields: body.fields });
    }
    // Bolt reads a buffered body from req.rawBody instead of the (already consumed) stream.
    Object.assign(req, { rawBody: raw, body: undefined });
    next();
  };
  const router = Router();
  router.post(opts.path ?? '/slack/events', express.raw({ type: () => true, limit: SLACK_BODY_LIMIT }), check);
  return router;
}
