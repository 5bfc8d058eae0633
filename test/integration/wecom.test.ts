import { wecomServiceEnv, WECOM_BOT_TOKEN, WECOM_TOKEN, appCrypto, botCrypto, cardClickXml, menuClickXml, postAppCallback, postBotCallback, textXml, verifyUrl } from '../helpers/wecom-callback';
import { copiesOf, leadById, leadByCompany, leadCount, memberByUser, outboxWhere, ticketByRef } from '../helpers/app-data';
import { ageCopies } from '../helpers/raw-db';
import { useTestDb } from '../helpers/db';
import { startService, type TestService } from '../helpers/service';
import { FakeWecom, WECOM_AGENT_ID, type WecomCall } from '../helpers/wecom-api';

useTestDb();
let svc: TestService;
let wecom: FakeWecom;
let msgSeq = 1000;
const nextMsgId = () => String(++msgSeq);

type Card = { card_type: string; main_title?: { title: string }; sub_title_text?: string; task_id?: string; horizontal_content_list?: { keyname: string; value: string }[]; button_list?: { text: string; key: string }[] };
const sent = (user: string): WecomCall[] => wecom.called('message/send').filter((c) => c.body.touser === user);
const cardOf = (c: WecomCall) => c.body.template_card as Card;
const textOf = (c: WecomCall): string =>
  c.body.msgtype === 'text' ? (c.body.text as { content: string }).content : JSON.stringify(c.body.template_card);

async function say(user: string, content: string, msgId = nextMsgId()): Promise<WecomCall[]> {
  const before = sent(user).length;
  const res = await postAppCallback(svc.url, textXml(user, content, msgId));
  expect(res.status).toBe(200);
  expect(res.text).toBe('');
  await wecom.waitFor(() => sent(user).length > before);
  await new Promise((r) => setTimeout(r, 50)); // let any follow-up message of the same reply arrive
  return sent(user).slice(before);
}

/** The service's environment: the app and the bot, against the fake WeCom API. */
const wecomEnv = () => ({
  ...wecomServiceEnv(wecom.url),
});

beforeAll(async () => {
  wecom = await new FakeWecom().start();
  svc = await startService(wecomEnv());
});
afterAll(async () => {
  await svc.close();
  await wecom.stop();
});

