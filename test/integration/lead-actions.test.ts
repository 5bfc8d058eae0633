import { useTestDb } from '../helpers/db';
import { buttons, click, interact, slash, startService, visibleText, type SlackMessage, type TestService, submitView, clicked as clickedAs } from '../helpers/service';
import { auditOfAction, countOf, leadByCompany, leadCount } from '../helpers/app-data';

useTestDb();
let svc: TestService;
const as = (user: string) => ({ user, userName: user.toLowerCase().slice(1) });
const run = async (user: string, text: string) => (await slash(svc, '/lead', text, as(user))).body;
const say = async (user: string, text: string) => visibleText(await run(user, text));
const idOf = (text: string) => text.match(/L-\d+/)![0];

const clicked = (button: { actionId: string; value: string }, user = 'UADMIN') => clickedAs(svc, button, user);

beforeAll(async () => {
  svc = await startService();
  await say('UADMIN', 'help');
  await say('UREP1', 'help');
  await say('UREP2', 'help');
});
afterAll(async () => svc.close());
beforeEach(() => svc.slack.reset());

describe('changing a lead from chat', () => {
  it('should move a lead through stages, record who changed what, and refuse an unknown stage', async () => {
    const id = idOf(await say('UREP1', 'add Stark Industries; Pepper Potts; pepper@stark.com'));
    expect(await say('UREP1', `stage ${id} qualified`)).toContain(`${id} moved to Qualified.`);
    expect(await say('UREP1', `stage ${id} dreaming`)).toContain('There is no stage “dreaming”. Stages: new, contacted, qualified, proposal, negotiation, won, lost.');
    // A stage may be named by its label in either language too.
    expect(await say('UREP1', `stage ${id} 方案报价`)).toContain(`${id} moved to Proposal.`);
    expect(await say('UREP1', `stage ${id} Qualified`)).toContain(`${id} moved to Qualified.`);
    const lead = await leadByCompany('Stark Industries');
    expect(lead!.stage).toBe('qualified');
    const audit = await auditOfAction(lead!, 'lead', 'lead.stage');
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({ before: { stage: 'new' }, after: { stage: 'qualified' }, platform: 'slack' });
  });

  it('should require a reason to mark a lead lost and store it', async () => {
    const id = idOf(await say('UREP1', 'add Wayne Enterprises; Lucius Fox; lucius@wayne.com'));
    expect(await say('UREP1', `lost ${id}`)).toContain(`Say why ${id} was lost`);
    expect((await leadByCompany('Wayne Enterprises'))!.stage).toBe('new');
    expect(await say('UREP1', `lost ${id} went with a competitor`)).toContain(`${id} is marked lost.`);
    expect((await leadByCompany('Wayne Enterprises'))!.lostReason).toBe('went with a competitor');
  });

  it('should mark a lead won with a value', async () => {
    const id = idOf(await say('UREP1', 'add Oscorp; Norman Osborn; norman@oscorp.com'));
    expect(await say('UREP1', `won ${id} ¥80,000`)).toContain(`${id} is won`);
    expect(await leadByCompany('Oscorp')).toMatchObject({ stage: 'won', value: 80000, currency: 'CNY' });
    expect(await say('UREP1', `won ${id} lots`)).toContain('“lots” is not an amount');
  });

  it('should set the next follow-up in the user time zone and refuse a date it cannot read', async () => {
    const id = idOf(await say('UREP1', 'add Cyberdyne; Miles Dyson; miles@cyberdyne.com'));
    expect(await say('UREP1', `next ${id} someday maybe`)).toContain('I could not read a date in “someday maybe”');
    const text = await say('UREP1', `next ${id} 2030-01-15 send the contract`);
    expect(text).toContain(`Next follow-up on ${id}`);
    const lead = await leadByCompany('Cyberdyne');
    expect(lead!.nextFollowUpAt!.toISOString()).toBe('2030-01-15T01:00:00.000Z'); // 09:00 Asia/Shanghai
    expect(lead!.nextFollowUpWhat).toBe('send the contract');
  });

  it("should read and show dates in a member's own time zone once set, and go back to the workspace's", async () => {
    const crm = async (user: string, text: string) => visibleText((await slash(svc, '/crm', text, as(user))).body);
    expect(await crm('UREP2', 'tz Mars/Olympus')).toContain('That value does not work for tz');
    expect(await crm('UREP2', 'tz America/New_York')).toContain('Your dates are now read and shown in America/New_York.');
    const id = idOf(await say('UREP2', 'add Initrode; Peter Gibbons; peter@initrode.com'));
    const text = await say('UREP2', `next ${id} 2030-01-15 2pm send the contract`);
    expect(text).toContain('14:00');
    const lead = await leadByCompany('Initrode');
    expect(lead!.nextFollowUpAt!.toISOString()).toBe('2030-01-15T19:00:00.000Z'); // 14:00 in New York
    // A colleague in the workspace's zone sees the same moment as Shanghai time.
    expect(await say('UADMIN', `show ${id}`)).toContain('03:00');
    expect(await crm('UREP2', 'tz workspace')).toContain('Asia/Shanghai');
    expect(await say('UREP2', `show ${id}`)).toContain('03:00');
  });

  it('should give a lead to someone else and send them a direct message', async () => {
    const id = idOf(await say('UREP1', 'add Umbrella Corp; Albert Wesker; wesker@umbrella.com'));
    expect(await say('UREP1', `assign ${id} <@UREP2|rep2>`)).toContain(`${id} now belongs to rep2.`);
    await svc.slack.waitFor(() => svc.slack.called('chat.postMessage').some((c) => c.body.channel === 'UREP2'));
    const dm = svc.slack.called('chat.postMessage').find((c) => c.body.channel === 'UREP2');
    expect(visibleText(dm!.body as SlackMessage)).toContain(`rep1 gave you ${id}.`);
    expect(await say('UREP1', `show ${id}`)).toContain(`You cannot see ${id}`);
  });
});

