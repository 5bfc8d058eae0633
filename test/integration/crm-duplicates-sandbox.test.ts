import { useTestDb } from '../helpers/db';
import { sandboxPost, startSandbox, type SandboxService } from '../helpers/sandbox';
import { seedDemoWorkspace } from '../../src/modules/demo/demo-seed.service';
import type { Card, CardAction, Reply } from '../../src/platform/cards/card';

// 查重 typed in Chinese (the grammar WeCom and the sandbox share), through the sandbox API as the demo
// members: two possible duplicates created anyway, listed for the manager, dismissed with 不是重复.

useTestDb();
let svc: SandboxService;
type Answer = { version: string; reply: Reply };
const say = async (as: string, text: string) => (await sandboxPost<Answer>(svc, 'command', { as, text })).body.reply;
const press = async (as: string, a: CardAction) => (await sandboxPost<Answer>(svc, 'action', { as, actionId: a.id, value: a.value })).body.reply;
const cardText = (c: Card) => [c.title, c.text, c.context, ...(c.lines ?? [])].filter(Boolean).join('\n');
const textOf = (r: Reply) => r.cards.map(cardText).join('\n');
const actions = (r: Reply) => r.cards.flatMap((c) => c.actions ?? []);
const idOf = (r: Reply) => textOf(r).match(/L-\d+/)![0];

beforeAll(async () => {
  await seedDemoWorkspace({ DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' });
  svc = await startSandbox({ SANDBOX_ENABLED: 'true' });
}, 60000);
afterAll(async () => svc.close());

describe('查重 typed in Chinese', () => {
  it('should list the same customer created anyway for the manager, refuse a rep, and forget a pair marked 不是重复', async () => {
    const first = idOf(await say('li.wei', '新建线索 上海示例软件有限公司；周杰；138 7000 0001'));
    const warned = await say('li.wei', '新建线索 示例软件（上海）有限公司；周杰经理；139 7000 0002');
    // The same customer by the engine (city in brackets, a title after the name): created anyway.
    expect(textOf(warned)).toContain(`可能与 ${first} 重复`);
    const anyway = actions(warned).find((a) => a.label === '仍然创建')!;
    const second = idOf({ ...warned, cards: (await press('li.wei', anyway)).cards.slice(0, 1) });

    const listed = await say('wang.fang', '查重');
    const text = textOf(listed);
    expect(text).toMatch(/可能重复的线索（\d+ 对）/);
    expect(text).toContain(`${first} · 上海示例软件有限公司 · 周杰 · 负责人 李伟 Li Wei`);
    expect(text).toContain(`${second} · 示例软件(上海)有限公司 · 周杰经理`);
    expect(text).toMatch(/原因：.*公司(相同|相似)/);
    expect(actions(listed).map((a) => a.label)).toEqual(expect.arrayContaining(['合并', '不是重复']));

    expect(textOf(await say('li.wei', '重复线索'))).toContain('只有主管和管理员可以查看重复线索。');

    const card = listed.cards.find((c) => (c.lines ?? []).some((l) => l.startsWith(`${first} ·`)))!;
    const dismiss = card.actions!.find((a) => a.label === '不是重复')!;
    expect(textOf(await press('wang.fang', dismiss))).toContain(`已将 ${first} 与 ${second} 标记为不是重复，这对线索不会再列出。`);
    expect(textOf(await press('wang.fang', dismiss))).toContain(`${first} 与 ${second} 已经标记为不是重复。`);
    expect(textOf(await say('wang.fang', '查重'))).not.toContain(`${first} ·`);
  });
});
