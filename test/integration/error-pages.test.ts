import { wecomServiceEnv } from '../helpers/wecom-callback';
import { useTestDb } from '../helpers/db';
import { signedPost, startService, type TestService } from '../helpers/service';
import { FakeWecom } from '../helpers/wecom-api';

// What a client is told when its request fails, on every route: a short JSON error with the request
// id, whatever NODE_ENV is (express's own error page shows the stack trace outside production).

useTestDb();
let wecom: FakeWecom;
beforeAll(async () => {
  wecom = await new FakeWecom().start();
});
afterAll(async () => wecom.stop());

/** Slack, the WeCom app and bot, and the sandbox in one service, built with NODE_ENV set to `env`. */
async function startAll(env: string): Promise<TestService> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = env;
  try {
    return await startService({
      NODE_ENV: env,
      ...wecomServiceEnv(wecom.url),
      SANDBOX_ENABLED: 'true',
      HOST: '127.0.0.1',
    });
  } finally {
    process.env.NODE_ENV = before;
  }
}

const big = (bytes: number) => JSON.stringify({ text: 'x'.repeat(bytes) });

// [what, method, path, content type, body, status, error]
const FAILURES: [string, string, string, string, string, number, string][] = [
  ['a JSON syntax error on the WeCom bot callback', 'POST', '/wecom/bot?msg_signature=a&timestamp=1&nonce=n', 'application/json', '{"encrypt":', 400, 'invalid_json'],
  ['a body over the WeCom bot limit', 'POST', '/wecom/bot', 'application/json', big(600 * 1024), 413, 'payload_too_large'],
  ['a body over the WeCom app callback limit', 'POST', '/wecom/callback', 'text/xml', 'x'.repeat(600 * 1024), 413, 'payload_too_large'],
  ['a JSON syntax error in the sandbox API', 'POST', '/sandbox/api/command', 'application/json', '{', 400, 'invalid_json'],
  ['a body over the sandbox API limit', 'POST', '/sandbox/api/command', 'application/json', big(300 * 1024), 413, 'payload_too_large'],
  ['a body over the Slack limit', 'POST', '/slack/events', 'application/x-www-form-urlencoded', 'x'.repeat(5 * 1024 * 1024), 413, 'payload_too_large'],
  ['a path nobody serves', 'GET', '/wp-admin/install.php', '', '', 404, 'not_found'],
];

describe.each(['development', 'test', 'production'])('error answers with NODE_ENV=%s', (env) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startAll(env);
  });
  afterAll(async () => svc.close());

  it.each(FAILURES)('should answer %s with a short JSON error and the request id, no stack trace or path', async (_what, method, path, contentType, body, status, error) => {
    const res = await fetch(`${svc.url}${path}`, { method, headers: contentType ? { 'content-type': contentType } : {}, body: body || undefined });
    const text = await res.text();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(text)).toEqual({ error, requestId: res.headers.get('x-request-id') });
    expect(text).not.toMatch(/\bat \w|node_modules|raw-body|\/src\/|Error/);
  });

  it('should give back the caller\'s own request id, and replace one that is not an id', async () => {
    const mine = await fetch(`${svc.url}/sandbox/api/command`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' }, body: '{' });
    expect(await mine.json()).toEqual({ error: 'invalid_json', requestId: 'req-42' });
    const odd = await fetch(`${svc.url}/nope`, { headers: { 'x-request-id': '<script>alert(1)</script>' } });
    const { requestId } = (await odd.json()) as { requestId: string };
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(odd.headers.get('x-request-id')).toBe(requestId);
  });

  it('should answer a signed Slack request with a 401 JSON error when its signature is wrong', async () => {
    const res = await signedPost(svc, 'team_id=T1&user_id=U1&command=%2Flead&text=list', { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: 'invalid_signature', requestId: expect.any(String) });
  });
});
