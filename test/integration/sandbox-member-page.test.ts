import { useTestDb, testDbUri } from '../helpers/db';
import { startSandbox, type SandboxService } from '../helpers/sandbox';
import { seedDemoWorkspace } from '../../src/modules/demo/demo-seed.service';

// A sandbox link "as someone" opens the page as them and in their language, through the token's
// redirect and the root's.

const db = useTestDb();
const TOKEN = 'a-long-enough-sandbox-token-5678';
let svc: SandboxService;
beforeAll(async () => {
  await seedDemoWorkspace({ DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' });
  svc = await startSandbox({ SANDBOX_ENABLED: 'true', SANDBOX_TOKEN: TOKEN, MONGODB_DB: db.dbName }, testDbUri());
});
afterAll(async () => svc?.close());

/** Follows redirects by hand, carrying cookies: the addresses visited and the last page. */
async function open(path: string, cookies: string[] = []): Promise<{ hops: string[]; html: string; cookies: string[] }> {
  const hops: string[] = [];
  let at = path;
  for (let i = 0; i < 5; i++) {
    const res = await fetch(`${svc.url}${at}`, { redirect: 'manual', headers: { cookie: cookies.join('; ') } });
    const set = res.headers.get('set-cookie');
    if (set) cookies = [...cookies, set.split(';')[0]];
    if (res.status !== 302) return { hops, html: await res.text(), cookies };
    at = res.headers.get('location')!;
    hops.push(at);
  }
  throw new Error('too many redirects');
}

const selected = (html: string) => /<option value="([^"]+)" selected>/.exec(html)?.[1];
const lang = (html: string) => /<html lang="([^"]+)">/.exec(html)?.[1];

describe('the sandbox page for a chosen member', () => {
  it('should keep ?as= through the token redirect and the root redirect', async () => {
    const viaRoot = await open(`/?token=${TOKEN}&as=sam`);
    expect(viaRoot.hops.at(-1)).toBe('/sandbox?as=sam');
    expect(selected(viaRoot.html)).toBe('sam');
    const direct = await open(`/sandbox?as=zhou.min&token=${TOKEN}`);
    expect(direct.hops).toEqual(['/sandbox?as=zhou.min']);
    expect(selected(direct.html)).toBe('zhou.min');
  });

  it('should speak the chosen member’s language: Chinese for 王芳, English for Sam, whatever the last page was', async () => {
    const { cookies } = await open(`/sandbox?token=${TOKEN}`);
    const wang = await open('/sandbox?as=wang.fang', cookies);
    expect(lang(wang.html)).toBe('zh-CN');
    expect(wang.html).toContain('ChatCRM 沙盒');
    const sam = await open('/sandbox?as=sam', [...cookies, 'chatcrm_sandbox_lang=zh-CN']);
    expect(lang(sam.html)).toBe('en');
    expect(sam.html).toContain('ChatCRM sandbox');
  });

  it('should follow a member who chose another language (the page remembers it per member)', async () => {
    const { cookies } = await open(`/sandbox?token=${TOKEN}`);
    const sam = await open('/sandbox?as=sam', [...cookies, 'chatcrm_sandbox_lang.sam=zh-CN']);
    expect(lang(sam.html)).toBe('zh-CN');
    const ana = await open('/sandbox?as=ana', [...cookies, 'chatcrm_sandbox_lang.sam=zh-CN']);
    expect(lang(ana.html)).toBe('en');
    const feed = await fetch(`${svc.url}/sandbox/api/feed?as=sam`, { headers: { cookie: [...cookies, 'chatcrm_sandbox_lang.sam=zh-CN'].join('; ') } });
    const body = (await feed.json()) as { panes: { title: string }[] };
    expect(body.panes[0].title).toMatch(/Sam Carter/);
    expect(body.panes[0].title).not.toMatch(/^Chat with/);
  });
});
