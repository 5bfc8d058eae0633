import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { testDbUri, useTestDb } from '../helpers/db';
import { launchChromium, sandboxPost, startSandbox, type SandboxService } from '../helpers/sandbox';
import { seedDemoWorkspace } from '../../src/modules/demo/demo-seed.service';

// The sandbox page in Debian's Chromium, against the real app and database: what a newcomer does
// first. Screenshots go to docs/screenshots/ with UPDATE_SCREENSHOTS=1 (commit them), otherwise to
// a temporary folder, so a test run leaves the work tree alone.

const db = useTestDb();

const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.resolve(__dirname, '../../docs/screenshots') : mkdtempSync(path.join(tmpdir(), 'chatcrm-shots-'));
mkdirSync(SHOTS, { recursive: true });
const shot = (l: Locator | Page, name: string) => l.screenshot({ path: path.join(SHOTS, name), animations: 'disabled' });

/** A message on its own, its pane unrolled for the moment (a pane scrolls, which would clip it). */
async function shotMessage(message: Locator, name: string): Promise<void> {
  // Runs in the page (the tests compile without the DOM types, hence the small structural type).
  const unroll = (el: { closest(s: string): { style: { maxHeight: string } } | null }, on: boolean) => {
    el.closest('.messages')!.style.maxHeight = on ? 'none' : '';
  };
  await message.evaluate(unroll, true);
  await shot(message, name);
  await message.evaluate(unroll, false);
}

let svc: SandboxService;
let browser: Browser;

