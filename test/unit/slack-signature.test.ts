import { isValidSlackRequest } from '@slack/bolt';
import { verifySlackSignature } from '../../src/channels/slack/verify-request';
import { slackHeaders } from '../helpers/slack';

// Slack's documented example ("Verifying requests from Slack"; see shared/platforms/slack.md §1.4).
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TS = 1531420618;
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

function boltAccepts(body: string, headers: Record<string, string>, nowSeconds: number): boolean {
  return isValidSlackRequest({
    signingSecret: SECRET,
    body,
    headers: {
      'x-slack-signature': headers['x-slack-signature'],
      'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
    },
    nowMilliseconds: nowSeconds * 1000,
  });
}

describe('Slack request signing', () => {
  it('should reproduce the documented signature with slackHeaders', () => {
    expect(BODY).toHaveLength(376 - `v0:${TS}:`.length);
    expect(slackHeaders(SECRET, BODY, TS)).toEqual({ 'x-slack-request-timestamp': String(TS), 'x-slack-signature': SIGNATURE });
  });

  it('should sign with the current time when no timestamp is given', () => {
    const before = Math.floor(Date.now() / 1000);
    const ts = Number(slackHeaders(SECRET, BODY)['x-slack-request-timestamp']);
    expect(ts).toBeGreaterThanOrEqual(before);
    expect(ts).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('should have Bolt accept the documented request at its own time', () => {
    expect(boltAccepts(BODY, { 'x-slack-request-timestamp': String(TS), 'x-slack-signature': SIGNATURE }, TS)).toBe(true);
  });

  it('should have Bolt accept it up to 300 s later and reject it 301 s later', () => {
    const headers = slackHeaders(SECRET, BODY, TS);
    expect(boltAccepts(BODY, headers, TS + 300)).toBe(true);
    expect(boltAccepts(BODY, headers, TS + 301)).toBe(false);
  });

  it('should have Bolt reject the request when one byte of the body changes', () => {
    const headers = slackHeaders(SECRET, BODY, TS);
    const tampered = BODY.replace('user_name=roadrunner', 'user_name=roadrunnes');
    expect(tampered).toHaveLength(BODY.length);
    expect(tampered).not.toBe(BODY);
    expect(boltAccepts(tampered, headers, TS)).toBe(false);
  });

  it('should have Bolt reject a request signed with another secret', () => {
    expect(boltAccepts(BODY, slackHeaders('another-secret', BODY, TS), TS)).toBe(false);
  });
});

describe('verifySlackSignature (our check before Bolt)', () => {
  const headers = slackHeaders(SECRET, BODY, TS);
  const verify = (h: Record<string, string | undefined>, now: number, body = BODY, secret = SECRET) => verifySlackSignature(secret, Buffer.from(body), h, now);

  it('should accept the documented request within five minutes either side of its time', () => {
    expect(verify(headers, TS)).toBeNull();
    expect(verify(headers, TS + 300)).toBeNull();
    expect(verify(headers, TS - 300)).toBeNull();
  });

  it('should refuse it more than five minutes later, and more than five minutes before (which Bolt accepts)', () => {
    expect(verify(headers, TS + 301)).toBe('stale');
    expect(verify(headers, TS - 301)).toBe('future');
    expect(verify(headers, TS - 365 * 86400)).toBe('future');
    expect(boltAccepts(BODY, headers, TS - 365 * 86400)).toBe(true);
  });

  it('should refuse a changed body, another secret, a malformed signature and missing or odd headers', () => {
    expect(verify(headers, TS, BODY.replace('roadrunner', 'roadrunnes'))).toBe('mismatch');
    expect(verify(headers, TS, BODY, 'another-secret')).toBe('mismatch');
    expect(verify({ ...headers, 'x-slack-signature': 'v0=abc' }, TS)).toBe('mismatch');
    expect(verify({ ...headers, 'x-slack-signature': SIGNATURE.replace('v0=', 'v1=') }, TS)).toBe('mismatch');
    expect(verify({ 'x-slack-request-timestamp': String(TS) }, TS)).toBe('missing_headers');
    expect(verify({ ...headers, 'x-slack-request-timestamp': `${TS}.5` }, TS)).toBe('bad_timestamp');
    expect(verify({ ...headers, 'x-slack-request-timestamp': '-1' }, TS)).toBe('bad_timestamp');
  });
});
