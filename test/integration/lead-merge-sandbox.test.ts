import { useTestDb } from '../helpers/db';
import { sandboxPost, startSandbox, type SandboxService } from '../helpers/sandbox';
import { seedDemoWorkspace } from '../../src/modules/demo/demo-seed.service';
import type { Card, Reply } from '../../src/platform/cards/card';
import { interactionsOf, leadBySeq } from '../helpers/app-data';

// Merging typed in Chinese (the grammar WeCom and the sandbox share), through the sandbox API as the
// demo members: 合并, its typed confirmation, 查看线索 on the merged id, and 取消合并 for admins only.

useTestDb();
let svc: SandboxService;
type Answer = { version: string; reply: Reply };
const say = async (as: string, text: string) => (await sandboxPost<Answer>(svc, 'command', { as, text })).body.reply;
const cardText = (c: Card) => [c.title, c.text, ...(c.fields ?? []).map((f) => `${f.label}: ${f.value}`), ...(c.lines ?? [])].join('\n');
const textOf = (r: Reply) => r.cards.map(cardText).join('\n');
const idOf = (r: Reply) => textOf(r).match(/L-\d+/)![0];
/** Adds a lead; a second lead of the same customer is caught by the duplicate engine, so it is made with "Create anyway". */
async function add(as: string, text: string): Promise<string> {
  const r = await say(as, text);
  const anyway = r.cards.flatMap((c) => c.actions ?? []).find((a) => a.id === 'lead_create_anyway');
  if (!anyway) return idOf(r);
  const made = (await sandboxPost<Answer>(svc, 'action', { as, actionId: anyway.id, value: anyway.value })).body.reply;
  return idOf(made);
}

beforeAll(async () => {
  await seedDemoWorkspace({ DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' });
  svc = await startSandbox({ SANDBOX_ENABLED: 'true' });
}, 60000);
afterAll(async () => svc.close());

describe('合并 and 取消合并 typed in Chinese', () => {
  it('should confirm, merge on 确认, lead the merged id to the one kept, and let only an admin take it back', async () => {
    const keep = await add('li.wei', '新建线索 南京示例机械有限公司；孙强；138 6000 0001');
    const lose = await add('li.wei', '新建线索 南京示例机械公司；孙经理；139 6000 0002；sun@njjx.example');
    expect(lose).not.toBe(keep);
    await say('li.wei', `跟进 ${lose} 电话 要报价单`);
    const moved = (await interactionsOf((await leadBySeq(lose))!)).map((i) => String(i._id));

    const ask = await say('li.wei', `合并 ${keep} ${lose}`);
    expect(textOf(ask)).toContain(`将 ${lose} 合并到 ${keep}？`);
    expect(textOf(ask)).toContain(`移到 ${keep}：${moved.length} 条跟进记录、0 个工单`);
    expect(ask.cards[0].commands).toContain(`/lead merge ${keep} ${lose} confirm`);
    // Another rep of the team sees only their own leads: refused, nothing changes.
    expect(textOf(await say('sam', `/lead merge ${keep} ${lose} confirm`))).toContain(`You cannot see ${keep}`);
    expect((await leadBySeq(lose))!.deletedAt).toBeNull();

    expect(textOf(await say('li.wei', `合并 ${keep} ${lose} 确认`))).toContain(`${lose} 已合并到 ${keep}：移动了 ${moved.length} 条跟进记录和 0 个工单。`);
    const shown = textOf(await say('li.wei', `查看线索 ${lose}`));
    expect(shown).toContain(`${lose} 已合并到 ${keep}，以下是 ${keep}。`);
    expect(shown).toContain('139 6000 0002');
    expect((await interactionsOf((await leadBySeq(keep))!)).map((i) => String(i._id))).toEqual(expect.arrayContaining(moved));

    expect(textOf(await say('li.wei', `取消合并 ${lose}`))).toContain('只有管理员可以这样做。');
    expect(textOf(await say('ana', `撤销合并 ${lose}`))).toContain(`The merge is taken back: ${lose} is back`);
    expect((await leadBySeq(lose))!.deletedAt).toBeNull();
    expect((await interactionsOf((await leadBySeq(lose))!)).map((i) => String(i._id)).sort()).toEqual([...moved].sort());
  });

  it("should let a manager merge two of the team's leads", async () => {
    const a = idOf(await say('li.wei', '新建线索 无锡示例电子有限公司；钱伟；137 6000 0003'));
    const b = idOf(await say('sam', '/lead add Wuxi Example Electronics; Qian Wei; qian@wxdz.example'));
    expect(textOf(await say('wang.fang', `线索 合并 ${a} ${b} 确认`))).toContain(`${b} 已合并到 ${a}`);
  });
});
