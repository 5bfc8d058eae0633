import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Locale } from '../../config';
import { t } from '../../platform/i18n';
import { escapeHtml } from './render-html';

// SANDBOX_TOKEN: when set, every sandbox request carries it, as `?token=` once (then a cookie), the
// `x-sandbox-token` header, or the cookie.

const TOKEN_COOKIE = 'chatcrm_sandbox_token';
export const LANG_COOKIE = 'chatcrm_sandbox_lang';
/** The language the page last saw a member read in (their `/crm lang`), one cookie per member. */
export const langCookieFor = (memberId: string): string => `${LANG_COOKIE}.${encodeURIComponent(memberId)}`;
const TOKEN_HEADER = 'x-sandbox-token';

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Compares in constant time (over digests, so the lengths do not leak either). */
const sameToken = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));

function refuse(req: Request, res: Response, locale: Locale): void {
  const message = t(locale, 'sandbox.error.token');
  if (req.path.startsWith('/api/')) {
    res.status(401).json({ error: message });
    return;
  }
  res.status(401).type('html').send(`<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>401</title><p>${escapeHtml(message)}</p></html>`);
}

const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/**
 * Without a token the sandbox only answers loopback names: a web page that rebinds its own domain to
 * 127.0.0.1 (DNS rebinding), or a proxy forwarding to it, sends another Host and is refused; a POST
 * from another origin is refused too.
 */
function loopbackOnly(req: Request): boolean {
  const host = req.get('host') ?? '';
  if (!LOOPBACK_HOST.test(host)) return false;
  const origin = req.get('origin');
  if (req.method !== 'GET' && origin) {
    try {
      return LOOPBACK_HOST.test(new URL(origin).host) && new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return true;
}

export function tokenGuard(token: string | undefined, localeOf: (req: Request) => Locale): RequestHandler {
  return (req, res, next) => {
    if (!token) return loopbackOnly(req) ? next() : refuse(req, res, localeOf(req));
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : undefined;
    const given = fromQuery ?? req.get(TOKEN_HEADER) ?? readCookie(req.headers.cookie, TOKEN_COOKIE);
    if (!given || !sameToken(given, token)) return refuse(req, res, localeOf(req));
    if (fromQuery) {
      res.cookie(TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.secure });
      // Take the token out of the address bar (and of the history) once the cookie holds it.
      if (req.method === 'GET' && !req.path.startsWith('/api/')) {
        const url = new URL(req.originalUrl, 'http://sandbox.invalid');
        url.searchParams.delete('token');
        return res.redirect(302, url.pathname + url.search);
      }
    }
    next();
  };
}
