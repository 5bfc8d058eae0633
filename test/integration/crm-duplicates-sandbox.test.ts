import { useTestDb } from '../helpers/db';
import { leadIdIn, replyActions, replyText, useDemoSandbox } from '../helpers/sandbox-demo';

// 查重 typed in Chinese (the grammar WeCom and the sandbox share), through the sandbox API as the demo
// members: two possible duplicates created anyway, listed for the manager, dismissed with 不是重复.

useTestDb();
const { say, press } = useDemoSandbox();


describe('查重 typed in Chinese', () => {
  it('should list the same customer created anyway for the manager, refuse a rep, and forget a pair marked 不是重复', async () => {
    const first = leadIdIn(await say('li.wei', '新建线索 上海示例软件有限公司；周杰；138 7000 0001'));
    const warned = await say('li.wei', '新建线索 示例软件（上海）有限公司；周杰经理；139 7000 0002');
    // The same customer by the engine (city in brackets, a title after the name): created anyway.
    expect(replyText(warned)).toContain(`可能与 ${first} 重复`);
    const anyway = replyActions(warned).find((a) => a.label === '仍然创建')!;
    const second = leadIdIn({ ...warned, cards: (await press('li.wei', anyway)).cards.slice(0, 1) });

    const listed = await say('wang.fang', '查重');
    const text = replyText(listed);
    expect(text).toMatch(/可能重复的线索（\d+ 对）/);
    expect(text).toContain(`${first} · 上海示例软件有限公司 · 周杰 · 负责人 李伟 Li Wei`);
    expect(text).toContain(`${second} · 示例软件(上海)有限公司 · 周杰经理`);
    expect(text).toMatch(/原因：.*公司(相同|相似)/);
    expect(replyActions(listed).map((a) => a.label)).toEqual(expect.arrayContaining(['合并', '不是重复']));

    expect(replyText(await say('li.wei', '重复线索'))).toContain('只有主管和管理员可以查看重复线索。');

    const card = listed.cards.find((c) => (c.lines ?? []).some((l) => l.startsWith(`${first} ·`)))!;
    const dismiss = card.actions!.find((a) => a.label === '不是重复')!;
    expect(replyText(await press('wang.fang', dismiss))).toContain(`已将 ${first} 与 ${second} 标记为不是重复，这对线索不会再列出。`);
    expect(replyText(await press('wang.fang', dismiss))).toContain(`${first} 与 ${second} 已经标记为不是重复。`);
    expect(replyText(await say('wang.fang', '查重'))).not.toContain(`${first} ·`);
  });
});
