import { useTestDb } from '../helpers/db';
import { SIGNING_SECRET, slackHeaders } from '../helpers/slack';
import { buttons, click, interact, slash, startService, visibleText, type SlackMessage, type TestService, submitView } from '../helpers/service';
import { interactions, interactionsOf, leadByCompany, ticketByRef } from '../helpers/app-data';

useTestDb();
let svc: TestService;
const as = (user: string) => ({ user, userName: user.toLowerCase().slice(1) });
const run = async (user: string, command: string, text: string) => (await slash(svc, command, text, as(user))).body;
const say = async (user: string, command: string, text: string) => visibleText(await run(user, command, text));

let lead: string;
beforeAll(async () => {
  svc = await startService();
  await say('UADMIN', '/crm', 'help');
  lead = (await say('UREP1', '/lead', 'add Initech Inc; Bill Lumbergh; bill@initech.com')).match(/L-\d+/)![0];
  await say('UREP2', '/crm', 'help');
});
afterAll(async () => svc.close());
beforeEach(() => svc.slack.reset());

describe('/log', () => {
  it('should store the interaction, update last contact, set the next follow-up and answer with the card', async () => {
    const text = await say('UREP1', '/log', `${lead} call discussed TPS reports next: 2030-03-01 10:00 send the quote`);
    expect(text).toContain(`Call logged on ${lead}.`);
    expect(text).toContain('rep1: discussed TPS reports');
    const l = await leadByCompany('Initech Inc');
    expect(l!.lastContactAt).toBeInstanceOf(Date);
    expect(l!.nextFollowUpAt!.toISOString()).toBe('2030-03-01T02:00:00.000Z');
    expect(l!.nextFollowUpWhat).toBe('send the quote');
    expect((await interactionsOf(l!)).find((i) => i.kind === 'call')).toMatchObject({ text: 'discussed TPS reports' });
  });

  it('should accept Chinese kinds', async () => {
    expect(await say('UREP1', '/log', `${lead} 拜访 现场演示`)).toContain(`Visit logged on ${lead}.`);
  });

  it('should refuse an unknown kind, an empty text and another rep, writing nothing', async () => {
    const before = (await interactions()).length;
    expect(await say('UREP1', '/log', `${lead} telepathy we vibed`)).toContain('“telepathy” is not a kind of interaction');
    expect(await say('UREP1', '/log', `${lead} call`)).toContain('Say what happened');
    expect(await say('UREP2', '/log', `${lead} call sneaky`)).toContain(`You cannot see ${lead}`);
    expect(await say('UREP1', '/log', 'L-999 call hello')).toContain('There is no lead L-999');
    expect(await interactions()).toHaveLength(before);
  });

  it('should open a ticket linked to the lead for a complaint and say so', async () => {
    const r = await slash(svc, '/log', `${lead} complaint the stapler was taken`, as('UREP1'));
    const text = visibleText(r.body);
    expect(text).toContain('This complaint opened a ticket.');
    const ref = text.match(/T-\d+/)![0];
    const l = await leadByCompany('Initech Inc');
    const t = await ticketByRef(ref);
    expect(t).toMatchObject({ leadId: l!._id, priority: 'high', status: 'open' });
    expect((await interactions()).find((i) => i.kind === 'complaint')).toMatchObject({ ticketId: t!._id });
    // No support channel configured: the ticket card goes to the person who opened it.
    await svc.slack.waitFor(() => svc.slack.called('chat.postMessage').some((c) => c.body.channel === 'UREP1'));
  });
});

describe('the timeline', () => {
  it('should page the whole history newest first', async () => {
    const id = (await say('UREP2', '/lead', 'add Hooli; Gavin Belson; gavin@hooli.com')).match(/L-\d+/)![0];
    for (let i = 1; i <= 12; i++) await say('UREP2', '/log', `${id} note entry ${i}`);
    const page1 = await run('UREP2', '/lead', `history ${id}`);
    const lines1 = visibleText(page1).match(/entry \d+/g)!;
    expect(lines1).toEqual(['entry 12', 'entry 11', 'entry 10', 'entry 9', 'entry 8', 'entry 7', 'entry 6', 'entry 5', 'entry 4', 'entry 3']);
    expect(visibleText(page1)).toContain('Page 1 of 2');
    const r = await click(svc, buttons(page1).find((b) => b.label === 'Next ›')!, { user: 'UREP2' });
    await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0);
    expect(visibleText(svc.slack.responses(r.responseId)[0].body as SlackMessage).match(/entry \d+/g)).toEqual(['entry 2', 'entry 1']);
  });
});

