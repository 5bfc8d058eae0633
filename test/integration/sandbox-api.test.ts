import { useTestDb } from '../helpers/db';
import { sandboxPost, startSandbox, type SandboxService } from '../helpers/sandbox';
import { seedDemoWorkspace } from '../../src/modules/demo/demo-seed.service';
import type { Card, Form, Reply } from '../../src/platform/cards/card';
import { t } from '../../src/platform/i18n';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/platform/logger';

// The sandbox's HTTP API over a real app and database, no browser: typed commands, buttons and
// forms reach the dispatcher as the chosen demo member, and the feed shows what a user would see.

useTestDb();

interface Pane {
  id: string;
  kind: string;
  title: string;
  messages: { id: string; rev: number; html: string }[];
}
type Answer = { version: string; reply: Reply };

let svc: SandboxService;
const say = (as: string, text: string) => sandboxPost<Answer>(svc, 'command', { as, text });
const click = (as: string, card: Card, actionId: string, messageId?: string) => {
  const a = card.actions!.find((x) => x.id === actionId)!;
  return sandboxPost<Answer>(svc, 'action', { as, actionId: a.id, value: a.value, messageId });
};
type Feed = { version: string; unchanged?: boolean; panes: Pane[] };
async function feed(as: string, since = ''): Promise<Feed> {
  return (await (await fetch(`${svc.url}/sandbox/api/feed?as=${encodeURIComponent(as)}&since=${since}`)).json()) as Feed;
}
const pane = async (as: string, id: string) => (await feed(as)).panes.find((p) => p.id === id);
const cardText = (c: Card) => [c.title, c.text, ...(c.fields ?? []).map((f) => `${f.label}: ${f.value}`), ...(c.lines ?? [])].join('\n');

