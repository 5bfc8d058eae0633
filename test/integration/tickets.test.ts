import { formatWhen } from '../../src/platform/dates';
import { useTestDb } from '../helpers/db';
import { buttons, click, handleOf, interact, slash, submitView, startService, visibleText, type SlackMessage, type TestService } from '../helpers/service';
import { auditOfAction, countOf, memberByUser, ticketByRef, ticketClaims, tickets } from '../helpers/app-data';
import { ageClaims, writeHalfClaim } from '../helpers/raw-db';

useTestDb();
let svc: TestService;
const as = (user: string) => ({ user, userName: user.toLowerCase().slice(1) });
const say = async (user: string, command: string, text: string) => {
  const r = await slash(svc, command, text, as(user));
  if (r.body) return visibleText(r.body);
  await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0, 15000);
  return visibleText(svc.slack.responses(r.responseId)[0].body as SlackMessage);
};
const posts = (channel: string) => svc.slack.called('chat.postMessage').filter((c) => c.body.channel === channel);

let leadRef: string;
beforeAll(async () => {
  svc = await startService();
  await say('UADMIN', '/crm', 'help');
  leadRef = (await say('UREP1', '/lead', 'add Globex Ltd; Hank Scorpio; hank@globex.com')).match(/L-\d+/)![0];
  await say('UREP2', '/crm', 'help');
  await say('UADMIN', '/crm', 'role <@USUP|sup> support');
  await say('UADMIN', '/crm', 'role <@USUP2|sup2> support');
  await say('UADMIN', '/crm', 'role <@UMGR|mgr> manager');
  expect(await say('UADMIN', '/crm', 'config support-channel <#CSUPPORT|support>')).toContain('Saved. New tickets are posted to: #CSUPPORT.');
});
afterAll(async () => svc.close());
beforeEach(() => svc.slack.reset());

async function newTicket(text: string, user = 'UREP1'): Promise<{ ref: string; card: SlackMessage }> {
  const before = posts('CSUPPORT').length;
  const reply = await say(user, '/ticket', `new ${text}`);
  const ref = reply.match(/T-\d+/)![0];
  await svc.slack.waitFor(() => posts('CSUPPORT').length > before);
  return { ref, card: posts('CSUPPORT').at(-1)!.body as SlackMessage };
}

describe('opening tickets', () => {
  it('should post a new ticket to the support channel with Claim, Resolve, Escalate and Reassign, and store its SLA targets', async () => {
    const before = Date.now();
    const { ref, card } = await newTicket(`${leadRef} printer is on fire priority: high`);
    expect(visibleText(card)).toContain(`${ref} · printer is on fire`);
    expect(visibleText(card)).toContain(`${leadRef} · Globex Ltd`);
    expect(buttons(card).map((b) => b.label)).toEqual(['Claim', 'Resolve', 'Escalate', 'Reassign']);
    const t = await ticketByRef(ref);
    expect(t!.priority).toBe('high');
    expect(t!.firstResponseDueAt.getTime() - before).toBeGreaterThanOrEqual(59 * 60_000);
    expect(t!.firstResponseDueAt.getTime() - before).toBeLessThanOrEqual(61 * 60_000);
    expect(t!.resolutionDueAt.getTime() - t!.firstResponseDueAt.getTime()).toBe(7 * 3600_000);
    expect(await countOf(auditOfAction(t!, 'ticket', 'ticket.create'))).toBe(1);
  });

  it('should link a ticket typed with a full-width lead id and read medium as normal priority', async () => {
    const wide = leadRef.replace('L', 'Ｌ').replace('-', '－').replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const { ref, card } = await newTicket(`${wide} 登录失败 priority: medium`);
    expect(visibleText(card)).toContain(`${ref} · 登录失败`);
    expect(visibleText(card)).toContain(`${leadRef} · Globex Ltd`);
    expect((await ticketByRef(ref))!.priority).toBe('normal');
  });

  it('should use the workspace SLA settings', async () => {
    expect(await say('UADMIN', '/crm', 'config sla low 30m 2h')).toContain('Saved. Low: claim within 30 min, resolve within 2 h.');
    const { ref } = await newTicket('font looks odd priority: low');
    const t = await ticketByRef(ref);
    expect(t!.resolutionDueAt.getTime() - t!.firstResponseDueAt.getTime()).toBe(90 * 60_000);
  });

  it('should say what is missing for a ticket without a subject and store nothing', async () => {
    const count = (await tickets()).length;
    expect(await say('UREP1', '/ticket', 'new')).toContain('Usage');
    expect(await say('UREP1', '/ticket', 'new L-999 something')).toContain('There is no lead L-999');
    expect(await say('UREP1', '/ticket', `new ${leadRef}`)).toContain('Usage');
    expect(await say('UREP1', '/ticket', 'new printer jam priority: urgent')).toContain('Usage');
    expect(await tickets()).toHaveLength(count);
  });
});

