import { useTestDb } from '../helpers/db';
import { sandboxPost, startSandbox, type SandboxService } from '../helpers/sandbox';
import { seedDemoWorkspace } from '../../src/modules/demo/demo-seed.service';
import type { Card, Reply } from '../../src/platform/cards/card';
import { buttons, click, slash, startService, visibleText, type SlackMessage, type TestService } from '../helpers/service';
import { FakeWecom, WECOM_AGENT_ID, WECOM_CORP_ID, WECOM_SECRET, type WecomCall } from '../helpers/wecom-api';
import { WECOM_AES_KEY, WECOM_TOKEN, cardClickXml, postAppCallback, textXml } from '../helpers/wecom-callback';
import { interactions, countOf, firstOf, interactionsOf, leadByCompany, leadBySeq, leadCount } from '../helpers/app-data';

// The typed grammar as a WeCom or sandbox user types it, through the sandbox's HTTP API over the real
// app and database: the Chinese command words, one word per concept, and help with typos.

useTestDb();

type Answer = { version: string; reply: Reply };
let svc: SandboxService;
const say = async (as: string, text: string) => (await sandboxPost<Answer>(svc, 'command', { as, text })).body.reply;
const press = async (as: string, a: { id: string; value: string }) => (await sandboxPost<Answer>(svc, 'action', { as, actionId: a.id, value: a.value })).body.reply;
const cardText = (c: Card) => [c.title, c.text, ...(c.fields ?? []).map((f) => `${f.label}: ${f.value}`), ...(c.lines ?? [])].join('\n');
const replyText = (r: Reply) => r.cards.map(cardText).join('\n');
const seqOf = (r: Reply) => Number(replyText(r).match(/L-(\d+)/)![1]);
const button = (r: Reply, label: string) => {
  const b = r.cards.flatMap((c) => c.actions ?? []).find((a) => a.label === label);
  if (!b) throw new Error(`no button “${label}” in ${JSON.stringify(r.cards.flatMap((c) => (c.actions ?? []).map((a) => a.label)))}`);
  return b;
};

beforeAll(async () => {
  await seedDemoWorkspace({ DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_PHONE_REGION: 'CN' });
  svc = await startSandbox({ SANDBOX_ENABLED: 'true' });
}, 60000);
afterAll(async () => svc.close());

async function newLead(as: string, text: string): Promise<number> {
  return seqOf(await say(as, text));
}

describe('the Chinese grammar: 记录/跟进 log a touch, 下次/提醒 set the next follow-up', () => {
  it('should log a call with 跟进 and set the follow-up written after 下次：', async () => {
    const seq = await newLead('li.wei', '新建线索 宁波海港贸易有限公司；陈刚；135-5555-6666');
    const r = await say('li.wei', `跟进 L-${seq} 电话 陈总要报价单，下次：周四上午10点 发报价`);
    const text = replyText(r);
    expect(text).toContain(`已在 L-${seq} 记录一次电话。`);
    expect(text).toContain('陈总要报价单');
    expect(text).not.toContain('暂无跟进记录');
    const lead = await leadByCompany('宁波海港贸易有限公司');
    expect(await interactionsOf(lead!)).toEqual([expect.objectContaining({ kind: 'call', text: '陈总要报价单' })]);
    expect(lead!.nextFollowUpWhat).toBe('发报价');
    // Thursday 10:00 in Shanghai is 02:00 UTC.
    expect([lead!.nextFollowUpAt!.getUTCDay(), lead!.nextFollowUpAt!.getUTCHours()]).toEqual([4, 2]);
  });

  it('should log with 线索 记录 exactly as with 记录, and show the history with 跟进记录', async () => {
    const seq = await newLead('li.wei', '新建线索 苏州示例电子有限公司；吴芳；13912345678');
    expect(replyText(await say('li.wei', `线索 记录 L-${seq} 拜访 现场演示`))).toContain(`已在 L-${seq} 记录一次拜访。`);
    expect(replyText(await say('li.wei', `记录 L-${seq} 微信 发了资料`))).toContain(`已在 L-${seq} 记录一次微信。`);
    expect(replyText(await say('li.wei', `跟进记录 L-${seq}`))).toMatch(/微信 · .*发了资料[\s\S]*拜访 · .*现场演示/);
  });

  it('should set the next follow-up with 下次 and 提醒, logging nothing', async () => {
    const seq = await newLead('li.wei', '新建线索 无锡示例机械有限公司；钱明；13812340000');
    expect(replyText(await say('li.wei', `下次 L-${seq} 2030-03-01 10:00 回访`))).toContain(`L-${seq} 的下次跟进：`);
    expect(replyText(await say('li.wei', `提醒 L-${seq} 2030-03-02 10:00 发合同`))).toContain(`L-${seq} 的下次跟进：`);
    const lead = await leadBySeq(seq);
    expect(lead!.nextFollowUpWhat).toBe('发合同');
    expect(await countOf(interactionsOf(lead!))).toBe(0);
  });

  it('should not log a bare time after 跟进 (its old meaning), offering to set it as the next follow-up first', async () => {
    const seq = await newLead('li.wei', '新建线索 嘉兴示例服饰有限公司；陆平；13311112222');
    const r = await say('li.wei', `跟进 L-${seq} 2030-06-01 15:00 回访`);
    expect(r.cards[0].text).toContain('“2030-06-01”不是跟进类型。');
    expect(r.cards[0].actions!.map((a) => a.label)).toEqual(['设为下次跟进', '电话', '会议', '拜访', '邮件', '微信', '备注', '投诉']);
    const lead = await leadBySeq(seq);
    expect(await countOf(interactionsOf(lead!))).toBe(0);
    expect(replyText(await press('li.wei', r.cards[0].actions![0]))).toContain(`L-${seq} 的下次跟进：`);
    expect((await leadBySeq(seq))!).toMatchObject({ nextFollowUpAt: new Date('2030-06-01T07:00:00Z'), nextFollowUpWhat: '回访' });
  });

  it('should list the Chinese command words in 帮助', async () => {
    const text = replyText(await say('li.wei', '帮助'));
    expect(text).toContain('中文命令词');
    expect(text).toContain('跟进、记录 → /log');
    expect(text).toMatch(/下次跟进、下次、提醒 → \/lead next/);
    expect(text).toContain('丢单、输单 → /lead lost');
  });
});

