import { createLogger } from '../../src/platform/logger';
import { runFollowUps } from '../../src/modules/follow-ups/follow-up.jobs';
import type { JobDeps } from '../../src/modules/workspaces/job-deps';
import { useTestDb } from '../helpers/db';
import { buttons, slash, startService, visibleText, type SlackMessage, type TestService, clicked as clickedAs } from '../helpers/service';
import { auditOfAction, firstOf, leadByCompany, outboxWhere } from '../helpers/app-data';

// Closed leads and follow-ups (won/lost leads get none; reopening is explicit), and scope messages
// that are true for the reader (a rep is not told a teammate is "outside your team").

useTestDb();
let svc: TestService;
const T0 = new Date('2026-11-30T02:00:00Z'); // Monday 10:00 in Shanghai
let clock = T0;
const deps: JobDeps = { config: { DEFAULT_LOCALE: 'en' }, logger: createLogger('silent'), kick: () => undefined };
const as = (user: string) => ({ user, userName: user.toLowerCase().slice(1) });
const run = async (user: string, command: string, text: string) => (await slash(svc, command, text, as(user))).body;
const say = async (user: string, text: string) => visibleText(await run(user, '/lead', text));
const idOf = (text: string) => text.match(/L-\d+/)![0];
const leadOf = (company: string) => leadByCompany(company);

const clicked = (button: { actionId: string; value: string }, user: string) => clickedAs(svc, button, user);

beforeAll(async () => {
  svc = await startService({}, () => clock);
  await say('UADMIN', 'help');
  await say('UREP1', 'help');
  await say('UREP2', 'help');
});
afterAll(async () => svc.close());
beforeEach(() => {
  svc.slack.reset();
  clock = T0;
});

describe('follow-ups on won or lost leads', () => {
  it('should clear the follow-up when a lead is won, refuse /lead next on it, and never nudge about it', async () => {
    const card = await run('UREP1', '/lead', 'add Acme Rockets; Wile Coyote; wile@acme.test; next: tomorrow 3pm send the quote');
    const id = idOf(visibleText(card));
    const followUp = buttons(card).find((b) => b.label === 'Set follow-up')!;
    const won = await say('UREP1', `won ${id}`);
    expect(won).toContain(`${id} is won`);
    expect(won).not.toContain('send the quote');
    expect(await leadOf('Acme Rockets')).toMatchObject({ stage: 'won', nextFollowUpAt: null, nextFollowUpWhat: '', followUpPending: false });
    expect(await say('UREP1', `next ${id} friday 10am check in`)).toContain(`${id} is closed (Won), so it gets no follow-ups. Reopen it first: \`/lead reopen ${id}\`.`);
    expect((await leadOf('Acme Rockets'))!.nextFollowUpAt).toBeNull();
    // The Set follow-up button of the card drawn before it was won refuses too.
    expect(visibleText(await clicked(followUp, 'UREP1'))).toContain(`${id} is closed (Won), so it gets no follow-ups.`);
    await runFollowUps(deps, new Date('2026-12-01T08:00:00Z'));
    const acme = (await leadOf('Acme Rockets'))!;
    expect(await outboxWhere((row) => row.key.startsWith(`follow-up:${acme._id}`))).toEqual([]);
  });

  it('should refuse a follow-up logged with /log … next: on a lost lead, and offer Reopen instead of Set follow-up', async () => {
    const id = idOf(await say('UREP1', 'add Roadrunner Feed; Beep Beep; beep@feed.test'));
    const lost = await run('UREP1', '/lead', `lost ${id} no budget`);
    expect(buttons(lost).map((b) => b.label)).not.toContain('Set follow-up');
    expect(buttons(lost).map((b) => b.label)).toContain('Reopen');
    const log = visibleText(await run('UREP1', '/log', `${id} call still no budget next: friday 10am try again`));
    expect(log).toContain(`${id} is closed (Lost), so it gets no follow-ups.`);
    expect((await leadOf('Roadrunner Feed'))!.nextFollowUpAt).toBeNull();
  });

  it('should not reopen a lost lead by a stage name; Reopen (button or command) does it, audited', async () => {
    const id = idOf(await say('UREP1', 'add Gizmo Works; Gadget Hackwrench; gadget@gizmo.test'));
    const lost = await run('UREP1', '/lead', `lost ${id} chose a rival`);
    expect(await say('UREP1', `stage ${id} new`)).toContain(`${id} is closed (Lost). To work on it again, reopen it: \`/lead reopen ${id} [stage]\`.`);
    expect(await say('UREP1', `stage ${id} won`)).toContain(`${id} is closed (Lost).`);
    expect((await leadOf('Gizmo Works'))!.stage).toBe('lost');
    const reopened = visibleText(await clicked(buttons(lost).find((b) => b.label === 'Reopen')!, 'UREP1'));
    expect(reopened).toContain(`${id} is reopened at New.`);
    expect(await leadOf('Gizmo Works')).toMatchObject({ stage: 'new', lostReason: '' });
    const audit = await firstOf(auditOfAction((await leadOf('Gizmo Works'))!, 'lead', 'lead.reopen'));
    expect(audit).toMatchObject({ before: { stage: 'lost', lostReason: 'chose a rival' }, after: { stage: 'new' } });
    // The same stale button again: the lead is open now.
    expect(visibleText(await clicked(buttons(lost).find((b) => b.label === 'Reopen')!, 'UREP1'))).toContain('was changed by someone else in the meantime');
    await say('UREP1', `won ${id}`);
    expect(await say('UREP1', `reopen ${id} proposal`)).toContain(`${id} is reopened at Proposal.`);
    expect(await say('UREP1', `reopen ${id}`)).toContain(`${id} is not closed; there is nothing to reopen.`);
  });
});