describe('delivering the ticket card', () => {
  afterEach(() => (svc.slack.fault = () => 'ok'));

  it.each([
    ['answers 429', 'rate_limited' as const, 2],
    ['answers 500 after posting', 'error_after_post' as const, 1],
  ])('should post the card to the support channel exactly once when Slack first %s, and redraw that copy on Claim', async (_what, fault, calls) => {
    svc.slack.fault = (method, n) => (method === 'chat.postMessage' && n === 1 ? fault : 'ok');
    const reply = await say('UREP1', '/ticket', 'new the fax speaks in tongues');
    const ref = reply.match(/T-\d+/)![0];
    // The outbox retries it (after Retry-After for a 429; after checking the channel for a 500).
    await svc.slack.waitFor(() => svc.slack.posted.filter((p) => p.channel === 'CSUPPORT').length >= 1, 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    const copies = svc.slack.posted.filter((p) => p.channel === 'CSUPPORT' && visibleText(p.body as SlackMessage).includes(ref));
    expect(copies).toHaveLength(1);
    expect(posts('CSUPPORT')).toHaveLength(calls);
    const claim = buttons(copies[0].body as SlackMessage).find((b) => b.label === 'Claim')!;
    await click(svc, claim, { user: 'USUP' });
    await svc.slack.waitFor(() => svc.slack.called('chat.update').some((u) => u.body.ts === copies[0].ts), 10_000);
    const redraw = svc.slack.called('chat.update').find((u) => u.body.ts === copies[0].ts)!;
    expect(redraw.body.channel).toBe('CSUPPORT');
    expect(visibleText(redraw.body as SlackMessage)).toContain('Claimed by sup');
  });
});

describe('claiming', () => {
  it('should leave exactly one assignee when fifty people click Claim at once', async () => {
    const agents = Array.from({ length: 50 }, (_, i) => `UAGENT${i}`);
    for (const a of agents) await say('UADMIN', '/crm', `role <@${a}|agent${a.slice(6)}> support`);
    const { ref, card } = await newTicket('fifty hands');
    const claim = buttons(card).find((b) => b.label === 'Claim')!;
    svc.slack.reset();
    const clicks = await Promise.all(agents.map((a) => click(svc, claim, { user: a })));
    expect(clicks.every((c) => c.status === 200)).toBe(true);
    await svc.slack.waitFor(() => clicks.every((c) => svc.slack.responses(c.responseId).length > 0), 30000);
    await svc.slack.waitFor(() => svc.slack.called('chat.update').length >= 1, 10000);
    await new Promise((r) => setTimeout(r, 300));
    const answers = clicks.map((c) => visibleText(svc.slack.responses(c.responseId)[0].body as SlackMessage));
    expect(answers.filter((a) => a.includes(`You claimed ${ref}`))).toHaveLength(1);
    expect(answers.filter((a) => a.includes(`${ref} is already claimed by`))).toHaveLength(49);
    const t = await ticketByRef(ref);
    expect(t!.status).toBe('claimed');
    const winner = agents[answers.findIndex((a) => a.includes('You claimed'))];
    expect(answers.find((a) => a.includes('already claimed'))).toContain(`by ${handleOf(winner)}`);
    const updates = svc.slack.called('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0].body.channel).toBe('CSUPPORT');
    expect(visibleText(updates[0].body as SlackMessage)).toContain(`Claimed by ${handleOf(winner)}`);
    expect(await countOf(auditOfAction(t!, 'ticket', 'ticket.claim'))).toBe(1);
  }, 120000);

  it('should not leave a ticket unclaimable when a claim died between its two writes', async () => {
    const { ref, card } = await newTicket('half-claimed');
    const t = (await ticketByRef(ref))!;
    const mgr = (await memberByUser('UMGR'))!;
    const row = { workspaceId: t.workspaceId, ticketId: t._id, round: t.claimRound ?? 0, memberId: mgr._id };
    const claimAs = async (user: string) => {
      const r = await click(svc, buttons(card).find((b) => b.label === 'Claim')!, { user });
      await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0);
      return visibleText(svc.slack.responses(r.responseId)[0].body as SlackMessage);
    };
    // A claim row written a moment ago is a claim in progress: others are told who has it.
    await writeHalfClaim(row);
    expect(await claimAs('USUP')).toContain(`${ref} is already claimed by mgr`);
    // One written a minute ago whose ticket is still open never finished: the next click takes it over.
    await ageClaims(t._id, 60_000);
    expect(await claimAs('USUP')).toContain(`You claimed ${ref}`);
    expect((await ticketByRef(ref))!.status).toBe('claimed');
    expect(await ticketClaims(t)).toEqual([expect.objectContaining({ memberId: (await memberByUser('USUP'))!._id })]);
  });

  it("should show the support channel's card in the workspace's time zone, whatever the clicker's own zone", async () => {
    expect(await say('USUP2', '/crm', 'tz America/New_York')).toContain('America/New_York');
    const { ref, card } = await newTicket('clock check');
    const r = await click(svc, buttons(card).find((b) => b.label === 'Claim')!, { user: 'USUP2' });
    await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0);
    await svc.slack.waitFor(() => svc.slack.called('chat.update').some((u) => u.body.channel === 'CSUPPORT'));
    const t = (await ticketByRef(ref))!;
    const redrawn = visibleText(svc.slack.called('chat.update').find((u) => u.body.channel === 'CSUPPORT')!.body as SlackMessage);
    expect(redrawn).toMatch(new RegExp(`Claimed by u?sup2 at ${formatWhen(t.claimedAt!, 'en', 'Asia/Shanghai')}`));
    await say('USUP2', '/crm', 'tz workspace');
  });

  it('should refuse a rep who clicks Claim on their own ticket and change nothing', async () => {
    const { ref, card } = await newTicket('rep tries');
    const r = await click(svc, buttons(card).find((b) => b.label === 'Claim')!, { user: 'UREP1' });
    await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0);
    expect(visibleText(svc.slack.responses(r.responseId)[0].body as SlackMessage)).toContain('Only support staff, managers and admins');
    expect((await ticketByRef(ref))!.status).toBe('open');
  });
});