describe('one word per concept, in both languages', () => {
  it('should mark a lead lost with 线索 输单 as with 丢单, and call it 丢单', async () => {
    const seq = await newLead('li.wei', '新建线索 常州示例纺织有限公司；孙丽；13700001111');
    const r = await say('li.wei', `线索 输单 L-${seq} 价格太高`);
    expect(replyText(r)).toContain(`L-${seq} 已标记为丢单。`);
    expect((await leadBySeq(seq))!.stage).toBe('lost');
  });

  it('should list the kinds of a touch in Chinese in a Chinese error, and log nothing', async () => {
    const seq = await newLead('li.wei', '新建线索 南通示例船舶有限公司；周强；13600002222');
    const text = replyText(await say('li.wei', `记录 L-${seq} 传真 发了报价`));
    expect(text).toContain('“传真”不是跟进类型。可用类型：电话、会议、拜访、邮件、微信、备注、投诉。');
    expect(text).not.toMatch(/call|meeting/);
    expect((await interactions()).filter((i) => /发了报价/.test(i.text))).toEqual([]);
  });

  it('should title a stage list with the stage’s name in the reader’s language', async () => {
    expect((await say('li.wei', '线索 列表 stage proposal')).cards[0].title).toMatch(/^方案报价阶段的线索（\d+）$/);
    expect((await say('sam', '/lead list stage 方案报价')).cards[0].title).toMatch(/^Leads in Proposal \(\d+\)$/);
  });

  it('should read full-width lead ids', async () => {
    const seq = await newLead('li.wei', '新建线索 扬州示例食品有限公司；郑华；13500003333');
    const wide = String(seq).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect((await say('li.wei', `查看线索 L－${seq}`)).cards[0].title).toBe(`L-${seq} · 扬州示例食品有限公司`);
    expect((await say('li.wei', `查看线索 Ｌ-${wide}`)).cards[0].title).toBe(`L-${seq} · 扬州示例食品有限公司`);
    expect(replyText(await say('li.wei', `跟进 Ｌ－${wide} 电话 聊了需求`))).toContain(`已在 L-${seq} 记录一次电话。`);
  });

  it('should read “。下次：…” as the next follow-up, in /log and in a new lead', async () => {
    const seq = await newLead('li.wei', '新建线索 镇江示例化工有限公司；冯军；13400004444。下次：2030-04-01 09:00 回访');
    let lead = await leadBySeq(seq);
    expect(lead!.nextFollowUpAt!.toISOString()).toBe('2030-04-01T01:00:00.000Z');
    await say('li.wei', `记录 L-${seq} 电话 聊了。下次：2030-05-01 09:00 发样品`);
    lead = await leadBySeq(seq);
    expect(lead!.nextFollowUpAt!.toISOString()).toBe('2030-05-01T01:00:00.000Z');
    expect(lead!.nextFollowUpWhat).toBe('发样品');
    expect(await firstOf(interactionsOf(lead!))).toMatchObject({ kind: 'call', text: '聊了' });
  });
});