beforeAll(async () => {
  await seedDemoWorkspace({ DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' });
  // With the database's address the scheduled jobs exist too, for the Run now buttons.
  svc = await startSandbox({ SANDBOX_ENABLED: 'true', MONGODB_DB: db.dbName }, testDbUri());
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
  await svc?.close();
  if (!process.env.UPDATE_SCREENSHOTS) rmSync(SHOTS, { recursive: true, force: true });
});

async function type(page: Page, text: string): Promise<void> {
  await page.fill('#command', text);
  await page.press('#command', 'Enter');
}

/** The newest answer from ChatCRM in the chat pane that contains `text`. */
const answer = (page: Page, text: string) => page.locator('#chat-panes article.msg-bot', { hasText: text }).last();

describe('the sandbox in Chromium', () => {
  it('should add a lead by typing, warn on a duplicate, advance it with a button, show it in Chinese and show the platform JSON', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${svc.url}/`);
    expect(new URL(page.url()).pathname).toBe('/sandbox');
    await expect(page.locator('h1').textContent()).resolves.toBe('ChatCRM sandbox');
    await page.selectOption('#as', 'sam');
    await page.locator('#chat-panes h3.pane-title', { hasText: 'Chat with ChatCRM as Sam Carter' }).waitFor();

    const add = '/lead add Northwind Traders; Ada Park; +86 139 8765 4321; ada@northwind.example; source: expo; value: 20k';
    await type(page, add);
    const created = answer(page, 'Created L-');
    await created.waitFor();
    const id = /Created (L-\d+)/.exec((await created.textContent()) ?? '')![1];
    await expect(created.locator('.card-title').textContent()).resolves.toBe(`${id} · Northwind Traders`);
    await shotMessage(created, 'lead-card.png');

    await type(page, add);
    const duplicate = answer(page, `Possible duplicate of ${id}`);
    await duplicate.locator('.card.tone-warning').waitFor();
    await expect(duplicate.locator('button').allTextContents()).resolves.toEqual([`Open ${id}`, 'Create anyway']);
    await shotMessage(duplicate, 'duplicate-warning.png');

    // The button replaces the card it is on, like Slack's replace_original.
    const messageId = await created.getAttribute('data-message-id');
    const count = await page.locator('#chat-panes article').count();
    await created.locator('button[data-action-id="lead_advance"]').click();
    const moved = page.locator(`article[data-message-id="${messageId}"][data-rev="2"]`);
    await moved.waitFor();
    await expect(moved.locator('.card-text').textContent()).resolves.toBe(`${id} moved to Contacted.`);
    await expect(page.locator('#chat-panes article').count()).resolves.toBe(count);

    // The language switch sends /crm lang as Sam and reloads the page in that language.
    await Promise.all([page.waitForEvent('load'), page.selectOption('#lang', 'zh-CN')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('ChatCRM 沙盒');
    await expect(page.locator('#as').inputValue()).resolves.toBe('sam');
    await type(page, `/lead show ${id}`);
    const zh = answer(page, '推进到');
    await zh.waitFor();
    await expect(zh.locator('.card-title').textContent()).resolves.toBe(`${id} · Northwind Traders`);
    await expect(zh.locator('.card-field dt').allTextContents()).resolves.toEqual(expect.arrayContaining(['联系人', '阶段', '金额', '负责人']));
    await expect(zh.locator('.card-field', { hasText: '阶段' }).locator('dd').textContent()).resolves.toBe('已联系');
    await shotMessage(zh, 'lead-card-zh.png');

    // The same reply as Slack Block Kit and as a WeCom template_card.
    await expect(zh.locator('pre.raw-slack').isVisible()).resolves.toBe(false);
    await zh.locator('details.raw summary').click();
    await expect(zh.locator('pre.raw-slack').isVisible()).resolves.toBe(true);
    const slack = JSON.parse((await zh.locator('pre.raw-slack').textContent())!);
    expect(slack.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: `${id} · Northwind Traders`, emoji: true } });
    const wecom = JSON.parse((await zh.locator('pre.raw-wecom').textContent())!);
    expect(wecom[0].msgtype).toBe('template_card');
    expect(wecom[0].template_card.card_type).toBe('button_interaction');
    // A change elsewhere (another member's command) must not close the toggle when the page redraws.
    const before = await page.locator('body').getAttribute('data-version');
    await sandboxPost(svc, 'command', { as: 'ana', text: '/lead list' });
    for (let i = 0; i < 100 && (await page.locator('body').getAttribute('data-version')) === before; i++) await page.waitForTimeout(100);
    expect(await page.locator('body').getAttribute('data-version')).not.toBe(before);
    await expect(zh.locator('details.raw').getAttribute('open')).resolves.toBe('');
    await shotMessage(zh, 'platform-json.png');

    expect(errors).toEqual([]);
    await context.close();
  }, 90000);

  it('should open the lead form, show field errors under the fields, save it, and show the new owner’s DM live', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    // The new owner in a browser of their own, to see the direct message arrive without reloading
    // (a second tab of the same window would be a background tab, which Chromium slows down).
    const ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const owner = await ownerContext.newPage();
    await page.goto(`${svc.url}/sandbox`);
    await owner.goto(`${svc.url}/sandbox?as=li.wei`);
    await expect(page.locator('#as').inputValue()).resolves.toBe('ana');

    await type(page, '/lead add');
    const form = page.locator('form[data-form-id="lead_add_form"]');
    await form.waitFor();
    await form.locator('[name="contact"]').fill('Megan Bowen');
    await form.locator('button[type="submit"]').click();
    const error = page.locator('form[data-form-id="lead_add_form"] .field-error[data-error-for="company"]');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe('The company is missing.');
    await expect(page.locator('form[data-form-id="lead_add_form"] [name="contact"]').inputValue()).resolves.toBe('Megan Bowen');
    await shotMessage(page.locator('article', { has: form }), 'lead-form.png');

    await page.locator('form[data-form-id="lead_add_form"] [name="company"]').fill('Adventure Works');
    await page.locator('form[data-form-id="lead_add_form"] button[type="submit"]').click();
    const created = answer(page, 'Adventure Works');
    await created.waitFor();
    await expect(page.locator('form[data-form-id="lead_add_form"]').count()).resolves.toBe(0);

    await created.locator('button[data-action-id="lead_reassign"]').click();
    const reassign = page.locator('form[data-form-id="lead_reassign_form"]');
    await reassign.waitFor();
    await reassign.locator('select[name="owner"]').selectOption('li.wei');
    await reassign.locator('button[type="submit"]').click();

    const dm = owner.locator('#dm-panes section[data-pane-id="dm:li.wei"]');
    await dm.waitFor();
    // 李伟's page is in his language (Chinese), like the message itself.
    await expect(dm.locator('h3.pane-title').textContent()).resolves.toBe('发给 李伟 Li Wei');
    await expect(dm.locator('.card-text').first().textContent()).resolves.toMatch(/^Ana Souza 把 L-\d+ 转给了你。$/);
    await ownerContext.close();
    await context.close();
  }, 90000);

  it('should post a new ticket to #support and, when two people click Claim at once, give it to one and tell the other', async () => {
    const reporter = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const agent = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const manager = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [sam, zhou, wang] = await Promise.all([reporter.newPage(), agent.newPage(), manager.newPage()]);
    await Promise.all([sam.goto(`${svc.url}/sandbox?as=sam`), zhou.goto(`${svc.url}/sandbox?as=zhou.min`), wang.goto(`${svc.url}/sandbox?as=wang.fang`)]);

    await type(sam, '/ticket new The export button does nothing priority: high');
    // Sam may read Chinese by now (the first scenario switched his language).
    const opened = sam.locator('section[data-pane-id="chat:sam"] article.msg-bot', { hasText: /(Opened|已创建) T-\d+/ }).last();
    await opened.waitFor();
    const ref = /(?:Opened|已创建) (T-\d+)/.exec((await opened.textContent()) ?? '')![1];

    // Both support-side users see the card in the #support pane, live.
    const cardIn = (page: Page) => page.locator('section[data-pane-id="channel:support"] article', { hasText: `${ref} · The export button does nothing` });
    await Promise.all([cardIn(zhou).waitFor(), cardIn(wang).waitFor()]);
    await shotMessage(cardIn(zhou), 'ticket-card.png');

    await Promise.all([
      cardIn(zhou).locator('button[data-action-id="ticket_claim"]').click(),
      cardIn(wang).locator('button[data-action-id="ticket_claim"]').click(),
    ]);
    const told = (page: Page, who: string) => page.locator(`section[data-pane-id="chat:${who}"] article.msg-bot`, { hasText: new RegExp(`${ref}.*认领|认领 ${ref}`) });
    const toldZhou = told(zhou, 'zhou.min');
    const toldWang = told(wang, 'wang.fang');
    await Promise.all([toldZhou.first().waitFor(), toldWang.first().waitFor()]);
    const texts = [(await toldZhou.last().textContent()) ?? '', (await toldWang.last().textContent()) ?? ''];
    // One was told they claimed it, the other who has it (both read Chinese in the demo workspace).
    expect(texts.filter((t) => t.includes(`你已认领 ${ref}`))).toHaveLength(1);
    expect(texts.filter((t) => t.includes(`${ref} 已被`) && t.includes('认领'))).toHaveLength(1);

    // Every copy of the card now says who claimed it, and offers Resolve instead of Claim.
    for (const page of [zhou, wang, sam]) {
      const card = page.locator('section[data-pane-id="channel:support"] article', { hasText: `${ref} ·` });
      await card.locator('.card', { hasText: /Claimed by|已认领/ }).waitFor();
      await expect(card.locator('button[data-action-id="ticket_claim"]').count()).resolves.toBe(0);
    }
    await Promise.all([reporter.close(), agent.close(), manager.close()]);
  }, 90000);

  it('should fit a 420 px wide phone screen, in the chosen member’s language, with a card and its JSON open', async () => {
    const context = await browser.newContext({ viewport: { width: 420, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${svc.url}/sandbox?as=li.wei`);
    // 李伟 reads Chinese: the page is in Chinese without touching the language switch.
    await expect(page.locator('h1').textContent()).resolves.toBe('ChatCRM 沙盒');
    await type(page, '新建线索 宁波海港贸易有限公司；陈刚；135 5555 6666；chen.gang@ningbo-harbour-trading.example；来源：展会');
    const created = page.locator('#chat-panes article.msg-bot', { hasText: '宁波海港贸易有限公司' }).last();
    await created.waitFor();
    await created.locator('details.raw summary').click();
    await created.locator('pre.raw-wecom').waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(420);
    await shot(page, 'sandbox-420.png');
    await context.close();
  }, 90000);

  it('should run the weekly digest now and show it to the manager, in her language', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${svc.url}/sandbox?as=wang.fang`);
    await page.locator('button[data-job="weekly-digest"]').click();
    // 王芳 reads Chinese, so her page does too.
    await page.locator('#jobs-status', { hasText: /^每周简报（最近七天，立即）：排队 [1-9]\d* 条，已发送 [1-9]\d* 条。$/ }).waitFor();
    // No digest channel in the demo: the team's manager gets it by direct message, in Chinese.
    const digest = page.locator('section[data-pane-id="dm:wang.fang"] article', { hasText: '销售漏斗 ·' }).last();
    await digest.waitFor();
    await expect(digest.locator('.card-title').textContent()).resolves.toMatch(/^销售漏斗 · east · /);
    await expect(digest.textContent()).resolves.toContain('新线索');
    await shotMessage(digest, 'digest-zh.png');
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'sandbox.png');
    await context.close();
  }, 90000);
});
