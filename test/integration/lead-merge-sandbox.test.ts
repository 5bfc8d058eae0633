import { useTestDb } from '../helpers/db';
import { leadIdIn, replyActions, replyText, useDemoSandbox } from '../helpers/sandbox-demo';
import { interactionsOf, leadBySeq } from '../helpers/app-data';

// Merging typed in Chinese (the grammar WeCom and the sandbox share), through the sandbox API as the
// demo members: 合并, its typed confirmation, 查看线索 on the merged id, and 取消合并 for admins only.

useTestDb();
const { say, press } = useDemoSandbox();
/** Adds a lead; a second lead of the same customer is caught by the duplicate engine, so it is made with "Create anyway". */
async function add(as: string, text: string): Promise<string> {
  const r = await say(as, text);
  const anyway = replyActions(r).find((a) => a.id === 'lead_create_anyway');
  if (!anyway) return leadIdIn(r);
  const made = await press(as, anyway);
  return leadIdIn(made);
}


describe('合并 and 取消合并 typed in Chinese', () => {
  it('should confirm, merge on 确认, lead the merged id to the one kept, and let only an admin take it back', async () => {
    const keep = await add('li.wei', '新建线索 南京示例机械有限公司；孙强；138 6000 0001');
    const lose = await add('li.wei', '新建线索 南京示例机械公司；孙经理；139 6000 0002；sun@njjx.example');
    expect(lose).not.toBe(keep);
    await say('li.wei', `跟进 ${lose} 电话 要报价单`);
    const moved = (await interactionsOf((await leadBySeq(lose))!)).map((i) => String(i._id));

    const ask = await say('li.wei', `合并 ${keep} ${lose}`);
    expect(replyText(ask)).toContain(`将 ${lose} 合并到 ${keep}？`);
    expect(replyText(ask)).toContain(`移到 ${keep}：${moved.length} 条跟进记录、0 个工单`);
    expect(ask.cards[0].commands).toContain(`/lead merge ${keep} ${lose} confirm`);
    // Another rep of the team sees only their own leads: refused, nothing changes.
    expect(replyText(await say('sam', `/lead merge ${keep} ${lose} confirm`))).toContain(`You cannot see ${keep}`);
    expect((await leadBySeq(lose))!.deletedAt).toBeNull();

    expect(replyText(await say('li.wei', `合并 ${keep} ${lose} 确认`))).toContain(`${lose} 已合并到 ${keep}：移动了 ${moved.length} 条跟进记录和 0 个工单。`);
    const shown = replyText(await say('li.wei', `查看线索 ${lose}`));
    expect(shown).toContain(`${lose} 已合并到 ${keep}，以下是 ${keep}。`);
    expect(shown).toContain('139 6000 0002');
    expect((await interactionsOf((await leadBySeq(keep))!)).map((i) => String(i._id))).toEqual(expect.arrayContaining(moved));

    expect(replyText(await say('li.wei', `取消合并 ${lose}`))).toContain('只有管理员可以这样做。');
    expect(replyText(await say('ana', `撤销合并 ${lose}`))).toContain(`The merge is taken back: ${lose} is back`);
    expect((await leadBySeq(lose))!.deletedAt).toBeNull();
    expect((await interactionsOf((await leadBySeq(lose))!)).map((i) => String(i._id)).sort()).toEqual([...moved].sort());
  });

  it("should let a manager merge two of the team's leads", async () => {
    const a = leadIdIn(await say('li.wei', '新建线索 无锡示例电子有限公司；钱伟；137 6000 0003'));
    const b = leadIdIn(await say('sam', '/lead add Wuxi Example Electronics; Qian Wei; qian@wxdz.example'));
    expect(replyText(await say('wang.fang', `线索 合并 ${a} ${b} 确认`))).toContain(`${b} 已合并到 ${a}`);
  });
});