beforeAll(async () => {
  await seedDemoWorkspace({ DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' });
  svc = await startSandbox({ SANDBOX_ENABLED: 'true' });
}, 60000);
afterAll(async () => {
  await svc.close();
});

describe('the sandbox API', () => {
  it('should redirect / to the page and serve the page and its script', async () => {
    const root = await fetch(`${svc.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/sandbox');
    const page = await fetch(`${svc.url}/sandbox`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<title>ChatCRM sandbox</title>');
    for (const who of ['Ana Souza (admin)', '王芳 Wang Fang (manager)', '李伟 Li Wei (sales rep)', 'Sam Carter (sales rep)', '周敏 Zhou Min (support)']) expect(html).toContain(who);
    expect(html).toContain('id="jobs"');
    expect((await fetch(`${svc.url}/sandbox/app.js`)).headers.get('content-type')).toContain('javascript');
  });

  it('should show the seeded demo workspace: leads in every stage, in both languages', async () => {
    const { status, body } = await say('ana', 'lead list');
    expect(status).toBe(200);
    expect(body.reply.cards[0].title).toBe('Leads you can see (14)');
    for (const stage of ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost']) {
      const r = await say('ana', `/lead list stage ${stage}`);
      expect(r.body.reply.cards[0].title).not.toMatch(/\(0\)$/);
    }
    const zh = await say('li.wei', '查看线索 L-2');
    expect(zh.body.reply.locale).toBe('zh-CN');
    expect(cardText(zh.body.reply.cards[0])).toContain('北京云途信息技术有限公司');
    expect(cardText(zh.body.reply.cards[0])).toContain('阶段: 已确认需求');
    expect(cardText(zh.body.reply.cards[0])).toContain('与IT负责人开会');
  });

  it('should read the typed grammar, Chinese aliases included, and answer in the member’s chat pane', async () => {
    const r = await say('sam', '新建线索 宁波海风贸易有限公司；周杰；138 5555 6666');
    expect(r.body.reply.cards[0].text).toMatch(/^Created L-\d+, owned by Sam Carter\.$/);
    const chat = await pane('sam', 'chat:sam');
    expect(chat!.title).toBe('Chat with ChatCRM as Sam Carter');
    expect(chat!.messages.map((m) => m.html)).toEqual([
      expect.stringContaining('<code>新建线索 宁波海风贸易有限公司；周杰；138 5555 6666</code>'),
      expect.stringContaining('宁波海风贸易有限公司'),
    ]);
    expect(chat!.messages[1].html).toContain('data-action-id="lead_advance"');
    expect(chat!.messages[1].html).toContain('class="raw-slack"');
    expect(chat!.messages[1].html).toContain('&quot;card_type&quot;: &quot;button_interaction&quot;');
    expect((await say('sam', 'hello there')).body.reply.cards[0].text).toContain('I did not understand that');
  });

  it('should replace the clicked card when a button moves a lead, and say “changed meanwhile” on an old card', async () => {
    const added = await say('ana', '/lead add Fabrikam Inc; Nestor Wilke; nestor@fabrikam.example');
    const chat = (await pane('ana', 'chat:ana'))!;
    const cardMsg = chat.messages[chat.messages.length - 1];
    const card = added.body.reply.cards[0];
    const moved = await click('ana', card, 'lead_advance', cardMsg.id);
    expect(moved.body.reply.replaceOriginal).toBe(true);
    expect(moved.body.reply.cards[0].text).toMatch(/moved to Contacted/);
    const after = (await pane('ana', 'chat:ana'))!;
    expect(after.messages).toHaveLength(chat.messages.length);
    expect(after.messages[after.messages.length - 1]).toMatchObject({ id: cardMsg.id, rev: 2 });
    expect(after.messages[after.messages.length - 1].html).toContain('moved to Contacted');
    const stale = await click('ana', card, 'lead_advance');
    expect(stale.body.reply.cards[0].text).toMatch(/changed by someone else/);
  });

  it('should open a form, keep it open with errors under the fields, then close it and DM the new owner', async () => {
    const opened = await say('ana', '/lead add');
    const form = opened.body.reply.form as Form;
    expect(form.id).toBe('lead_add_form');
    const chat = (await pane('ana', 'chat:ana'))!;
    const formMsg = chat.messages[chat.messages.length - 1];
    expect(formMsg.html).toContain('data-form-id="lead_add_form"');
    const bad = await sandboxPost<Answer>(svc, 'form', { as: 'ana', formId: form.id, metadata: form.metadata, values: { company: '', contact: 'Ada' }, messageId: formMsg.id });
    expect(bad.body.reply.formErrors).toEqual({ company: 'The company is missing.' });
    const shown = (await pane('ana', 'chat:ana'))!.messages.find((m) => m.id === formMsg.id)!;
    expect(shown.html).toContain('<p class="field-error" data-error-for="company">The company is missing.</p>');
    expect(shown.html).toContain('value="Ada"');
    const ok = await sandboxPost<Answer>(svc, 'form', { as: 'ana', formId: form.id, metadata: form.metadata, values: { company: 'Tailspin Toys', contact: 'Ada Park' }, messageId: formMsg.id });
    const lead = ok.body.reply.cards[0];
    expect(lead.title).toMatch(/^L-\d+ · Tailspin Toys$/);
    expect((await pane('ana', 'chat:ana'))!.messages.some((m) => m.id === formMsg.id)).toBe(false);

    const reassign = await click('ana', lead, 'lead_reassign');
    const rf = reassign.body.reply.form as Form;
    expect(rf.fields[0].kind).toBe('user');
    const html = (await pane('ana', 'chat:ana'))!.messages.at(-1)!.html;
    expect(html).toContain('<option value="li.wei">李伟 Li Wei</option>');
    await sandboxPost<Answer>(svc, 'form', { as: 'ana', formId: rf.id, metadata: rf.metadata, values: { owner: 'li.wei' } });
    const dm = await pane('ana', 'dm:li.wei');
    expect(dm!.title).toBe('To 李伟 Li Wei');
    // The DM is in the recipient's language.
    expect(dm!.messages[0].html).toContain('Ana Souza 把 L-');
  });

  it('should cancel a form', async () => {
    await say('sam', '/lead add');
    const formMsg = (await pane('sam', 'chat:sam'))!.messages.at(-1)!;
    expect((await sandboxPost(svc, 'form/cancel', { as: 'sam', messageId: formMsg.id })).status).toBe(200);
    expect((await pane('sam', 'chat:sam'))!.messages.some((m) => m.id === formMsg.id)).toBe(false);
  });

  it('should say when nothing changed since the version the page has', async () => {
    const first = await feed('ana');
    expect(await feed('ana', first.version)).toEqual({ version: first.version, unchanged: true });
    await say('ana', 'help');
    expect((await feed('ana', first.version)).unchanged).toBeUndefined();
  });

  it('should answer in Chinese after /crm lang zh-CN, on the same card', async () => {
    const before = await say('sam', '/lead show L-8');
    expect(cardText(before.body.reply.cards[0])).toContain('Stage: Proposal');
    expect((await say('sam', '/crm lang zh-CN')).body.reply.cards[0].text).toBe(t('zh-CN', 'crm.lang_set', { locale: 'zh-CN' }));
    const after = await say('sam', '/lead show L-8');
    expect(after.body.reply.cards[0].title).toBe(before.body.reply.cards[0].title);
    expect(cardText(after.body.reply.cards[0])).toContain('阶段: 方案报价');
    await say('sam', '/crm lang en');
  });

  it('should pass search-as-you-type queries on and return the options', async () => {
    const r = await sandboxPost<{ options: { value: string; label: string }[] }>(svc, 'suggest', { as: 'ana', field: 'lead', query: 'Globex' });
    expect(r.status).toBe(200);
    expect(r.body.options.map((o) => o.label).join('\n')).toContain('Globex Inc');
  });

  it('should refuse unknown members and malformed requests', async () => {
    const who = await say('mallory', 'lead list');
    expect(who.status).toBe(400);
    expect(who.body).toEqual({ error: 'There is no demo member “mallory”.' });
    const bad = await sandboxPost<{ error: string }>(svc, 'action', { as: 'ana', actionId: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/actionId/);
    const badJson = await fetch(`${svc.url}/sandbox/api/command`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(badJson.status).toBe(400);
  });
});

describe('the logs of a request', () => {
  it('should carry the request id on the lines written while handling it, not only on the access line', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString())), done()) });
    const logged = await startSandbox({ SANDBOX_ENABLED: 'true' }, undefined, createLogger('info', sink));
    try {
      const r = await sandboxPost(logged, 'command', { as: 'sam', text: '/lead show L-9999' }, { 'x-request-id': 'req-show-9999' });
      expect(r.status).toBe(200);
      const refused = lines.find((l) => l.msg === 'request refused');
      expect(refused).toMatchObject({ reqId: 'req-show-9999', code: 'not_found' });
      expect(lines.find((l) => l.msg === 'request completed')).toMatchObject({ req: { id: 'req-show-9999' } });
    } finally {
      await logged.close();
    }
  });
});