describe('help with typos', () => {
  it('should suggest /lead add for /laed add and /lead ad, and run it from the button', async () => {
    for (const typed of ['/laed add Wingtip Ventures Ltd; Ann Beach', '/lead ad Wingtip Ventures Ltd; Ann Beach']) {
      const r = await say('sam', typed);
      expect(r.cards[0].text).toBe(`I do not know \`${typed.split(' ').slice(0, 2).join(' ')}\`. Did you mean \`/lead add\`?`);
      expect(await leadCount('Wingtip Ventures Ltd')).toBe(0);
      expect(r.cards[0].commands).toEqual(['/lead add Wingtip Ventures Ltd; Ann Beach']);
    }
    const r = await say('sam', '/lead ad Wingtip Ventures Ltd; Ann Beach');
    expect(replyText(await press('sam', button(r, '/lead add')))).toMatch(/Created L-\d+, owned by Sam Carter\./);
    expect(await leadCount('Wingtip Ventures Ltd')).toBe(1);
  });

  it('should ask which kind for /log L-9 phoned them, Call first, and log the whole text with the kind picked', async () => {
    const seq = await newLead('sam', '/lead add Northwind Traders; Nancy Davolio');
    const r = await say('sam', `/log L-${seq} phoned them`);
    expect(r.cards[0].text).toContain('“phoned” is not a kind of interaction. Kinds: Call, Meeting, Visit, Email, WeChat, Note, Complaint.');
    expect(r.cards[0].text).toContain('Did you mean Call?');
    expect(r.cards[0].actions!.map((a) => a.label)).toEqual(['Call', 'Meeting', 'Visit', 'Email', 'WeChat', 'Note', 'Complaint']);
    expect(r.cards[0].actions![0].style).toBe('primary');
    const lead = await leadBySeq(seq);
    expect(await countOf(interactionsOf(lead!))).toBe(0);
    expect(replyText(await press('sam', button(r, 'Call')))).toContain(`Call logged on L-${seq}.`);
    expect(await interactionsOf(lead!)).toEqual([expect.objectContaining({ kind: 'call', text: 'phoned them' })]);
  });

  it('should offer the stages as buttons for /lead stage L-9, and the closest one for a misspelt stage', async () => {
    const seq = await newLead('sam', '/lead add Tailspin Toys; Kim Abercrombie');
    const r = await say('sam', `/lead stage L-${seq}`);
    expect(r.cards[0].text).toBe(`Which stage should L-${seq} move to?`);
    expect(r.cards[0].actions!.map((a) => a.label)).toEqual(['Contacted', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    const typo = await say('sam', `/lead stage L-${seq} qualifed`);
    expect(typo.cards[0].text).toContain('Did you mean Qualified?');
    expect(typo.cards[0].actions![0]).toMatchObject({ label: 'Qualified', style: 'primary' });
    expect(replyText(await press('sam', typo.cards[0].actions![0]))).toContain(`L-${seq} moved to Qualified.`);
    expect((await leadBySeq(seq))!.stage).toBe('qualified');
  });

  it('should refuse a forged or malformed choice button without running anything', async () => {
    const r = await press('sam', { id: 'run_command', value: JSON.stringify({ c: '/rm', t: '-rf' }) });
    expect(r.cards[0].tone).toBe('error');
  });
});

describe('list and search results', () => {
  it('should give every row a button that opens its card', async () => {
    const r = await say('sam', '/lead find Tailspin');
    const open = r.cards[0].actions!.filter((a) => a.id === 'lead_open');
    expect(open.map((a) => a.label)).toEqual([expect.stringMatching(/^Open L-\d+$/)]);
    expect((await press('sam', open[0])).cards[0].title).toMatch(/^L-\d+ · Tailspin Toys$/);
    const mine = await say('sam', '/lead list mine');
    const rows = mine.cards[0].lines!.length;
    expect(mine.cards[0].actions!.filter((a) => a.id === 'lead_open')).toHaveLength(rows);
  });
});

describe('help with typos in Slack (signed requests)', () => {
  let slack: TestService;
  beforeAll(async () => {
    slack = await startService();
  });
  afterAll(async () => slack.close());
  const run = async (text: string) => (await slash(slack, '/lead', text, { user: 'UREP1', userName: 'rep1' })).body;

  it('should answer /lead ad with a “did you mean” button that adds the lead when clicked', async () => {
    const m = await run('ad Globex Corporation; Hank Scorpio');
    expect(visibleText(m)).toContain('I do not know `/lead ad`. Did you mean `/lead add`?');
    const b = buttons(m).find((x) => x.label === '/lead add')!;
    expect(b.actionId).toMatch(/^run_command:\d+$/);
    const r = await click(slack, b, { user: 'UREP1' });
    await slack.slack.waitFor(() => slack.slack.responses(r.responseId).length > 0);
    expect(visibleText(slack.slack.responses(r.responseId)[0].body as SlackMessage)).toMatch(/Created L-\d+, owned by /);
    expect(await leadCount('Globex Corporation')).toBe(1);
  });

  it('should show the stages as buttons for /lead stage without a stage', async () => {
    const seq = Number(visibleText(await run('add Initrode; Peter Gibbons')).match(/L-(\d+)/)![1]);
    const m = await run(`stage L-${seq}`);
    expect(visibleText(m)).toContain(`Which stage should L-${seq} move to?`);
    expect(buttons(m).map((b) => b.label)).toEqual(['Contacted', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']);
  });
});

describe('the Chinese grammar in WeCom (encrypted callbacks)', () => {
  let wecom: FakeWecom;
  let app: TestService;
  let msgId = 5000;
  type WecomCard = { task_id?: string; button_list?: { text: string; key: string }[] };
  const sent = (user: string): WecomCall[] => wecom.called('message/send').filter((c) => c.body.touser === user);
  const textOf = (c: WecomCall) => (c.body.msgtype === 'text' ? (c.body.text as { content: string }).content : JSON.stringify(c.body.template_card));
  async function wecomSay(user: string, content: string): Promise<WecomCall[]> {
    const before = sent(user).length;
    expect((await postAppCallback(app.url, textXml(user, content, String(++msgId)))).status).toBe(200);
    await wecom.waitFor(() => sent(user).length > before);
    await new Promise((r) => setTimeout(r, 50));
    return sent(user).slice(before);
  }
  beforeAll(async () => {
    wecom = await new FakeWecom().start();
    app = await startService({ WECOM_CORP_ID, WECOM_AGENT_ID: String(WECOM_AGENT_ID), WECOM_SECRET, WECOM_TOKEN, WECOM_ENCODING_AES_KEY: WECOM_AES_KEY, WECOM_API_BASE_URL: wecom.url });
  });
  afterAll(async () => {
    await app.close();
    await wecom.stop();
  });

  it('should log a call with 跟进 and set the follow-up after 下次：', async () => {
    const seq = Number(textOf((await wecomSay('chengang', '新建线索 宁波远洋物流有限公司；陈刚；13588889999'))[0]).match(/L-(\d+)/)![1]);
    const msgs = await wecomSay('chengang', `跟进 L-${seq} 电话 陈总要报价单，下次：2030-07-02 10:00 发报价`);
    expect(msgs.map(textOf).join('\n')).toContain(`已在 L-${seq} 记录一次电话。`);
    const lead = await leadByCompany('宁波远洋物流有限公司');
    expect(lead).toMatchObject({ nextFollowUpAt: new Date('2030-07-02T02:00:00Z'), nextFollowUpWhat: '发报价' });
    expect(await firstOf(interactionsOf(lead!))).toMatchObject({ kind: 'call', text: '陈总要报价单' });
  });

  it('should answer /laed add with a button that adds the lead when clicked', async () => {
    const msgs = await wecomSay('chengang', '/laed add 温州示例鞋业有限公司；林峰');
    const card = msgs.find((m) => m.body.msgtype === 'template_card')!.body.template_card as WecomCard;
    expect(JSON.stringify(card)).toContain('你是想用 `/lead add` 吗？');
    const b = card.button_list!.find((x) => x.key.startsWith('run_command|'))!;
    expect(await leadCount('温州示例鞋业有限公司')).toBe(0);
    const before = wecom.calls.length;
    expect((await postAppCallback(app.url, cardClickXml('chengang', b.key, card.task_id!, 'rc-grammar-1'))).status).toBe(200);
    await wecom.waitFor(() => wecom.calls.slice(before).some((c) => JSON.stringify(c.body).includes('已创建 L-')));
    expect(await leadCount('温州示例鞋业有限公司')).toBe(1);
  });
});