describe('resolving, reopening, escalating, reassigning', () => {
  it('should require a note, resolve once, and tell a later click that it is resolved', async () => {
    const { ref, card } = await newTicket('needs a note');
    const claim = buttons(card).find((b) => b.label === 'Claim')!;
    await say('USUP', '/ticket', `claim ${ref}`);
    expect(await say('USUP', '/ticket', `resolve ${ref}`)).toContain(`Say how ${ref} was resolved`);
    expect((await ticketByRef(ref))!.status).toBe('claimed');
    expect(await say('USUP', '/ticket', `resolve ${ref} replaced the toner`)).toContain(`${ref} is resolved.`);
    expect(await say('USUP', '/ticket', `resolve ${ref} again`)).toContain(`${ref} is already resolved.`);
    const late = await click(svc, claim, { user: 'USUP2' });
    await svc.slack.waitFor(() => svc.slack.responses(late.responseId).length > 0);
    expect(visibleText(svc.slack.responses(late.responseId)[0].body as SlackMessage)).toContain(`${ref} is already resolved.`);
    const t = await ticketByRef(ref);
    expect(t).toMatchObject({ status: 'resolved', resolution: 'replaced the toner' });
  });

  it('should ask for the resolution note in a modal and keep it open while the note is empty', async () => {
    const { ref } = await newTicket('modal resolve');
    await say('USUP', '/ticket', `claim ${ref}`);
    const shown = (await slash(svc, '/ticket', `show ${ref}`, as('USUP'))).body;
    const resolve = buttons(shown).find((b) => b.label === 'Resolve')!;
    await click(svc, resolve, { user: 'USUP' });
    await svc.slack.waitFor(() => svc.slack.called('views.open').length === 1);
    const view = svc.slack.called('views.open')[0].body.view as { callback_id: string; private_metadata: string };
    const submit = (note: string) => submitView(svc, 'USUP', view, { note });
    expect((await submit('   ')).body).toMatchObject({ response_action: 'errors', errors: { note: expect.stringContaining('Say how') } });
    expect((await submit('rebooted it')).status).toBe(200);
    expect((await ticketByRef(ref))!.status).toBe('resolved');
  });

  it('should ask why a ticket is reopened, put it back in the queue, and keep the earlier note in its history', async () => {
    const { ref } = await newTicket('comes back');
    await say('USUP', '/ticket', `claim ${ref}`);
    await say('USUP', '/ticket', `resolve ${ref} swapped the cable`);
    expect(await say('UREP1', '/ticket', `reopen ${ref}`)).toContain(`Say why ${ref} is reopened: \`/ticket reopen ${ref} &lt;reason&gt;\``);
    expect((await ticketByRef(ref))!.status).toBe('resolved');
    expect(await say('UREP1', '/ticket', `reopen ${ref} it jams again`)).toContain(`${ref} is back in the queue.`);
    expect(await ticketByRef(ref)).toMatchObject({ status: 'open', assigneeId: null, resolution: '' });
    expect(await say('USUP', '/ticket', 'list unclaimed')).toContain(ref);
    const history = await say('UREP1', '/ticket', `history ${ref}`);
    expect(history).toContain(`History of ${ref}`);
    expect(history).toMatch(/rep1 opened it[\s\S]*sup claimed it[\s\S]*sup resolved it: swapped the cable[\s\S]*rep1 reopened it: it jams again/);
  });

  it('should ask for the reason in a modal when Reopen is clicked', async () => {
    const { ref } = await newTicket('modal reopen');
    await say('USUP', '/ticket', `resolve ${ref} fixed`);
    const shown = (await slash(svc, '/ticket', `show ${ref}`, as('UREP1'))).body;
    await click(svc, buttons(shown).find((b) => b.label === 'Reopen')!, { user: 'UREP1' });
    await svc.slack.waitFor(() => svc.slack.called('views.open').length === 1);
    const view = svc.slack.called('views.open')[0].body.view as { callback_id: string; private_metadata: string };
    expect((await submitView(svc, 'UREP1', view, { reason: ' ' })).body).toMatchObject({ response_action: 'errors', errors: { reason: expect.stringContaining('Say why') } });
    expect((await submitView(svc, 'UREP1', view, { reason: 'not fixed' })).status).toBe(200);
    expect((await ticketByRef(ref))!.status).toBe('open');
  });

  it('should flag an escalated ticket and tell the managers directly', async () => {
    const { ref } = await newTicket('angry customer');
    expect(await say('USUP', '/ticket', `escalate ${ref}`)).toContain(`${ref} is escalated`);
    await svc.slack.waitFor(() => posts('UMGR').length > 0);
    expect(visibleText(posts('UMGR')[0].body as SlackMessage)).toContain(`sup escalated ${ref} to you.`);
    expect(await say('USUP', '/ticket', `escalate ${ref}`)).toContain(`${ref} is already escalated.`);
  });

  it('should reassign only to support staff', async () => {
    const { ref } = await newTicket('hand over');
    expect(await say('USUP', '/ticket', `assign ${ref} <@UREP2|rep2>`)).toContain('rep2 is not in support');
    // The name shown is the member's own (from their last request), not the mention's handle.
    const sup2 = await memberByUser('USUP2');
    expect(await say('USUP', '/ticket', `assign ${ref} <@USUP2|someone>`)).toContain(`${ref} now belongs to ${sup2!.displayName}.`);
    expect((await ticketByRef(ref))!.assigneeId).toEqual(sup2!._id);
    await svc.slack.waitFor(() => posts('USUP2').length > 0);
    expect(visibleText(posts('USUP2')[0].body as SlackMessage)).toContain(`sup gave you ${ref}.`);
  });
});