describe('language', () => {
  it('should answer in Chinese after /crm lang zh-CN and send a new owner the card in their own language', async () => {
    expect(visibleText((await slash(svc, '/crm', 'lang zh-CN', as('UREP1'))).body)).toContain('zh-CN');
    const card = await say('UREP1', 'add 北京测试有限公司；王芳；wang@bjtest.cn；金额：5万');
    expect(card).toContain('负责人');
    expect(card).toContain('推进到已联系');
    const id = idOf(card);
    svc.slack.reset();
    expect(await say('UREP1', `assign ${id} <@UREP2|rep2>`)).toContain(`${id} 的负责人现在是 rep2。`);
    await svc.slack.waitFor(() => svc.slack.called('chat.postMessage').length === 1);
    const dm = visibleText(svc.slack.called('chat.postMessage')[0].body as SlackMessage);
    expect(dm).toContain(`rep1 gave you ${id}.`);
    expect(dm).toContain('Move to Contacted');
    expect(dm).not.toContain('Assign to me');
    await slash(svc, '/crm', 'lang en', as('UREP1'));
  });
});

describe('lead card buttons', () => {
  it('should advance the stage once when an old card is clicked twice', async () => {
    const card = await run('UREP1', 'add Tyrell Corp; Eldon Tyrell; eldon@tyrell.com');
    const advance = buttons(card).find((b) => b.actionId.startsWith('lead_advance'))!;
    expect(advance.label).toBe('Move to Contacted');
    const first = await clicked(advance, 'UREP1');
    expect(first.replace_original).toBe(true);
    expect(visibleText(first)).toContain('moved to Contacted');
    const second = await clicked(advance, 'UREP1');
    expect(visibleText(second)).toContain('was changed by someone else in the meantime');
    expect((await leadByCompany('Tyrell Corp'))!.stage).toBe('contacted');
  });

  it('should advance the stage once when Move is clicked ten times at the same moment', async () => {
    const card = await run('UREP1', 'add Wallace Corp; Niander Wallace; niander@wallace.com');
    const advance = buttons(card).find((b) => b.actionId.startsWith('lead_advance'))!;
    const answers = await Promise.all(Array.from({ length: 10 }, () => clicked(advance, 'UREP1')));
    const texts = answers.map((a) => visibleText(a));
    expect(texts.filter((t) => t.includes('moved to Contacted'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('was changed by someone else in the meantime'))).toHaveLength(9);
    const lead = (await leadByCompany('Wallace Corp'))!;
    expect(lead.stage).toBe('contacted');
    expect(await countOf(auditOfAction(lead, 'lead', 'lead.stage'))).toBe(1);
  });

  it('should open a form for the follow-up and save what is typed there', async () => {
    const card = await run('UREP1', 'add Soylent; Sol Roth; sol@soylent.com');
    const btn = buttons(card).find((b) => b.actionId.startsWith('lead_followup'))!;
    await click(svc, btn, { user: 'UREP1' });
    await svc.slack.waitFor(() => svc.slack.called('views.open').length === 1);
    const view = svc.slack.called('views.open')[0].body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('lead_followup_form');
    const submit = (when: string) => submitView(svc, 'UREP1', view, { when });
    const bad = await submit('whenever');
    expect(bad.body).toMatchObject({ response_action: 'errors', errors: { when: expect.stringContaining('could not read a date') } });
    const good = await submit('2030-02-01 10:00 demo');
    expect(good.status).toBe(200);
    const lead = await leadByCompany('Soylent');
    expect(lead!.nextFollowUpAt!.toISOString()).toBe('2030-02-01T02:00:00.000Z');
  });
});

describe('the lead form', () => {
  const submitLead = (values: Record<string, string>) => submitView(svc, 'UREP2', { callback_id: 'lead_add_form' }, values);

  it('should open a modal when /lead add has no text', async () => {
    const res = await slash(svc, '/lead', 'add', as('UREP2'));
    expect(res.status).toBe(200);
    await svc.slack.waitFor(() => svc.slack.called('views.open').length === 1);
    const call = svc.slack.called('views.open')[0];
    expect(call.body.trigger_id).toBe(`trigger.${res.responseId}`);
    expect((call.body.view as { callback_id: string }).callback_id).toBe('lead_add_form');
  });

  it('should keep the form open with a message under each bad field and store nothing', async () => {
    const res = await submitLead({ company: 'Massive Dynamic', contact: '', phone: '12', email: 'nope' });
    expect(res.body.response_action).toBe('errors');
    expect(Object.keys(res.body.errors).sort()).toEqual(['contact', 'email', 'phone']);
    expect(await leadCount('Massive Dynamic')).toBe(0);
  });

  it('should create the lead from the form and send the card by direct message', async () => {
    const res = await submitLead({ company: 'Massive Dynamic', contact: 'Nina Sharp', phone: '+1 212 555 0100', email: 'nina@massive.com', value: '5万' });
    expect(res.status).toBe(200);
    await svc.slack.waitFor(() => svc.slack.called('chat.postMessage').length === 1);
    const dm = svc.slack.called('chat.postMessage')[0];
    expect(dm.body.channel).toBe('UREP2');
    expect(visibleText(dm.body as SlackMessage)).toContain('Massive Dynamic');
    expect(await leadByCompany('Massive Dynamic')).toMatchObject({ value: 50000, keys: { phones: ['+12125550100'] } });
  });

  it('should pre-fill the form from a message with "Save as lead"', async () => {
    await interact(svc, {
      type: 'message_action',
      callback_id: 'save_as_lead',
      trigger_id: 'trigger.shortcut',
      team: { id: 'T1', domain: 'acme' },
      user: { id: 'UREP2', username: 'rep2', team_id: 'T1' },
      channel: { id: 'C1', name: 'sales' },
      message: { type: 'message', ts: '1.1', text: 'Met Jane Doe from Hooli Inc today, <mailto:jane@hooli.com|jane@hooli.com>, +86 139 1234 5678' },
      response_url: svc.slack.responseUrl('shortcut'),
    });
    await svc.slack.waitFor(() => svc.slack.called('views.open').length === 1);
    const view = svc.slack.called('views.open')[0].body.view as { blocks: { block_id: string; element: { initial_value?: string } }[] };
    const initial = Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element.initial_value]));
    expect(initial).toMatchObject({ company: 'Hooli Inc', email: 'jane@hooli.com', phone: '+86 139 1234 5678', contact: 'Jane Doe' });
  });
});

