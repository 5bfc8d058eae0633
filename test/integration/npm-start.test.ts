import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../helpers/slack';
import { buttons, click, slash, visibleText, type SlackMessage, type TestService } from '../helpers/service';

// Runs the real entry point (what `npm start` runs) as a child process with no database configured,
// so it starts its embedded database under DATA_DIR, and talks to it over HTTP only.
const ROOT = path.resolve(__dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Running {
  url: string;
  child: ChildProcess;
  output: () => string;
}

async function startMain(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), DATA_DIR: mkdtempSync(path.join(tmpdir(), 'chatcrm-start-')), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited: ${out}`);
    if (Date.now() > until) throw new Error(`the service did not answer /healthz: ${out}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, output: () => out };
}

async function stop(r: Running): Promise<number | null> {
  if (r.child.exitCode !== null) return r.child.exitCode;
  const exited = new Promise<number | null>((resolve) => r.child.once('exit', (code) => resolve(code)));
  r.child.kill('SIGTERM');
  return exited;
}

describe('the service as `npm start` runs it', () => {
  it('should answer /healthz and /readyz with 200 with no environment at all, and say which database it used', async () => {
    const r = await startMain({});
    try {
      expect((await fetch(`${r.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${r.url}/readyz`)).status).toBe(200);
      expect(r.output()).toContain('embedded ferretdb');
      expect(r.output()).toContain('Slack is off');
      // A newcomer's first page: the sandbox, with the seeded demo workspace.
      const home = await fetch(`${r.url}/`);
      expect(home.status).toBe(200);
      const html = await home.text();
      expect(html).toContain('ChatCRM sandbox');
      expect(html).toContain('Sam Carter');
    } finally {
      expect(await stop(r)).toBe(0);
    }
  }, 90000);

  it('should create a lead from a signed /lead add, show it, warn on a duplicate and refuse bad signatures', async () => {
    const slack = await new FakeSlack().start();
    const r = await startMain({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl });
    const svc: TestService = { url: r.url, slack, close: async () => undefined };
    try {
      const text = 'add Acme Ltd; Zhang Wei; +86 138-1234-5678; zhang@acme.cn; source: expo; value: 50k; next: friday call back';
      const created = visibleText((await slash(svc, '/lead', text)).body);
      expect(created).toContain('Created L-1, owned by admin.');
      expect(visibleText((await slash(svc, '/lead', 'show L-1')).body)).toContain('L-1 · Acme Ltd');
      expect(visibleText((await slash(svc, '/lead', text)).body)).toContain('Possible duplicate of L-1');
      expect((await slash(svc, '/lead', 'add Evil Ltd; Mallory', { secret: 'wrong' })).status).toBe(401);
      expect((await slash(svc, '/lead', 'add Old Ltd; Trudy', { ts: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
      expect(visibleText((await slash(svc, '/lead', 'find evil')).body)).toContain('No leads.');
      expect(visibleText((await slash(svc, '/lead', 'find old')).body)).toContain('No leads.');

      // Tickets: a signed /ticket new posts the card to the support channel; a signed Claim updates it.
      await slash(svc, '/crm', 'config support-channel <#CSUPPORT|support>');
      expect(visibleText((await slash(svc, '/ticket', 'new L-1 invoice is wrong')).body)).toContain('Opened T-1.');
      await slack.waitFor(() => slack.called('chat.postMessage').some((c) => c.body.channel === 'CSUPPORT'));
      const card = slack.called('chat.postMessage').find((c) => c.body.channel === 'CSUPPORT')!.body as SlackMessage;
      expect(visibleText(card)).toContain('T-1 · invoice is wrong');
      const claimed = await click(svc, buttons(card).find((b) => b.label === 'Claim')!);
      await slack.waitFor(() => slack.called('chat.update').length > 0 && slack.responses(claimed.responseId).length > 0);
      expect(visibleText(slack.called('chat.update')[0].body as SlackMessage)).toContain('Claimed by admin');
      expect(visibleText(slack.responses(claimed.responseId)[0].body as SlackMessage)).toContain('You claimed T-1.');
    } finally {
      expect(await stop(r)).toBe(0);
      await slack.stop();
    }
  }, 90000);
});
