import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AppError, type ErrorCode } from './errors';
import type { Logger } from './logger';

// What an HTTP client is told when a request fails: a short code and the request id to quote, in every
// NODE_ENV. Never an error's message or stack (file paths, library internals); those go to the log.

/** A client's x-request-id is kept when it looks like an id; anything else (long, odd characters) is replaced. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function requestIdOf(req: { headers: Record<string, unknown> }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export function sendError(req: Request, res: Response, status: number, error: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ error, ...extra, requestId: String(req.id ?? '') });
}

const APP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  db_unavailable: 503,
  internal: 500,
};

/** body-parser (express.json/raw/text) errors carry a `type` and a 4xx `status`. */
function bodyError(err: unknown): { status: number; error: string } | null {
  if (typeof err !== 'object' || err === null) return null;
  const { type, status } = err as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status > 499) return null;
  if (status === 413) return { status, error: 'payload_too_large' };
  if (status === 415) return { status, error: 'unsupported_media_type' };
  if (type === 'entity.parse.failed') return { status: 400, error: 'invalid_json' };
  return { status: 400, error: 'bad_request' };
}

/** Routes nobody serves: the same short JSON as any other error. */
export const notFound: RequestHandler = (req, res) => sendError(req, res, 404, 'not_found');

/** The last middleware: every error any route passes on (or throws) ends here. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  const log = logger.child({ component: 'http' });
  return (err: unknown, req, res, next) => {
    // Too late for a status line: let express close the connection.
    if (res.headersSent) return next(err);
    const known = err instanceof AppError ? { status: APP_STATUS[err.code], error: err.code } : bodyError(err);
    if (known && known.status < 500) {
      log.info({ status: known.status, error: known.error, reason: (err as Error).message }, 'request refused');
      return sendError(req, res, known.status, known.error);
    }
    log.error({ err }, 'request failed');
    sendError(req, res, known?.status ?? 500, known?.error ?? 'internal');
  };
}