describe('WeCom self-built app callbacks', () => {
  it('should answer URL verification with the decrypted echostr, and refuse a bad signature', async () => {
    expect(await verifyUrl(svc.url, '/wecom/callback', appCrypto, WECOM_TOKEN, '1288432023552776189')).toEqual({ status: 200, text: '1288432023552776189' });
    expect((await verifyUrl(svc.url, '/wecom/callback', appCrypto, 'wrong-token', '123')).status).toBe(401);
  });

  it('should create a lead from an encrypted "lead add" message and send the card as a template_card', async () => {
    const msgs = await say('zhangwei', 'lead add Acme Ltd; Zhang Wei; +86 138-1234-5678; zhang@acme.cn; source: expo; value: 50k');
    const card = cardOf(msgs.find((m) => m.body.msgtype === 'template_card')!);
    expect(card.card_type).toBe('button_interaction');
    expect(card.main_title!.title).toMatch(/^L-\d+ · Acme Ltd/);
    expect(card.horizontal_content_list!.map((h) => h.keyname)).toContain('负责人');
    expect(msgs[0].body.agentid).toBe(WECOM_AGENT_ID);
    const lead = await leadByCompany('Acme Ltd');
    expect(lead).toMatchObject({ contactName: 'Zhang Wei', value: 50000 });
  });

  it('should read Chinese aliases and full-width punctuation and answer in Chinese', async () => {
    const msgs = await say('zhangwei', '新建线索：上海示例科技有限公司；王芳；１３９ １２３４ ５６７８；来源：展会');
    expect(textOf(msgs[0])).toContain('已创建 L-');
    expect(await leadCount('上海示例科技有限公司')).toBe(1);
  });

  it('should create one lead when WeCom delivers the same MsgId three times', async () => {
    const id = nextMsgId();
    const xml = textXml('lisi', 'lead add Retry Corp Ltd; Li Si; lisi@retry.cn', id);
    const results = await Promise.all([1, 2, 3].map(() => postAppCallback(svc.url, xml)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await wecom.waitFor(() => sent('lisi').length >= 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await leadCount('Retry Corp Ltd')).toBe(1);
    expect(sent('lisi').filter((c) => c.body.msgtype === 'template_card')).toHaveLength(1);
  });

  it('should refuse a tampered body, a bad signature, another corp\'s message or a replay, and store nothing', async () => {
    const before = wecom.calls.length;
    expect((await postAppCallback(svc.url, textXml('mallory', 'lead add Evil Ltd; Eve', nextMsgId()), { tamper: true })).status).toBe(401);
    expect((await postAppCallback(svc.url, textXml('mallory', 'lead add Evil Ltd; Eve', nextMsgId()), { badSignature: true })).status).toBe(401);
    // Correctly signed, but encrypted for another corp: the receive-id check refuses it after decrypting.
    expect((await postAppCallback(svc.url, textXml('mallory', 'lead add Evil Ltd; Eve', nextMsgId()), { receiveId: 'ww-another-corp' })).status).toBe(401);
    // Correctly signed and encrypted, but signed two days ago: a replay.
    const twoDaysAgo = String(Math.floor(Date.now() / 1000) - 2 * 86400);
    expect((await postAppCallback(svc.url, textXml('mallory', 'lead add Evil Ltd; Eve', nextMsgId()), { timestamp: twoDaysAgo })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(await leadCount('Evil Ltd')).toBe(0);
    expect(wecom.calls.length).toBe(before);
  });

  it('should update the clicked card through update_template_card with the event ResponseCode', async () => {
    const msgs = await say('wangwu', 'lead add Click Co Ltd; Wang Wu; wangwu@click.cn');
    const card = cardOf(msgs.find((m) => m.body.msgtype === 'template_card')!);
    const advance = card.button_list!.find((b) => b.key.startsWith('lead_advance|'))!;
    const res = await postAppCallback(svc.url, cardClickXml('wangwu', advance.key, card.task_id!, 'rc-click-1'));
    expect(res.status).toBe(200);
    await wecom.waitFor(() => wecom.called('message/update_template_card').length > 0);
    const update = wecom.called('message/update_template_card')[0].body;
    expect(update).toMatchObject({ userids: ['wangwu'], response_code: 'rc-click-1', agentid: WECOM_AGENT_ID });
    const updated = update.template_card as Card;
    expect(updated.task_id).toBe(card.task_id);
    expect(JSON.stringify(updated)).toContain('已联系');
    expect((await leadByCompany('Click Co Ltd'))!.stage).toBe('contacted');
  });

  it('should answer text that is not a command with a pointer to 帮助', async () => {
    const msgs = await say('zhaoliu', '你好');
    expect(textOf(msgs[0])).toContain('帮助');
  });

  it('should run the command of a custom menu button', async () => {
    await say('menuuser', 'lead add Menu Ltd; Meng Nu; meng@menu.cn');
    const before = sent('menuuser').length;
    await postAppCallback(svc.url, menuClickXml('menuuser', 'cmd:lead list mine'));
    await wecom.waitFor(() => sent('menuuser').length > before);
    expect(textOf(sent('menuuser')[before])).toContain('Menu Ltd');
  });

  it('should name the stages in Chinese when a stage is unknown, and take a stage by its Chinese label', async () => {
    const lead = (await leadByCompany('Acme Ltd'))!;
    const unknown = (await say('zhangwei', `阶段 L-${lead.seq} 梦想`)).map(textOf).join('\n');
    expect(unknown).toContain('没有“梦想”这个阶段。可用阶段：new（新线索）、contacted（已联系）、qualified（已确认需求）');
    const moved = (await say('zhangwei', `阶段 L-${lead.seq} 已联系`)).map(textOf).join('\n');
    expect(moved).toContain('已联系');
    expect((await leadById(lead._id))!.stage).toBe('contacted');
  });

  it('should still deliver the answer, once, when WeCom is busy past the client\'s own retries', async () => {
    // -1 (busy) four times: the client retries three times (1 s, 2 s, 4 s) and gives up; the outbox,
    // where the answer was written first, sends it again.
    wecom.failNext('message/send', -1, 4, 'busyuser');
    const answers = () => sent('busyuser').filter((c) => textOf(c).includes('Busy Bee Ltd'));
    expect((await postAppCallback(svc.url, textXml('busyuser', 'lead add Busy Bee Ltd; Bea Busy; bea@busy.cn', nextMsgId()))).status).toBe(200);
    await wecom.waitFor(() => answers().some((c) => c.errcode === 0), 20_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(answers().map((c) => c.errcode)).toEqual([-1, -1, -1, -1, 0]);
    const sentRows = () => outboxWhere((row) => row.to === 'busyuser' && row.status === 'sent');
    for (let i = 0; i < 50 && !(await sentRows()).length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await sentRows()).toHaveLength(1);
    expect(await leadCount('Busy Bee Ltd')).toBe(1);
  }, 30_000);

  it('should not send an answer again after a failure that WeCom may have taken (never twice)', async () => {
    wecom.httpFailNext('message/send', 502, 1, 'unsureuser');
    expect((await postAppCallback(svc.url, textXml('unsureuser', 'lead add Unsure Ltd; Una Sure; una@unsure.cn', nextMsgId()))).status).toBe(200);
    const rowOf = async () => (await outboxWhere((row) => row.to === 'unsureuser'))[0];
    const given = async () => (await rowOf())?.status === 'failed';
    for (let i = 0; i < 100 && !(await given()); i++) await new Promise((r) => setTimeout(r, 50));
    const row = (await rowOf())!;
    expect(row).toMatchObject({ status: 'failed', lastError: expect.stringContaining('answers are not sent twice') });
    expect(sent('unsureuser').map((c) => c.status)).toEqual([502]);
    expect(await leadCount('Unsure Ltd')).toBe(1);
  });

  it('should send an answer again when nothing reached WeCom (no fresh token could be fetched)', async () => {
    // The token expires; fetching a new one fails four times (the client's own retries), so the
    // answer never left: the outbox tries it again rather than giving it up as "may have arrived".
    wecom.expireTokens();
    wecom.httpFailNext('gettoken', 502, 4);
    expect((await postAppCallback(svc.url, textXml('tokenuser', 'lead add Token Co Ltd; Tom Ken; tom@token.cn', nextMsgId()))).status).toBe(200);
    await wecom.waitFor(() => sent('tokenuser').some((c) => c.errcode === 0 && textOf(c).includes('Token Co Ltd')), 20_000);
    // Marked sent just after WeCom answered.
    const sentRows = () => outboxWhere((row) => row.to === 'tokenuser' && row.status === 'sent');
    for (let i = 0; i < 50 && !(await sentRows()).length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await sentRows()).toHaveLength(1);
    // Delivered once (a send refused for the expired token, 42001, delivered nothing).
    expect(sent('tokenuser').filter((c) => textOf(c).includes('Token Co Ltd') && c.errcode === 0)).toHaveLength(1);
  }, 30_000);

  it('should show the same form twice when it is asked for twice (answers go without WeCom\'s duplicate check)', async () => {
    const first = await say('formtwice', '新建线索');
    const second = await say('formtwice', '新建线索');
    const formText = (calls: WecomCall[]) => calls.filter((c) => c.body.msgtype === 'text' && textOf(c).includes('请按以下格式回复'));
    expect(formText(first)).toHaveLength(1);
    expect(formText(second)).toHaveLength(1);
    expect([...formText(first), ...formText(second)].every((c) => c.delivered)).toBe(true);
  });

  it('should reply with what to type where Slack would open a form', async () => {
    const msgs = await say('formuser', '新建线索');
    const text = msgs.map(textOf).join('\n');
    expect(text).toContain('请按以下格式回复');
    expect(text).toContain('/lead add 上海示例科技有限公司');
  });
});

describe('WeCom tickets', () => {
  it('should send a new ticket card to its creator and redraw the clicked card as 已认领 when support claims it', async () => {
    // zhangwei was the first WeCom user, so the admin.
    expect(textOf((await say('zhangwei', '/crm role @kefu support'))[0])).toContain('客服');
    const msgs = await say('kefu', '新建工单 发票有误 优先级：高');
    expect(msgs.map(textOf).join('\n')).toContain('已创建 T-');
    const isTicketCard = (c: WecomCall) => c.body.msgtype === 'template_card' && /^T-\d+ · /.test(cardOf(c).main_title?.title ?? '');
    await wecom.waitFor(() => sent('kefu').some(isTicketCard));
    const card = cardOf(sent('kefu').find(isTicketCard)!);
    expect(card.main_title!.title).toMatch(/^T-\d+ · 发票有误/);
    const claim = card.button_list!.find((b) => b.key.startsWith('ticket_claim|'))!;
    expect(claim.text).toBe('认领');
    wecom.calls.length = 0;
    await postAppCallback(svc.url, cardClickXml('kefu', claim.key, card.task_id!, 'rc-ticket-1'));
    await wecom.waitFor(() => wecom.called('message/update_template_card').some((c) => c.body.response_code === 'rc-ticket-1'));
    const update = wecom.called('message/update_template_card').find((c) => c.body.response_code === 'rc-ticket-1')!.body;
    expect(JSON.stringify(update.template_card)).toContain('已认领 · kefu');
    await wecom.waitFor(() => sent('kefu').some((c) => textOf(c).includes('你已认领')));
    // The clicked card is drawn once, with the click's code; the card's send-time code is kept.
    expect(wecom.called('message/update_template_card')).toHaveLength(1);

    // Later changes redraw the member's copy with that send-time code, and once it is spent a fresh
    // card is sent instead (the fake refuses a code used twice).
    const ref = card.main_title!.title.match(/T-\d+/)![0];
    const redrawnWith = (needle: string) => wecom.called('message/update_template_card').filter((c) => JSON.stringify(c.body.template_card).includes(needle));
    await say('kefu', `解决 ${ref} 已重开发票`);
    await wecom.waitFor(() => redrawnWith('已解决').length > 0);
    expect(redrawnWith('已解决')[0].body.response_code).not.toBe('rc-ticket-1');
    expect(sent('kefu').some((c) => isTicketCard(c) && JSON.stringify(c.body.template_card).includes('已解决'))).toBe(false);
    const updatesBefore = wecom.called('message/update_template_card').length;
    await say('kefu', `重新打开 ${ref} 客户说发票还是不对`);
    await wecom.waitFor(() => sent('kefu').some((c) => isTicketCard(c) && JSON.stringify(c.body.template_card).includes('待认领')));
    await new Promise((r) => setTimeout(r, 100));
    expect(wecom.called('message/update_template_card')).toHaveLength(updatesBefore);
    const codes = wecom.called('message/update_template_card').map((c) => c.body.response_code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('should send a fresh card when the remembered code has expired or WeCom refuses it, and redraw that one next time', async () => {
    await say('kefu', '新建工单 键盘失灵');
    const isCard = (c: WecomCall) => c.body.msgtype === 'template_card' && (cardOf(c).main_title?.title ?? '').includes('键盘失灵');
    await wecom.waitFor(() => sent('kefu').some(isCard));
    const ref = cardOf(sent('kefu').find(isCard)!).main_title!.title.match(/T-\d+/)![0];
    const updates = () => wecom.called('message/update_template_card').filter((c) => JSON.stringify(c.body.template_card).includes('键盘失灵'));
    const cards = () => sent('kefu').filter(isCard).length;

    // Three days later the send-time code has expired: the claim sends a fresh card instead.
    // (The copy is remembered just after the card was sent: wait for it.)
    const ticket = (await ticketByRef(ref))!;
    const copied = async () => (await copiesOf(ticket, 'ticket', 'wecom')).some((c) => c.channel === 'kefu');
    for (let i = 0; i < 100 && !(await copied()); i++) await new Promise((r) => setTimeout(r, 20));
    await ageCopies('wecom', 'kefu', 73);
    await say('kefu', `认领 ${ref}`);
    await wecom.waitFor(() => cards() === 2);
    expect(updates()).toHaveLength(0);

    // The fresh card's code serves the next change; when WeCom refuses it, a fresh card again.
    await say('kefu', `升级 ${ref}`);
    await wecom.waitFor(() => updates().length === 1);
    wecom.failNext('message/update_template_card', 40058);
    await say('kefu', `解决 ${ref} 换了键盘`);
    await wecom.waitFor(() => cards() === 3);
    expect(JSON.stringify(sent('kefu').filter(isCard).at(-1)!.body.template_card)).toContain('已解决');
  });

  it("should name a mentioned member by WeCom's contact name where the app may read it, else by the user id until /crm name", async () => {
    wecom.names.set('lina', '李娜');
    // Earlier tests' cards may still reach these members: wait for the answer itself.
    const hears = async (user: string, text: string, needle: string) => {
      await say(user, text);
      await wecom.waitFor(() => sent(user).some((c) => textOf(c).includes(needle)));
    };
    await hears('zhangwei', '/crm role @lina support', '李娜');
    expect(wecom.called('user/get').map((c) => c.query.userid)).toContain('lina');
    expect(await memberByUser('lina')).toMatchObject({ displayName: '李娜', nameSource: 'platform' });
    // A newer app without contact permission gets no name: the id shows until the member sets one.
    await hears('zhangwei', '/crm role @wangfang support', 'wangfang');
    await hears('wangfang', '改名 王芳', '卡片上你现在显示为“王芳”。');
    await hears('zhangwei', '/crm role @王芳 manager', '王芳');
    expect(await memberByUser('wangfang')).toMatchObject({ role: 'manager' });
  });

  it('should show the name a member chose instead of their user id, and let only admins rename others', async () => {
    expect((await say('kefu', '改名 周敏')).map(textOf).join()).toContain('卡片上你现在显示为“周敏”。');
    expect((await say('kefu', '改名')).map(textOf).join()).toContain('请写上要显示的名字');
    expect((await say('kefu', `改名 ${'长'.repeat(61)}`)).map(textOf).join()).toContain('名字 太长（最多 60 个字符）');
    expect((await say('menuuser', '改名 @kefu 坏人')).map(textOf).join()).toContain('管理员');
    expect((await say('zhangwei', '/crm name @menuuser 孟女士')).map(textOf).join()).toContain('卡片上 menuuser 现在显示为“孟女士”。');
    const msgs = await say('kefu', '新建工单 网络断开');
    const ref = msgs.map(textOf).join().match(/T-\d+/)![0];
    await say('kefu', `认领 ${ref}`);
    // The new ticket's own card may still be on its way: wait for the answer itself.
    await wecom.waitFor(() => sent('kefu').some((c) => textOf(c).includes(`你已认领 ${ref}`)));
    await wecom.waitFor(() => wecom.called('message/update_template_card').some((c) => JSON.stringify(c.body.template_card).includes('已认领 · 周敏')));
    // The platform's name (WeCom sends only the user id) does not overwrite the chosen one.
    expect((await say('kefu', `查看工单 ${ref}`)).map(textOf).join()).toContain('周敏');
  });

  it("should still answer a click when updating the clicked card fails, and redraw that card with its own code", async () => {
    await say('kefu', '新建工单 屏幕闪烁');
    const isCard = (c: WecomCall) => c.body.msgtype === 'template_card' && (cardOf(c).main_title?.title ?? '').includes('屏幕闪烁');
    await wecom.waitFor(() => sent('kefu').some(isCard));
    const card = cardOf(sent('kefu').filter(isCard).at(-1)!);
    const claim = card.button_list!.find((b) => b.key.startsWith('ticket_claim|'))!;
    wecom.failNext('message/update_template_card', 40058);
    const before = sent('kefu').length;
    await postAppCallback(svc.url, cardClickXml('kefu', claim.key, card.task_id!, 'rc-broken'));
    await wecom.waitFor(() => sent('kefu').slice(before).some((c) => textOf(c).includes('你已认领')));
    // The click's code was refused; the card's send-time code redraws it, so no live Claim button is left.
    await wecom.waitFor(() =>
      wecom.called('message/update_template_card').some((c) => c.body.response_code !== 'rc-broken' && JSON.stringify(c.body.template_card).includes('屏幕闪烁') && JSON.stringify(c.body.template_card).includes('已认领')),
    );
  });
});

describe('WeCom intelligent bot callbacks', () => {
  it('should answer URL verification with an empty receive id', async () => {
    expect(await verifyUrl(svc.url, '/wecom/bot', botCrypto, WECOM_BOT_TOKEN, '42')).toEqual({ status: 200, text: '42' });
  });

  it('should answer a 1:1 chat with the bot in an encrypted stream message', async () => {
    const res = await postBotCallback(svc.url, {
      msgid: 'bot-1',
      aibotid: 'AIBOT',
      chattype: 'single',
      from: { userid: 'zhangwei' },
      response_url: wecom.responseUrl(),
      msgtype: 'text',
      text: { content: '帮助' },
    });
    expect(res.status).toBe(200);
    expect(res.reply).toMatchObject({ msgtype: 'stream', stream: { finish: true } });
    expect((res.reply!.stream as { content: string }).content).toContain('/lead add');
  });

  it('should strip the @mention in a group, run the command once even if delivered twice, and answer the caller privately', async () => {
    const msg = { msgid: 'bot-2', chatid: 'CHAT1', chattype: 'group', from: { userid: 'zhangwei' }, msgtype: 'text', text: { content: '＠ChatCRM\u2005lead add Group Co Ltd; Gu Pu; gu@group.cn' } };
    const before = sent('zhangwei').length;
    const first = await postBotCallback(svc.url, msg);
    const second = await postBotCallback(svc.url, msg);
    expect((first.reply!.stream as { content: string }).content).toBe('已在 ChatCRM 应用中私信回复你。');
    expect(second.reply).toBeNull();
    expect(await leadCount('Group Co Ltd')).toBe(1);
    await wecom.waitFor(() => sent('zhangwei').slice(before).some((c) => textOf(c).includes('Group Co Ltd')));
  });

  it('should keep a private answer private when it is too slow for the callback and goes through response_url', async () => {
    // A second service whose bot gives up waiting at once, so every answer takes the response_url path.
    const slow = await startService(wecomEnv(), undefined, { wecomBotBudgetMs: 0 });
    try {
      const before = sent('zhangwei').length;
      const responses = () => wecom.called('aibot/response');
      const seen = responses().length;
      const msg = { msgid: 'bot-slow-1', chatid: 'CHAT1', chattype: 'group', from: { userid: 'zhangwei' }, response_url: wecom.responseUrl('slow'), msgtype: 'text', text: { content: '@ChatCRM lead add Slow Co Ltd; Su Lo; su@slow.cn; +86 136 5555 0199' } };
      const res = await postBotCallback(slow.url, msg);
      expect(res.reply).toBeNull();
      await wecom.waitFor(() => responses().length > seen);
      const posted = JSON.stringify(responses().slice(seen).map((c) => c.body));
      expect(posted).toContain('已在 ChatCRM 应用中私信回复你。');
      expect(posted).not.toContain('su@slow.cn');
      expect(posted).not.toContain('5555');
      await wecom.waitFor(() => sent('zhangwei').slice(before).some((c) => textOf(c).includes('Slow Co Ltd')));
    } finally {
      await slow.close();
    }
  });
});
