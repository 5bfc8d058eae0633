import { createLogger } from '../../src/platform/logger';
import { SlackSender } from '../../src/channels/slack/slack-sender';
import { OutboxSender } from '../../src/platform/outbox/outbox-sender';
import { messageCopiesRepo } from '../../src/platform/copies/message-copies.repo';
import { runFollowUps } from '../../src/modules/follow-ups/follow-up.jobs';
import { runGoneQuiet } from '../../src/modules/follow-ups/gone-quiet.jobs';
import { runTicketSla } from '../../src/modules/follow-ups/ticket-sla.jobs';
import { runWeeklyDigest } from '../../src/modules/digest/weekly-digest.jobs';
import type { JobDeps } from '../../src/modules/workspaces/job-deps';
import { useTestDb } from '../helpers/db';
import { buttons, click, slash, startService, visibleText, type SlackMessage, type TestService } from '../helpers/service';
import { BOT_TOKEN, type PostedMessage } from '../helpers/slack';
import { outboxWhere, ticketByRef } from '../helpers/app-data';

// The jobs on a controlled clock: the service and the jobs read `clock`; each tick runs every job
// once at that instant and sends what they queued to the fake Slack API, as the running service would.

useTestDb();
const logger = createLogger('silent');
// Monday 30 Nov 2026, 10:00 in Asia/Shanghai (the default time zone).
const T0 = new Date('2026-11-30T02:00:00Z');
let clock = T0;
let svc: TestService;
let sender: OutboxSender;
let seen = 0;
const deps: JobDeps = { config: { DEFAULT_LOCALE: 'en' }, logger, kick: () => undefined };
const at = (iso: string) => new Date(iso);
const as = (user: string) => ({ user, userName: user.toLowerCase().slice(1) });

async function say(user: string, command: string, text: string): Promise<string> {
  const r = await slash(svc, command, text, as(user));
  if (r.body) return visibleText(r.body);
  await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0, 15000);
  return visibleText(svc.slack.responses(r.responseId)[0].body as SlackMessage);
}

/** Sets the clock, runs every job once, sends the outbox; returns the messages that arrived. */
async function tick(when: Date): Promise<PostedMessage[]> {
  clock = when;
  await runFollowUps(deps, when);
  await runGoneQuiet(deps, when);
  await runTicketSla(deps, when);
  await runWeeklyDigest(deps, when);
  await sender.runOnce();
  // The service's own sender (real clock) may have taken a message first: wait until every message due
  // by the test clock has left the outbox, so it has reached the fake Slack before we look.
  for (const end = Date.now() + 3000; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
    if ((await outboxWhere((m) => m.status === 'pending' && m.nextAttemptAt <= when)).length === 0) break;
  }
  const fresh = svc.slack.posted.slice(seen);
  seen = svc.slack.posted.length;
  return fresh;
}

const textOf = (m: PostedMessage) => visibleText(m.body as SlackMessage);
const due = (ref: string) => `Follow-up due: ${ref} ·`;
const about = (msgs: PostedMessage[], channel: string, needle: string) => msgs.filter((m) => m.channel === channel && textOf(m).includes(needle));

beforeAll(async () => {
  svc = await startService({}, () => clock);
  sender = new OutboxSender({ slack: new SlackSender({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: svc.slack.apiUrl }) }, logger, {
    pollMs: 1000,
    leaseMs: 30_000,
    retryBaseMs: 10,
    maxAttempts: 5,
    now: () => clock,
  }, messageCopiesRepo);
  await say('UADMIN', '/crm', 'help');
  await say('UADMIN', '/crm', 'role <@UMGR|mgr> manager');
  await say('UADMIN', '/crm', 'manager <@UREP1|rep1> <@UMGR|mgr>');
  await say('UADMIN', '/crm', 'config support-channel <#CSUPPORT|support>');
});
afterAll(async () => svc.close());