describe('lists and search', () => {
  it('should page a long list and move to the next page with a button', async () => {
    for (let i = 1; i <= 12; i++) await say('UREP2', `add Paging Co ${i}; Person ${i}; p${i}@paging.test`);
    const page1 = await run('UREP2', 'list mine');
    const text1 = visibleText(page1);
    expect(text1).toContain('Page 1 of 2');
    expect(text1.match(/Paging Co \d+/g)).toHaveLength(10);
    const next = buttons(page1).find((b) => b.label === 'Next ›')!;
    const page2 = await clicked(next, 'UREP2');
    expect(visibleText(page2)).toContain('Page 2 of 2');
    expect(visibleText(page2).match(/Paging Co \d+/g)).toHaveLength(2);
  });

  it('should find a lead by a phone typed in another format, by email and by company', async () => {
    await say('UREP1', 'add Aperture Science; Cave Johnson; +86 137-0000-1111; cave@aperture.com');
    expect(await say('UREP1', 'find 0086 13700001111')).toContain('Aperture Science');
    expect(await say('UREP1', 'find CAVE@aperture.com')).toContain('Aperture Science');
    expect(await say('UREP1', 'find aperture')).toContain('Aperture Science');
    expect(await say('UREP2', 'find aperture')).toContain('No leads.');
  });
});

describe('round-robin assignment', () => {
  it('should hand leads created by an admin to reps in turn and tell each new owner', async () => {
    expect(visibleText((await slash(svc, '/crm', 'config assignment round-robin', as('UADMIN'))).body)).toContain('Saved. New leads go to: the sales reps in turn (round robin).');
    const a = await say('UADMIN', 'add RR One Ltd; Ann One; ann@rr1.test');
    const b = await say('UADMIN', 'add RR Two Ltd; Bob Two; bob@rr2.test');
    const owners = [a, b].map((t) => t.match(/owned by (\w+)/)![1]).sort();
    expect(owners).toEqual(['rep1', 'rep2']);
    await svc.slack.waitFor(() => svc.slack.called('chat.postMessage').length === 2);
    const dms = svc.slack.called('chat.postMessage').map((c) => c.body.channel).sort();
    expect(dms).toEqual(['UREP1', 'UREP2']);
    await slash(svc, '/crm', 'config assignment creator', as('UADMIN'));
  });
});
