import { request } from 'node:http';
import { useTestDb } from '../helpers/db';
import { sandboxPost, startSandbox, type SandboxService } from '../helpers/sandbox';
import { ConfigError, loadConfig } from '../../src/config';
import { startService } from '../helpers/service';

// SANDBOX_ENABLED / SANDBOX_TOKEN: when the sandbox is on, when a token is required, and that every
// sandbox request carries it (query once, then the cookie, or the header).

useTestDb();

const TOKEN = 'a-long-enough-sandbox-token-1234';

describe('sandbox configuration', () => {
  it('should turn the sandbox on by default without a platform, listening on loopback only', () => {
    const c = loadConfig({});
    expect(c.sandboxEnabled).toBe(true);
    expect(c.HOST).toBe('127.0.0.1');
  });

  it('should leave it off by default when Slack or WeCom is configured, and keep HOST as it was', () => {
    const slack = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'secret' });
    expect(slack.sandboxEnabled).toBe(false);
    expect(slack.HOST).toBe('0.0.0.0');
    const wecom = loadConfig({ WECOM_CORP_ID: 'ww1', WECOM_AGENT_ID: '1000002', WECOM_SECRET: 's', WECOM_TOKEN: 't', WECOM_ENCODING_AES_KEY: 'a'.repeat(43) });
    expect(wecom.sandboxEnabled).toBe(false);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'secret', SANDBOX_ENABLED: 'true', SANDBOX_TOKEN: TOKEN }).sandboxEnabled).toBe(true);
  });

  it('should require SANDBOX_TOKEN when the sandbox is on and HOST is not loopback', () => {
    const configError = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(configError({ HOST: '0.0.0.0' })).toMatch(/^\s*SANDBOX_TOKEN: required/m);
    expect(configError({ SANDBOX_ENABLED: 'true', SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 's' })).toMatch(/SANDBOX_TOKEN/);
    expect(configError({ HOST: '0.0.0.0', SANDBOX_TOKEN: 'short' })).toMatch(/^\s*SANDBOX_TOKEN: .*16/m);
    expect(configError({ SANDBOX_ENABLED: 'maybe' })).toMatch(/^\s*SANDBOX_ENABLED:/m);
    expect(loadConfig({ HOST: '0.0.0.0', SANDBOX_TOKEN: TOKEN })).toMatchObject({ HOST: '0.0.0.0', sandboxEnabled: true });
    expect(loadConfig({ HOST: '0.0.0.0', SANDBOX_ENABLED: 'false' }).sandboxEnabled).toBe(false);
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) expect(loadConfig({ HOST: host, SANDBOX_ENABLED: 'true' }).HOST).toBe(host);
  });
});

describe('the sandbox token', () => {
  let svc: SandboxService;
  beforeAll(async () => {
    svc = await startSandbox({ SANDBOX_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await svc.close();
  });

  it('should refuse the page, the script and the API without the token', async () => {
    for (const path of ['/', '/sandbox', '/sandbox/app.js', '/sandbox/api/feed?as=ana']) {
      expect((await fetch(`${svc.url}${path}`, { redirect: 'manual' })).status).toBe(401);
    }
    const api = await sandboxPost(svc, 'command', { as: 'ana', text: 'lead list' });
    expect(api.status).toBe(401);
    expect(api.body).toEqual({ error: expect.stringContaining('?token=') });
    expect((await fetch(`${svc.url}/sandbox?token=wrong-token-wrong-token`, { redirect: 'manual' })).status).toBe(401);
    expect((await sandboxPost(svc, 'command', { as: 'ana', text: 'x' }, { 'x-sandbox-token': 'nope' })).status).toBe(401);
  });

  it('should take the token once in the query, keep it in a cookie, and take it out of the address', async () => {
    const first = await fetch(`${svc.url}/sandbox?token=${TOKEN}&as=sam`, { redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/sandbox?as=sam');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^chatcrm_sandbox_token=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const jar = cookie.split(';')[0];
    const page = await fetch(`${svc.url}/sandbox`, { headers: { cookie: jar } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('ChatCRM sandbox');
    expect((await fetch(`${svc.url}/sandbox/api/feed?as=ana`, { headers: { cookie: jar } })).status).toBe(200);
    const root = await fetch(`${svc.url}/?token=${TOKEN}`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('set-cookie')).toContain('chatcrm_sandbox_token=');
  });

  it('should accept the token in the x-sandbox-token header', async () => {
    const r = await sandboxPost<{ reply: { cards: { title?: string }[] } }>(svc, 'command', { as: 'ana', text: 'lead list' }, { 'x-sandbox-token': TOKEN });
    expect(r.status).toBe(200);
    expect(r.body.reply.cards[0].title).toMatch(/^Leads you can see/);
  });

  it('should leave the health checks alone', async () => {
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  });
});

describe('with Slack configured', () => {
  it('should not serve the sandbox unless SANDBOX_ENABLED is set', async () => {
    const svc = await startService();
    try {
      expect((await fetch(`${svc.url}/sandbox`)).status).toBe(404);
      expect((await fetch(`${svc.url}/`)).status).toBe(404);
    } finally {
      await svc.close();
    }
  });
});

describe('sandbox without a token', () => {
  let svc: SandboxService;
  beforeAll(async () => {
    svc = await startSandbox({ SANDBOX_ENABLED: 'true' });
  });
  afterAll(async () => svc.close());

  it('should answer loopback names and refuse another Host (DNS rebinding) or a cross-origin POST', async () => {
    const port = new URL(svc.url).port;
    expect((await fetch(`${svc.url}/sandbox/api/feed?as=sam`)).status).toBe(200);
    // fetch() will not send another Host header; a raw request can, as a rebinding browser would.
    const withHost = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/sandbox/api/feed?as=sam', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await withHost(`attacker.example:${port}`)).toBe(401);
    expect(await withHost(`localhost:${port}`)).toBe(200);
    const post = (origin: string) =>
      fetch(`${svc.url}/sandbox/api/command`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ as: 'sam', text: 'help' }) });
    expect((await post('https://attacker.example')).status).toBe(401);
    expect((await post(svc.url)).status).toBe(200);
  });
});

describe('request logs', () => {
  it('should never write the sandbox token into the log', async () => {
    const { Writable } = await import('node:stream');
    const pino = (await import('pino')).default;
    const { createApp } = await import('../../src/app');
    let logged = '';
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, cb) => ((logged += String(chunk)), cb()) }));
    const { app } = createApp({ config: loadConfig({ SANDBOX_ENABLED: 'true', SANDBOX_TOKEN: TOKEN, HOST: '127.0.0.1' }), logger });
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    await fetch(`${url}/sandbox/?token=${TOKEN}`, { redirect: 'manual' });
    await fetch(`${url}/sandbox/api/command`, { method: 'POST', headers: { 'x-sandbox-token': TOKEN, cookie: `chatcrm_sandbox_token=${TOKEN}`, 'content-type': 'application/json' }, body: '{}' });
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    expect(logged).toContain('/sandbox');
    expect(logged).not.toContain(TOKEN);
  });
});