describe('"Open ticket" from a message', () => {
  it('should open a ticket whose description is the message', async () => {
    await interact(svc, {
      type: 'message_action',
      callback_id: 'open_ticket',
      trigger_id: 't.ticket',
      team: { id: 'T1', domain: 'acme' },
      user: { id: 'UREP1', username: 'rep1', team_id: 'T1' },
      channel: { id: 'C5', name: 'customers' },
      message: { type: 'message', user: 'UCUST', ts: '1.2', text: 'Login fails after the update\nError 500 on every page' },
      response_url: svc.slack.responseUrl('ot'),
    });
    await svc.slack.waitFor(() => svc.slack.called('views.open').length === 1);
    const view = svc.slack.called('views.open')[0].body.view as { callback_id: string; blocks: { block_id: string; element: { initial_value?: string } }[] };
    const initial = Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element.initial_value]));
    expect(initial).toMatchObject({ subject: 'Login fails after the update', description: 'Login fails after the update\nError 500 on every page' });
    await submitView(svc, 'UREP1', view, { subject: 'Login fails after the update', description: 'Error 500 on every page', priority: { select: 'high' }, lead: { select: null } });
    expect((await tickets()).find((x) => x.subject === 'Login fails after the update')).toMatchObject({ description: 'Error 500 on every page', priority: 'high', leadId: null });
    await svc.slack.waitFor(() => posts('CSUPPORT').some((p) => visibleText(p.body as SlackMessage).includes('Login fails')));
  });
});

