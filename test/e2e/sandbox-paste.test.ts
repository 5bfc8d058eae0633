import type { Browser } from 'playwright-core';
import { testDbUri, useTestDb } from '../helpers/db';
import { launchChromium, startSandbox, type SandboxService } from '../helpers/sandbox';
import { seedDemoWorkspace } from '../../src/modules/demo/demo-seed.service';
import { interactionsOf, leadByCompany } from '../helpers/app-data';

// A rep pastes a customer's e-mail signature into the sandbox's command box: its lines must reach
// the lead parser as lines (an <input type=text> drops the line breaks).

const db = useTestDb();
let svc: SandboxService;
let browser: Browser;

beforeAll(async () => {
  await seedDemoWorkspace({ DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' });
  svc = await startSandbox({ SANDBOX_ENABLED: 'true', MONGODB_DB: db.dbName }, testDbUri());
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

describe('pasting into the sandbox', () => {
  it('should keep a pasted signature line by line, send it with Enter, and read each line as a field', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${svc.url}/sandbox?as=sam`);
    const signature = ['/lead add Priya Raman', 'Head of Procurement | Contoso Pharma Ltd', 'T: +44 20 7946 0958 | M: +86 139 2222 3333', 'E: priya@contoso-pharma.example'].join('\n');
    await page.fill('#command', signature);
    await expect(page.locator('#command').inputValue()).resolves.toBe(signature);
    await page.press('#command', 'Enter');
    await page.locator('#chat-panes article.msg-bot', { hasText: 'Created L-' }).last().waitFor();

    const lead = await leadByCompany('Contoso Pharma Ltd');
    expect(lead).toMatchObject({ contactName: 'Priya Raman', emails: ['priya@contoso-pharma.example'], keys: { phones: ['+442079460958', '+8613922223333'] } });
    const notes = await interactionsOf(lead!);
    expect(notes.map((n) => n.text)).toEqual(['Head of Procurement']);
    await context.close();
  }, 60000);

  it('should start a new line with Shift+Enter instead of sending', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${svc.url}/sandbox?as=sam`);
    await page.locator('#command').pressSequentially('/lead add Fabrikam Ltd');
    await page.press('#command', 'Shift+Enter');
    await page.locator('#command').pressSequentially('Dana Ito');
    await expect(page.locator('#command').inputValue()).resolves.toBe('/lead add Fabrikam Ltd\nDana Ito');
    await context.close();
  }, 60000);
});