describe('follow-up nudges', () => {
  let ref: string;
  let nudge: PostedMessage;

  it('should DM the owner at the follow-up time, not a minute before, with the plan, the last interaction and four buttons', async () => {
    clock = T0;
    ref = (await say('UREP1', '/lead', 'add Initech; Bill Lumbergh; bill@initech.com; next: tomorrow 3pm call about the renewal')).match(/L-\d+/)![0];
    await say('UREP1', '/log', `${ref} call he wants a quote first`);
    expect(about(await tick(at('2026-12-01T06:59:00Z')), 'DUREP1', due(ref))).toHaveLength(0);
    const sent = about(await tick(at('2026-12-01T07:00:00Z')), 'DUREP1', due(ref));
    expect(sent).toHaveLength(1);
    nudge = sent[0];
    const text = textOf(nudge);
    expect(text).toContain(`Follow-up due: ${ref} · Initech`);
    expect(text).toContain('call about the renewal');
    expect(text).toContain('he wants a quote first');
    expect(buttons(nudge.body as SlackMessage).map((b) => b.label)).toEqual(['Log it', 'Snooze 1 day', 'Snooze 1 week', 'Mark lost']);
  });

  it('should not nudge twice for the same follow-up, however often the job runs', async () => {
    expect(about(await tick(at('2026-12-01T07:01:00Z')), 'DUREP1', due(ref))).toHaveLength(0);
    expect(about(await tick(at('2026-12-01T08:00:00Z')), 'DUREP1', due(ref))).toHaveLength(0);
    expect(await outboxWhere((row) => row.key.startsWith('follow-up:') && row.status === 'sent')).toHaveLength(1);
  });

  it('should move the nudge when Snooze 1 day is clicked, and refuse a second snooze from the stale card', async () => {
    clock = at('2026-12-01T07:10:00Z');
    const snooze = buttons(nudge.body as SlackMessage).find((b) => b.label === 'Snooze 1 day')!;
    const r = await click(svc, snooze, { user: 'UREP1' });
    await svc.slack.waitFor(() => svc.slack.responses(r.responseId).length > 0);
    expect(visibleText(svc.slack.responses(r.responseId)[0].body as SlackMessage)).toContain(`Snoozed: ${ref} · Initech, next follow-up Wed, Dec 2, 15:10.`);
    expect(about(await tick(at('2026-12-02T07:09:00Z')), 'DUREP1', due(ref))).toHaveLength(0);
    expect(about(await tick(at('2026-12-02T07:10:00Z')), 'DUREP1', due(ref))).toHaveLength(1);
    const again = await click(svc, snooze, { user: 'UREP1' });
    await svc.slack.waitFor(() => svc.slack.responses(again.responseId).length > 0);
    expect(visibleText(svc.slack.responses(again.responseId)[0].body as SlackMessage)).toContain('was changed since this reminder was sent');
  });

  it('should move the pending nudge when the follow-up time is changed', async () => {
    clock = T0;
    const other = (await say('UREP1', '/lead', 'add Hooli; Gavin Belson; gavin@hooli.com; next: tomorrow 11am demo')).match(/L-\d+/)![0];
    expect(await say('UREP1', '/lead', `next ${other} thursday 11am demo`)).toContain(other);
    expect(about(await tick(at('2026-12-03T02:59:00Z')), 'DUREP1', due(other))).toHaveLength(0);
    expect(about(await tick(at('2026-12-03T03:00:00Z')), 'DUREP1', due(other))).toHaveLength(1);
  });

  it('should hold a weekend follow-up until the working day starts on Monday 09:00', async () => {
    clock = T0;
    const weekend = (await say('UREP1', '/lead', 'add Vandelay; Art Vandelay; art@vandelay.com; next: saturday 10am check in')).match(/L-\d+/)![0];
    expect(about(await tick(at('2026-12-05T02:00:00Z')), 'DUREP1', due(weekend))).toHaveLength(0); // Sat 10:00
    expect(about(await tick(at('2026-12-07T00:59:00Z')), 'DUREP1', due(weekend))).toHaveLength(0); // Mon 08:59
    expect(about(await tick(at('2026-12-07T01:00:00Z')), 'DUREP1', due(weekend))).toHaveLength(1); // Mon 09:00
  });

  it('should send nothing to a member who muted nudges, and nudge again after unmute', async () => {
    clock = T0;
    expect(await say('UREP2', '/crm', 'mute')).toContain('Muted');
    const muted = (await say('UREP2', '/lead', 'add Soylent; Sol Green; sol@soylent.com; next: tomorrow 10am taste test')).match(/L-\d+/)![0];
    expect(about(await tick(at('2026-12-07T02:00:00Z')), 'DUREP2', due(muted))).toHaveLength(0);
    clock = at('2026-12-07T02:05:00Z');
    expect(await say('UREP2', '/crm', 'unmute')).toContain('Unmuted');
    expect(await say('UREP2', '/lead', `next ${muted} tomorrow 10am taste test`)).toContain(muted);
    expect(about(await tick(at('2026-12-08T02:00:00Z')), 'DUREP2', due(muted))).toHaveLength(1);
  });
});