describe('Reassign button', () => {
  it('should offer only support agents and give the ticket to the one picked', async () => {
    const { ref, card } = await newTicket('pick an agent');
    await click(svc, buttons(card).find((b) => b.label === 'Reassign')!, { user: 'USUP' });
    await svc.slack.waitFor(() => svc.slack.called('views.open').length === 1);
    const view = svc.slack.called('views.open')[0].body.view as { callback_id: string; private_metadata: string; blocks: { element: { type: string; options: { value: string }[] } }[] };
    const offered = view.blocks[0].element.options.map((o) => o.value);
    expect(view.blocks[0].element.type).toBe('static_select');
    expect(offered).toContain('USUP2');
    expect(offered).not.toContain('UREP1');
    expect(offered).not.toContain('UADMIN');
    await submitView(svc, 'USUP', view, { assignee: { select: 'USUP2' } });
    const t = await ticketByRef(ref);
    expect(t!.status).toBe('claimed');
    await svc.slack.waitFor(() => posts('USUP2').some((p) => visibleText(p.body as SlackMessage).includes(`gave you ${ref}`)));
  });
});

describe('help', () => {
  it('should list the ticket commands each role may run', async () => {
    const rep = await say('UREP1', '/ticket', 'help');
    expect(rep).toContain('/ticket new');
    expect(rep).not.toContain('/ticket claim');
    expect(await say('USUP', '/ticket', 'help')).toContain('/ticket claim');
  });
});

describe('who sees which ticket', () => {
  it("should show a rep the tickets on their own leads and not another rep's", async () => {
    const { ref } = await newTicket(`${leadRef} only for rep1`, 'UADMIN');
    expect(await say('UREP1', '/ticket', `show ${ref}`)).toContain('only for rep1');
    expect(await say('UREP2', '/ticket', `show ${ref}`)).toContain(`You cannot see ${ref}.`);
    expect(await say('UREP2', '/ticket', 'list all')).not.toContain('only for rep1');
    expect(await say('UREP2', '/ticket', 'show T-9999')).toContain('There is no ticket T-9999');
  });
});

describe('what the reader of a ticket sees and hears', () => {
  it('should answer /ticket new with the ticket card, showing a rep only what a rep may do', async () => {
    const r = await slash(svc, '/ticket', `new ${leadRef} paper jam priority: high`, as('UREP1'));
    const card = r.body as SlackMessage;
    const ref = visibleText(card).match(/T-\d+/)![0];
    expect(visibleText(card)).toContain(`Opened ${ref}.`);
    expect(visibleText(card)).toContain(`${ref} · paper jam`);
    expect(visibleText(card)).toContain('High');
    expect(buttons(card).map((b) => b.label)).toEqual(['Escalate']);
    const support = (await slash(svc, '/ticket', `show ${ref}`, as('USUP'))).body;
    expect(buttons(support).map((b) => b.label)).toEqual(['Claim', 'Resolve', 'Escalate', 'Reassign']);
  });

  it('should tell the rep who owns the customer when the ticket is claimed and when it is resolved', async () => {
    const { ref } = await newTicket(`${leadRef} invoice is wrong`);
    await say('USUP', '/ticket', `claim ${ref}`);
    await svc.slack.waitFor(() => posts('UREP1').length > 0);
    expect(visibleText(posts('UREP1')[0].body as SlackMessage)).toContain(`sup claimed ${ref} for your customer ${leadRef} · Globex Ltd.`);
    await say('USUP', '/ticket', `resolve ${ref} sent a corrected invoice`);
    await svc.slack.waitFor(() => posts('UREP1').length > 1);
    const resolved = posts('UREP1')[1].body as SlackMessage;
    expect(visibleText(resolved)).toContain(`sup resolved ${ref} for your customer ${leadRef} · Globex Ltd: sent a corrected invoice`);
    expect(buttons(resolved).map((b) => b.label)).toEqual(['Reopen']);
  });
});
