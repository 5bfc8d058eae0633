import { useTestDb } from '../helpers/db';
import { sandboxPost, startSandbox, type SandboxService } from '../helpers/sandbox';
import { seedDemoWorkspace } from '../../src/modules/demo/demo-seed.service';
import type { Card, Reply } from '../../src/platform/cards/card';
import { leads } from '../helpers/app-data';

// Settings typed as plain text in the sandbox (the WeCom grammar): `设置 …` and `/crm config …`.

useTestDb();
let svc: SandboxService;
const cardText = (c: Card) => [c.title, c.text, ...(c.fields ?? []).map((f) => `${f.label}: ${f.value}`), ...(c.lines ?? []), c.context].join('\n');
const say = async (as: string, text: string) => (await sandboxPost<{ reply: Reply }>(svc, 'command', { as, text })).body.reply.cards.map(cardText).join('\n');

beforeAll(async () => {
  await seedDemoWorkspace({ DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' });
  svc = await startSandbox({ SANDBOX_ENABLED: 'true' });
}, 60000);
afterAll(async () => svc.close());

const inStage = async (stage: string) => (await leads()).filter((l) => l.stage === stage).length;

describe('settings typed in the sandbox', () => {
  it('should read `设置 sla 高 1小时 8小时` and show every setting with `设置`, in the admin’s language', async () => {
    expect(await say('ana', '设置 sla 高 1小时 8小时')).toContain('Saved. High: claim within 1 h, resolve within 8 h.');
    expect(await say('ana', '设置')).toContain('Ticket targets: High: claim within 1 h, resolve within 8 h');
    await say('ana', '/crm lang zh-CN');
    const zh = await say('ana', '设置');
    expect(zh).toContain('工作区设置');
    expect(zh).toContain('每周简报：星期一 09:00 · `/crm config digest 周一 上午9点`');
    expect(zh).toContain('新工单发布到：#support');
    await say('ana', '/crm lang en');
  });

  it('should refuse a pipeline that strands the demo’s open leads, then move them where the admin says', async () => {
    const before = await inStage('negotiation');
    expect(before).toBeGreaterThan(0);
    const refused = await say('ana', '设置 stages new, contacted, qualified, proposal');
    expect(refused).toContain(`This change removes stages that still hold open leads: Negotiation (${before}). Nothing was changed.`);
    expect(await inStage('negotiation')).toBe(before);
    const done = await say('ana', '设置 stages new, contacted, qualified, proposal, 签约|signing 移动 negotiation 到 签约');
    expect(done).toContain('Saved. Pipeline: New → Contacted → Qualified → Proposal → signing, then Won or Lost.');
    expect(done).toContain(`Open leads moved from Negotiation to signing: ${before}.`);
    expect(await inStage('signing')).toBe(before);
  });
});
