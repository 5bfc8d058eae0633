import { useTestDb } from '../helpers/db';
import { leadIdIn, replyText, useDemoSandbox } from '../helpers/sandbox-demo';

// The typed grammar (WeCom and the sandbox share it): the Chinese words for edit, delete, reopen and
// undo, and a rep's scope message in Chinese, through the sandbox API as the demo members.

useTestDb();
const { say } = useDemoSandbox();


describe('edit, delete, reopen and undo typed in Chinese', () => {
  it('should edit with 编辑线索 and take it back with 撤销', async () => {
    const id = leadIdIn(await say('li.wei', '新建线索 杭州西湖茶叶有限公司；陈刚；138 5555 6666'));
    const edited = await say('li.wei', `编辑线索 ${id} 电话：139 1234 5678`);
    expect(replyText(edited)).toContain(`${id} 已更新。`);
    expect(replyText(edited)).toContain('139 1234 5678');
    expect(edited.cards[0].actions!.map((a) => a.label)).toContain('撤销');
    const undone = await say('li.wei', '撤销');
    expect(replyText(undone)).toContain(`已撤销：${id} 已恢复原样。`);
    expect(replyText(undone)).toContain('138 5555 6666');
  });

  it('should refuse 阶段 … new on a lost lead and reopen it with 线索 重开', async () => {
    const id = leadIdIn(await say('li.wei', '新建线索 苏州园林设计有限公司；王静；137 2222 3333'));
    await say('li.wei', `丢单 ${id} 预算不足`);
    expect(replyText(await say('li.wei', `阶段 ${id} new`))).toContain(`${id} 已关闭（丢单）。如需继续跟进，请先重新打开`);
    expect(replyText(await say('li.wei', `线索 重开 ${id}`))).toContain(`${id} 已重新打开`);
  });

  it('should tell a rep in Chinese that a teammate owns the lead, and delete with 删除线索', async () => {
    const id = leadIdIn(await say('sam', '/lead add Contoso Ltd; Megan Bowen; megan@contoso.example'));
    const refused = replyText(await say('li.wei', `查看线索 ${id}`));
    expect(refused).toContain(`你无权查看 ${id}：它属于 Sam Carter，销售只能看到自己的线索。`);
    expect(refused).not.toContain('团队以外');
    expect(replyText(await say('sam', `/lead delete ${id}`))).toContain(`${id} (Contoso Ltd) is deleted.`);
    const own = leadIdIn(await say('li.wei', '新建线索 无锡太湖渔业有限公司；赵强；136 7777 8888'));
    expect(replyText(await say('li.wei', `删除线索 ${own}`))).toContain(`${own}（无锡太湖渔业有限公司）已删除，不再出现在列表、搜索和提醒中。`);
    expect(replyText(await say('li.wei', '我的线索'))).not.toContain('无锡太湖渔业');
  });
});
