import { useTestDb } from '../helpers/db';
import { sandboxPost, startSandbox, type SandboxService } from '../helpers/sandbox';
import { seedDemoWorkspace } from '../../src/modules/demo/demo-seed.service';
import type { Reply } from '../../src/platform/cards/card';
import { wecomServiceEnv, postAppCallback, textXml } from '../helpers/wecom-callback';
import { FakeWecom, type WecomCall } from '../helpers/wecom-api';
import { startService, type TestService } from '../helpers/service';
import { leadCount } from '../helpers/app-data';

// The duplicate engine on the other capture paths: an encrypted WeCom message and the sandbox.

useTestDb();

describe('WeCom', () => {
  let wecom: FakeWecom;
  let svc: TestService;
  let msgId = 9_000;
  beforeAll(async () => {
    wecom = await new FakeWecom().start();
    svc = await startService(wecomServiceEnv(wecom.url));
  });
  afterAll(async () => {
    await svc.close();
    await wecom.stop();
  });
  const sent = (user: string): WecomCall[] => wecom.called('message/send').filter((c) => c.body.touser === user);
  async function say(user: string, content: string): Promise<string> {
    const before = sent(user).length;
    expect((await postAppCallback(svc.url, textXml(user, content, String(++msgId)))).status).toBe(200);
    await wecom.waitFor(() => sent(user).length > before);
    return sent(user).slice(before).map((c) => JSON.stringify(c.body)).join('\n');
  }

  it('should answer a re-entry in traditional characters with a bracketed city as the same customer', async () => {
    expect(await say('wangfang', '新建线索：上海示例科技有限公司；张伟；13812345678')).toContain('已创建 L-');
    const again = await say('wangfang', '新建线索：示例科技（上海）有限公司；張偉經理');
    expect(again).toMatch(/可能与 L-\d+/);
    expect(await leadCount()).toBe(1);
  });

  it('should create a colleague at the same company on the same switchboard with another extension', async () => {
    await say('wangfang', '新建线索：华星光电有限公司；李娜；021-6234 5678 转 801');
    expect(await say('wangfang', '新建线索：华星光电有限公司；赵强；021-6234 5678 转 802')).toContain('已创建 L-');
    expect(await leadCount(/华星光电/)).toBe(2);
  });
});

describe('sandbox', () => {
  let svc: SandboxService;
  beforeAll(async () => {
    await seedDemoWorkspace({ DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' });
    svc = await startSandbox({ SANDBOX_ENABLED: 'true' });
  }, 60000);
  afterAll(async () => svc.close());

  it('should answer a re-entry of a demo customer typed in pinyin with a dotted phone as the same customer', async () => {
    const before = await leadCount();
    const res = await sandboxPost<{ reply: Reply }>(svc, 'command', { as: 'ana', text: '/lead add Shanghai Shili Keji Co., Ltd.; Mr. Zhang; 138.1234.5678' });
    const card = res.body.reply.cards[0];
    expect(card.tone).toBe('warning');
    expect(card.title).toMatch(/Possible duplicate of L-\d+|可能与 L-\d+/);
    expect(await leadCount()).toBe(before);
  });
});
