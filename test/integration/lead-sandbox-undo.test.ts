import { useTestDb } from '../helpers/db';
import { sandboxPost, startSandbox, type SandboxService } from '../helpers/sandbox';
import { seedDemoWorkspace } from '../../src/modules/demo/demo-seed.service';
import type { Card, Reply } from '../../src/platform/cards/card';

// The typed grammar (WeCom and the sandbox share it): the Chinese words for edit, delete, reopen and
// undo, and a rep's scope message in Chinese, through the sandbox API as the demo members.

useTestDb();
let svc: SandboxService;
type Answer = { version: string; reply: Reply };
const say = async (as: string, text: string) => (await sandboxPost<Answer>(svc, 'command', { as, text })).body.reply;
const cardText = (c: Card) => [c.title, c.text, ...(c.fields ?? []).map((f) => `${f.label}: ${f.value}`), ...(c.lines ?? [])].join('\n');
const textOf = (r: Reply) => r.cards.map(cardText).join('\n');
const idOf = (r: Reply) => textOf(r).match(/L-\d+/)![0];

beforeAll(async () => {
  await seedDemoWorkspace({ DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' });
  svc = await startSandbox({ SANDBOX_ENABLED: 'true' });
}, 60000);
afterAll(async () => svc.close());

describe('edit, delete, reopen and undo typed in Chinese', () => {
  it('should edit with 编辑线索 and take it back with 撤销', async () => {
    const id = idOf(await say('li.wei', '新建线索 杭州西湖茶叶有限公司；陈刚；138 5555 6666'));
    const edited = await say('li.wei', `编辑线索 ${id} 电话：139 1234 5678`);
    expect(textOf(edited)).toContain(`${id} 已更新。`);
    expect(textOf(edited)).toContain('139 1234 5678');
    expect(edited.cards[0].actions!.map((a) => a.label)).toContain('撤销');
    const undone = await say('li.wei', '撤销');
    expect(textOf(undone)).toContain(`已撤销：${id} 已恢复原样。`);
    expect(textOf(undone)).toContain('138 5555 6666');
  });

  it('should refuse 阶段 … new on a lost lead and reopen it with 线索 重开', async () => {
    const id = idOf(await say('li.wei', '新建线索 苏州园林设计有限公司；王静；137 2222 3333'));
    await say('li.wei', `丢单 ${id} 预算不足`);
    expect(textOf(await say('li.wei', `阶段 ${id} new`))).toContain(`${id} 已关闭（丢单）。如需继续跟进，请先重新打开`);
    expect(textOf(await say('li.wei', `线索 重开 ${id}`))).toContain(`${id} 已重新打开`);
  });

  it('should tell a rep in Chinese that a teammate owns the lead, and delete with 删除线索', async () => {
    const id = idOf(await say('sam', '/lead add Contoso Ltd; Megan Bowen; megan@contoso.example'));
    const refused = textOf(await say('li.wei', `查看线索 ${id}`));
    expect(refused).toContain(`你无权查看 ${id}：它属于 Sam Carter，销售只能看到自己的线索。`);
    expect(refused).not.toContain('团队以外');
    expect(textOf(await say('sam', `/lead delete ${id}`))).toContain(`${id} (Contoso Ltd) is deleted.`);
    const own = idOf(await say('li.wei', '新建线索 无锡太湖渔业有限公司；赵强；136 7777 8888'));
    expect(textOf(await say('li.wei', `删除线索 ${own}`))).toContain(`${own}（无锡太湖渔业有限公司）已删除，不再出现在列表、搜索和提醒中。`);
    expect(textOf(await say('li.wei', '我的线索'))).not.toContain('无锡太湖渔业');
  });
});