describe('scope messages a rep can trust', () => {
  it("should tell a rep whose teammate's lead it is, not that it is outside their team", async () => {
    const id = idOf(await say('UREP1', 'add Duff Brewery; Duffman Joe; duff@duff.test'));
    const text = await say('UREP2', `show ${id}`);
    expect(text).toContain(`You cannot see ${id}: it belongs to rep1, and reps see only their own leads. Ask rep1 or your manager.`);
    expect(text).not.toContain('outside your team');
    const dup = await say('UREP2', 'add Duff Brewery; Duffman Joe; duff@duff.test');
    expect(dup).toContain('It belongs to a colleague, and reps see only their own leads. Nothing was created.');
    expect(dup).not.toContain('outside your team');
  });

  it("should title a rep's /lead list team as their own leads and say why", async () => {
    const list = await say('UREP2', 'list team');
    expect(list).toContain('Reps see only their own leads; your manager sees the team’s.');
    expect(list).not.toContain('Your team’s leads');
  });

  it('should tell the owner when their lead is given to someone else, and answer their old buttons with who has it now', async () => {
    const card = await run('UREP1', '/lead', 'add Krusty Burger; Herschel Krustofsky; krusty@burger.test');
    const id = idOf(visibleText(card));
    svc.slack.reset();
    expect(await say('UADMIN', `assign ${id} <@UREP2|rep2>`)).toContain(`${id} now belongs to rep2.`);
    await svc.slack.waitFor(() => svc.slack.called('chat.postMessage').some((c) => c.body.channel === 'UREP1'));
    const dm = svc.slack.called('chat.postMessage').find((c) => c.body.channel === 'UREP1')!;
    expect(visibleText(dm.body as SlackMessage)).toContain(`admin gave ${id} (Krusty Burger) to rep2. It is no longer on your list.`);
    const old = visibleText(await clicked(buttons(card).find((b) => b.label === 'Log')!, 'UREP1'));
    expect(old).toContain(`You cannot see ${id}: it belongs to rep2, and reps see only their own leads.`);
  });
});
