import { wecomServiceEnv, postBotCallback } from '../helpers/wecom-callback';
import { useTestDb } from '../helpers/db';
import { slash, startService, visibleText, type SlackMessage, type TestService } from '../helpers/service';
import { FakeWecom } from '../helpers/wecom-api';

// Text people type is shown, never obeyed: a ticket subject or a company name holding <!channel>,
// <!here> or <@U…> must not ping anyone where ChatCRM posts it (the card's blocks, the message's
// top-level text that notifications use, direct messages), nor <@userid>/@all in WeCom markdown.

useTestDb();
let svc: TestService;
let wecom: FakeWecom;
beforeAll(async () => {
  wecom = await new FakeWecom().start();
  svc = await startService({
    ...wecomServiceEnv(wecom.url),
  });
  await slash(svc, '/crm', 'help');
  await slash(svc, '/crm', 'config support-channel <#CSUPPORT|support>');
});
afterAll(async () => {
  await svc.close();
  await wecom.stop();
});

// As Slack delivers them with should_escape: true (what a user gets by typing @channel, @here, @victim).
const PINGS = '<!channel> <!here> <!everyone> <@U0VICTIM|victim>';
const LIVE = /<!channel>|<!here>|<!everyone>|<@U0VICTIM/;
const posted = (channel: string) => svc.slack.called('chat.postMessage').filter((c) => c.body.channel === channel);

/** Every text Slack parses for mentions: the top-level text and each mrkdwn object (plain_text is shown as is). */
function parsedTexts(m: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk((m as { blocks?: unknown }).blocks);
  return [String((m as { text?: unknown }).text ?? ''), ...out];
}

describe('typed mentions on Slack', () => {
  it('should post a /ticket new to #support with the mentions escaped in the blocks and in the top-level text', async () => {
    const res = await slash(svc, '/ticket', `new printer on fire ${PINGS} & smoking`, { user: 'UREP1', userName: 'rep1' });
    expect(res.status).toBe(200);
    await svc.slack.waitFor(() => posted('CSUPPORT').length > 0);
    const card = posted('CSUPPORT')[0].body as unknown as SlackMessage & { text: string };
    expect(card.text).toContain('printer on fire &lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U0VICTIM|victim&gt; &amp; smoking');
    for (const text of parsedTexts(card)) expect(text).not.toMatch(LIVE);
    // The header is plain_text: Slack shows it as typed and never turns it into a mention.
    expect(card.blocks![0]).toEqual({ type: 'header', text: { type: 'plain_text', text: `T-1 · printer on fire ${PINGS} & smoking`, emoji: true } });
    // The creator's confirmation too.
    for (const text of parsedTexts(res.body)) expect(text).not.toMatch(LIVE);
  });

  it('should escape a typed mention in the direct message a new owner gets, and in the answer itself', async () => {
    const add = await slash(svc, '/lead', 'add <!here> Trading Ltd; Eve');
    for (const text of parsedTexts(add.body)) expect(text).not.toMatch(/<!here>/);
    const id = visibleText(add.body).match(/L-\d+/)![0];
    await slash(svc, '/lead', `assign ${id} <@UREP2|rep2>`);
    await svc.slack.waitFor(() => posted('UREP2').length > 0);
    const dm = posted('UREP2')[0].body as { text: string; blocks: unknown[] };
    expect(dm.text).toContain('&lt;!here&gt; Trading Ltd');
    for (const text of parsedTexts(dm)) expect(text).not.toMatch(/<!here>/);
  });
});

describe('typed mentions on WeCom', () => {
  it('should show a ticket whose subject holds <@userid>, @all and <font> without mentioning or styling anything', async () => {
    const bot = (msgid: string, content: string) =>
      postBotCallback(svc.url, { msgid, aibotid: 'AIBOT', chattype: 'single', from: { userid: 'zhangwei' }, response_url: wecom.responseUrl(), msgtype: 'text', text: { content } });
    const opened = await bot('m-1', 'ticket new 打印机坏了 <@lisi> @all <font color="warning">紧急</font>');
    const ref = (opened.reply!.stream as { content: string }).content.match(/T-\d+/)![0];
    const shown = await bot('m-2', `ticket show ${ref}`);
    const content = (shown.reply!.stream as { content: string }).content;
    expect(content).toContain('打印机坏了');
    expect(content).not.toMatch(/<@|<font|(^|\s)@all\b/m);
    expect(content).toContain('＜@lisi> @\u2060all ＜font color="warning">紧急＜/font>');
  });
});
