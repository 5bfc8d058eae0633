import type { Config } from '../../config';
import { configure, workspacesRepo, resolveIdentity, setManager, setOwnLocale, setRole, setTeam } from '../workspaces';
import { claimTicket, createTicket } from '../tickets';
import type { Logger } from '../../platform/logger';
import type { MemberEntity, WorkspaceEntity, Actor } from '../workspaces';
import { isLocale } from '../../platform/i18n';
import { tzOffsetMinutes } from '../../platform/dates';
import { parseLeadText, createLead, listLeads, markLost, markWon, setNextFollowUp, setStage } from '../leads';
import { logInteraction } from '../interactions';
import { DEMO_LEADS, DEMO_MEMBERS, DEMO_WORKSPACE, type DemoLead } from './demo-workspace';

// Writes the sandbox's demo workspace through the same services chat uses, so every rule applies
// (normalisation, duplicate checks, stage order, audit events). Running it again adds nothing twice.

const DAY = 86_400_000;

export type DemoDefaults = Pick<Config, 'DEFAULT_LOCALE' | 'DEFAULT_TIMEZONE' | 'DEFAULT_PHONE_REGION'>;

export interface SeedResult {
  members: number;
  /** Leads created by this run (0 when the workspace already had leads). */
  leads: number;
}

async function seedLead(actorAt: (daysAgo: number) => Actor, demo: DemoLead, now: Date): Promise<boolean> {
  const actor = actorAt(0);
  const s = actor.workspace.settings!;
  const { input, issues } = parseLeadText(demo.text, { region: s.phoneRegion, timeZone: s.timezone, now });
  if (!input) throw new Error(`demo lead "${demo.text}" does not parse: ${issues.map((i) => i.key).join(', ')}`);
  const created = await createLead(actor, input);
  if (created.kind !== 'created') return false;
  let lead = created.lead;
  // Oldest first, each dated in the past, so "recent interactions" and "last contact" look lived-in.
  for (const i of [...(demo.interactions ?? [])].sort((a, b) => b.daysAgo - a.daysAgo)) {
    lead = (await logInteraction(actorAt(i.daysAgo), lead, { kind: i.kind, text: i.text })).lead;
  }
  if (demo.stage === 'won') lead = await markWon(actor, lead, null);
  else if (demo.stage === 'lost') lead = await markLost(actor, lead, demo.lostReason ?? '-');
  else if (demo.stage !== lead.stage) lead = await setStage(actor, lead, demo.stage);
  if (demo.next) {
    // 10:00 in the workspace's time zone, `inDays` from today.
    const offset = tzOffsetMinutes(s.timezone, now) * 60_000;
    const at = new Date(Math.floor((now.getTime() + offset) / DAY) * DAY + demo.next.inDays * DAY + 10 * 3_600_000 - offset);
    // An overdue follow-up is set as it was: by the owner, the day before it fell due.
    await setNextFollowUp(demo.next.inDays < 0 ? actorAt(1 - demo.next.inDays) : actor, lead, at, demo.next.what);
  }
  return true;
}

/** Creates (or completes) the demo workspace: its members and roles, then its leads if it has none. */
export async function seedDemoWorkspace(defaults: DemoDefaults, clock: () => Date = () => new Date()): Promise<SeedResult> {
  const wsDefaults = { locale: defaults.DEFAULT_LOCALE, timezone: defaults.DEFAULT_TIMEZONE, phoneRegion: defaults.DEFAULT_PHONE_REGION };
  const members = new Map<string, MemberEntity>();
  let workspace: WorkspaceEntity | undefined;
  // One at a time: the first member of a workspace becomes its admin.
  for (const m of DEMO_MEMBERS) {
    const r = await resolveIdentity(DEMO_WORKSPACE.platform, DEMO_WORKSPACE.externalId, DEMO_WORKSPACE.name, m.id, m.name, wsDefaults, 'platform');
    workspace = r.workspace;
    members.set(m.id, r.member);
  }
  const ws = workspace!;
  const now = clock();
  const actorOf = (member: MemberEntity, at: Date = now): Actor => ({
    workspace: ws,
    member,
    platform: 'sandbox',
    locale: isLocale(member.locale ?? '') ? (member.locale as Actor['locale']) : defaults.DEFAULT_LOCALE,
    now: () => at,
  });
  const adminMember = [...members.values()].find((m) => m.role === 'admin');
  if (!adminMember) throw new Error('the demo workspace has an admin who is not a demo member; seed an empty database instead');
  const admin = actorOf(adminMember);
  for (const d of DEMO_MEMBERS) {
    let m = members.get(d.id)!;
    if (m.role !== d.role) m = await setRole(admin, m, d.role);
    if (d.team && m.team !== d.team) m = await setTeam(admin, m, d.team);
    if (d.manager && !m.managerId) m = await setManager(admin, m, members.get(d.manager)!);
    if (d.locale && m.locale !== d.locale) m = await setOwnLocale(actorOf(m), d.locale);
    members.set(d.id, m);
  }
  if ((await listLeads(admin, { kind: 'all' }, 1)).total > 0) return { members: members.size, leads: 0 };
  // New tickets go to the #support pane, where the whole team sees them.
  if (!ws.settings?.supportChannel) await configure(admin, 'support-channel', '#support');
  let leads = 0;
  for (const demo of DEMO_LEADS) {
    const owner = members.get(demo.owner)!;
    if (await seedLead((daysAgo) => actorOf(owner, new Date(now.getTime() - daysAgo * DAY)), demo, now)) leads++;
  }
  await seedTickets(actorOf, members);
  return { members: members.size, leads };
}

/** Two demo tickets: one waiting in the queue, one being worked on, so the ticket cards have content. */
async function seedTickets(actorOf: (m: MemberEntity) => Actor, members: Map<string, MemberEntity>): Promise<void> {
  const rep = actorOf(members.get('li.wei')!);
  const support = actorOf(members.get('zhou.min')!);
  const first = await listLeads(rep, { kind: 'mine' }, 1);
  const lead = first.leads[0];
  await createTicket(rep, { subject: '发票抬头错误，需要重开', description: '客户来电：发票抬头写成了旧公司名。', priority: 'high', leadId: lead?._id ?? null });
  const second = await createTicket(actorOf(members.get('sam')!), { subject: 'Cannot log in after the update', priority: 'normal' });
  await claimTicket(support, second);
}

/**
 * When the sandbox starts on a database without its demo workspace (an empty one, or one that so far
 * served only Slack or WeCom): the demo workspace, so the sandbox has something to show and its
 * members have the roles the page names. An existing demo workspace is left as it is.
 */
export async function seedDemoIfMissing(defaults: DemoDefaults, logger: Logger): Promise<void> {
  try {
    if (await workspacesRepo.exists(DEMO_WORKSPACE.platform, DEMO_WORKSPACE.externalId)) return;
    const res = await seedDemoWorkspace(defaults);
    logger.info(res, 'seeded the sandbox demo workspace');
  } catch (err) {
    // The service is still useful without demo data: say so and go on.
    logger.warn({ err }, 'could not seed the sandbox demo workspace');
  }
}