describe('logging from Slack', () => {
  it("should open the log form from the lead card's Log button and save what is submitted", async () => {
    const card = await run('UREP1', '/lead', `show ${lead}`);
    await click(svc, buttons(card).find((b) => b.label === 'Log')!, { user: 'UREP1' });
    await svc.slack.waitFor(() => svc.slack.called('views.open').length === 1);
    const view = svc.slack.called('views.open')[0].body.view as { callback_id: string; private_metadata: string; blocks: { block_id: string }[] };
    expect(view.blocks.map((b) => b.block_id)).toEqual(['kind', 'text', 'next']);
    const res = await submitView(svc, 'UREP1', view, { kind: { select: 'meeting' }, text: 'quarterly review', next: '' });
    expect(res.status).toBe(200);
    expect((await interactions()).find((i) => i.text === 'quarterly review')).toMatchObject({ kind: 'meeting' });
  });

  it('should log a message with "Log to lead": search the lead as you type, keep the author and a link', async () => {
    await interact(svc, {
      type: 'message_action',
      callback_id: 'log_to_lead',
      trigger_id: 't.log',
      team: { id: 'T1', domain: 'acme' },
      user: { id: 'UREP1', username: 'rep1', team_id: 'T1' },
      channel: { id: 'C77', name: 'deals' },
      message_ts: '1757000000.000100',
      message: { type: 'message', user: 'UCUST', ts: '1757000000.000100', text: 'Bill says the budget is approved' },
      response_url: svc.slack.responseUrl('log'),
    });
    await svc.slack.waitFor(() => svc.slack.called('views.open').length === 1);
    const view = svc.slack.called('views.open')[0].body.view as { callback_id: string; private_metadata: string; blocks: { block_id: string; element: { type: string; action_id: string; initial_value?: string } }[] };
    expect(view.blocks[0]).toMatchObject({ block_id: 'lead', element: { type: 'external_select', action_id: 'lead_search' } });
    expect(view.blocks.find((b) => b.block_id === 'text')!.element.initial_value).toBe('Bill says the budget is approved');

    // Slack asks for options while the user types.
    const body = 'payload=' + encodeURIComponent(JSON.stringify({ type: 'block_suggestion', action_id: 'lead_search', block_id: 'lead', value: 'initech', team: { id: 'T1', domain: 'acme' }, user: { id: 'UREP1', username: 'rep1', team_id: 'T1' }, view: { id: 'V2', callback_id: 'log_form' } }));
    const opts = await fetch(`${svc.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackHeaders(SIGNING_SECRET, body) }, body });
    const options = ((await opts.json()) as { options: { text: { text: string }; value: string }[] }).options;
    expect(options.map((o) => o.text.text)).toEqual([`${lead} · Initech Inc · Bill Lumbergh`]);
    const other = 'payload=' + encodeURIComponent(JSON.stringify({ type: 'block_suggestion', action_id: 'lead_search', block_id: 'lead', value: 'hooli', team: { id: 'T1', domain: 'acme' }, user: { id: 'UREP1', username: 'rep1', team_id: 'T1' }, view: { id: 'V2', callback_id: 'log_form' } }));
    const none = await fetch(`${svc.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackHeaders(SIGNING_SECRET, other) }, body: other });
    expect(((await none.json()) as { options: unknown[] }).options).toEqual([]);

    await submitView(svc, 'UREP1', view, { lead: { select: options[0].value }, kind: { select: 'wechat' }, text: 'Bill says the budget is approved', next: '' });
    expect((await interactions()).find((i) => i.kind === 'wechat')).toMatchObject({
      text: 'Bill says the budget is approved',
      messageAuthor: '<@UCUST>',
      messageLink: 'https://acme.slack.com/archives/C77/p1757000000000100',
    });
    // The timeline says where it came from: the message's author (by name once they are a member) and its link.
    const history = async () => visibleText((await slash(svc, '/lead', `history ${lead}`, { user: 'UREP1', userName: 'rep1' })).body);
    expect(await history()).toContain('Bill says the budget is approved (from a message by UCUST https://acme.slack.com/archives/C77/p1757000000000100)');
    await slash(svc, '/crm', 'help', { user: 'UCUST', userName: 'bill.l' });
    expect(await history()).toContain('Bill says the budget is approved (from a message by bill.l https://acme.slack.com/archives/C77/p1757000000000100)');
  });
});