describe('gone quiet', () => {
  it('should nudge the owner after 3 quiet days and tell their manager 7 days later, once each', async () => {
    clock = at('2026-12-14T02:00:00Z');
    const ref = (await say('UREP1', '/lead', 'add Dunder Mifflin; Michael Scott; michael@dundermifflin.com')).match(/L-\d+/)![0];
    await say('UREP1', '/log', `${ref} call paper order next quarter`);
    const quietTitle = `${ref} · Dunder Mifflin has gone quiet`;
    const escalationTitle = `${ref} · Dunder Mifflin (rep1) has had no interaction`;
    expect(about(await tick(at('2026-12-17T01:59:00Z')), 'DUREP1', quietTitle)).toHaveLength(0);
    const quiet = about(await tick(at('2026-12-17T02:00:00Z')), 'DUREP1', quietTitle);
    expect(quiet.map(textOf)).toEqual([expect.stringContaining(`${quietTitle}: no interaction for 3 days`)]);
    expect(quiet.map(textOf).join()).toContain('paper order next quarter');
    expect(about(await tick(at('2026-12-24T01:59:00Z')), 'DUMGR', escalationTitle)).toHaveLength(0);
    const escalated = about(await tick(at('2026-12-24T02:00:00Z')), 'DUMGR', escalationTitle);
    expect(escalated.map(textOf)).toEqual([expect.stringContaining(`${escalationTitle} for 10 days`)]);
    const later = await tick(at('2026-12-24T03:00:00Z'));
    expect([...about(later, 'DUMGR', ref), ...about(later, 'DUREP1', ref)]).toHaveLength(0);
  });

  it('should nudge the owner of a lead found long quiet first, and tell the manager only 7 days after that nudge', async () => {
    // Logged twenty days back (as an import or a first run finds it), quiet ever since.
    clock = at('2026-11-10T02:00:00Z');
    const ref = (await say('UREP1', '/lead', 'add Kramerica Industries; Cosmo Kramer; cosmo@kramerica.com')).match(/L-\d+/)![0];
    await say('UREP1', '/log', `${ref} call oil tanker bladder`);
    const quietTitle = `${ref} · Kramerica Industries has gone quiet`;
    const escalationTitle = `${ref} · Kramerica Industries (rep1) has had no interaction`;
    const first = await tick(at('2026-11-30T02:00:00Z'));
    expect(about(first, 'DUREP1', quietTitle)).toHaveLength(1);
    expect(about(first, 'DUMGR', escalationTitle)).toHaveLength(0);
    expect(about(await tick(at('2026-12-07T01:59:00Z')), 'DUMGR', escalationTitle)).toHaveLength(0);
    expect(about(await tick(at('2026-12-07T02:00:00Z')), 'DUMGR', escalationTitle)).toHaveLength(1);
  });
});

describe('ticket SLA', () => {
  it('should re-post an unclaimed ticket and tell managers at the first-response target, then escalate at the resolution target', async () => {
    clock = at('2026-12-29T02:00:00Z');
    await say('UADMIN', '/crm', 'role <@USUP|sup> support');
    const ref = (await say('UREP1', '/ticket', 'new Printer on fire priority: high')).match(/T-\d+/)![0];
    await tick(clock);
    expect(about(await tick(at('2026-12-29T02:59:00Z')), 'CSUPPORT', ref)).toHaveLength(0);
    const late = await tick(at('2026-12-29T03:00:00Z'));
    const reposted = about(late, 'CSUPPORT', 'Nobody has claimed this ticket');
    expect(reposted).toHaveLength(1);
    // The support channel's card is read by support staff: it keeps the buttons they use.
    expect(buttons(reposted[0].body as SlackMessage).map((b) => b.label)).toEqual(['Claim', 'Resolve', 'Escalate', 'Reassign']);
    const toManager = about(late, 'DUMGR', ref);
    expect(toManager.map(textOf).join()).toContain('Nobody has claimed this ticket');
    expect(about(await tick(at('2026-12-29T03:30:00Z')), 'CSUPPORT', ref)).toHaveLength(0);
    clock = at('2026-12-29T04:00:00Z');
    expect(await say('USUP', '/ticket', `claim ${ref}`)).toContain(ref);
    // The re-posted card and the manager's copy are redrawn like the first post: claimed, no SLA notice.
    const redrawOf = (m: PostedMessage) => svc.slack.called('chat.update').find((u) => u.body.channel === m.channel && u.body.ts === m.ts);
    await svc.slack.waitFor(() => Boolean(redrawOf(reposted[0]) && redrawOf(toManager[0])), 10_000);
    for (const copy of [reposted[0], toManager[0]]) {
      const text = visibleText(redrawOf(copy)!.body as SlackMessage);
      expect(text).toContain('Claimed by sup');
      expect(text).not.toContain('Nobody has claimed this ticket');
    }
    expect(about(await tick(at('2026-12-29T09:59:00Z')), 'DUMGR', ref)).toHaveLength(0);
    const overdue = about(await tick(at('2026-12-29T10:00:00Z')), 'DUMGR', ref);
    expect(overdue.map(textOf).join()).toContain('past its resolution target and has been escalated');
    expect((await ticketByRef(ref))!.escalated).toBe(true);
  });
});
