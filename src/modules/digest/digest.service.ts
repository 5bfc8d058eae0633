import type { Types } from 'mongoose';
import { digestRepo, type Window } from './digest.repo';
import type { Amount, DigestFigures } from './digest.figures';
import type { TotalRow } from '../leads';
import { membersRepo, visibleOwnerIds, memberName, openStages } from '../workspaces';
import type { MemberEntity, WorkspaceEntity, Actor } from '../workspaces';
import { userError } from '../../platform/errors';

// The pipeline figures behind the weekly digest and /pipeline, for one scope (a team, a member, or the
// whole workspace) and one window. Definitions (also in the README):
//  - stage moves: stage changes recorded in the window (to won and lost included), for leads the scope owned then;
//  - won / lost: distinct leads moved to won / lost in the window, with their value;
//  - conversion: per stage, of the leads that left it in the window, how many went forward (a later stage or won);
//  - weighted pipeline: open leads' value times the stage weight, stage i of n open stages weighing i/(n+1);
//  - stale: open leads with no interaction for the workspace's stale-days;
//  - tickets: workspace-wide; past SLA = a claim or resolution target that fell in the window and was missed;
//  - completeness: the scope's open leads with a phone or email, company, source, value.

export type { Amount, DigestFigures } from './digest.figures';

export const STALE_SHOWN = 10;
const DAY = 86_400_000;

function addAmount(list: Amount[], currency: string | null | undefined, amount: number): void {
  const c = currency ?? '';
  const row = list.find((a) => a.currency === c);
  if (row) row.amount += amount;
  else list.push({ currency: c, amount });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Stage i (0-based) of n open stages weighs (i + 1) / (n + 1): later stages are likelier to close. */
export function stageWeight(open: string[], stage: string): number {
  const i = open.indexOf(stage);
  return i < 0 ? 0 : (i + 1) / (open.length + 1);
}

type Scope = { id: Types.ObjectId; open: string[]; ownerIds: Types.ObjectId[] | undefined; window: Window };

/** Stage moves in the window: per from/to pair, the leads won and lost with their value, and the conversion per open stage. */
async function moveFigures({ id, open, ownerIds, window }: Scope): Promise<Pick<DigestFigures, 'moves' | 'movesTotal' | 'won' | 'lost' | 'conversion'>> {
  const inScope = (owner: string) => !ownerIds || ownerIds.some((o) => String(o) === owner);
  const moves = (await digestRepo.stageMoves(id, window)).filter((m) => inScope(m.ownerId));
  const pairs = new Map<string, { from: string; to: string; count: number }>();
  for (const m of moves) {
    const k = `${m.from}>${m.to}`;
    const row = pairs.get(k) ?? { from: m.from, to: m.to, count: 0 };
    row.count++;
    pairs.set(k, row);
  }
  const closedIds = (to: string) => [...new Set(moves.filter((m) => m.to === to).map((m) => String(m.leadId)))];
  const closedLeads = await digestRepo.leadsByIds(id, [...closedIds('won'), ...closedIds('lost')]);
  const closed = (to: string) => {
    const ids = new Set(closedIds(to));
    const value: Amount[] = [];
    for (const l of closedLeads) if (ids.has(String(l._id)) && l.value != null) addAmount(value, l.currency, l.value);
    return { count: ids.size, value };
  };
  const conversion = open
    .map((stage) => {
      const exits = moves.filter((m) => m.from === stage);
      const forward = exits.filter((m) => m.to === 'won' || open.indexOf(m.to) > open.indexOf(stage)).length;
      return { stage, forward, exits: exits.length };
    })
    .filter((c) => c.exits > 0);
  return { moves: [...pairs.values()], movesTotal: moves.length, won: closed('won'), lost: closed('lost'), conversion };
}

/** Open leads per stage with their value, and the value weighted by stage (from the maintained totals). */
function pipelineByStage({ open }: Scope, rows: TotalRow[]): Pick<DigestFigures, 'pipeline' | 'weighted'> {
  const weighted: Amount[] = [];
  const pipeline = open.map((stage) => {
    const mine = rows.filter((r) => r.stage === stage);
    const value: Amount[] = [];
    for (const r of mine) {
      if (r.value) addAmount(value, r.currency, r.value);
      if (r.value) addAmount(weighted, r.currency, r.value * stageWeight(open, stage));
    }
    return { stage, count: mine.reduce((n, r) => n + r.count, 0), value };
  });
  return { pipeline, weighted: weighted.map((w) => ({ currency: w.currency, amount: round2(w.amount) })) };
}

/** Stale leads (the most recently active few, with their owners) and interactions per author. */
async function activityFigures({ id, open, ownerIds, window }: Scope, rows: TotalRow[], staleDays: number): Promise<Pick<DigestFigures, 'stale' | 'interactions'>> {
  const staleBefore = new Date(window.to.getTime() - staleDays * DAY);
  const stale = await digestRepo.stale(id, rows, open, staleBefore, STALE_SHOWN);
  const perAuthor = await digestRepo.interactionsPerAuthor(id, window, ownerIds);
  const people = await membersRepo.byIds(id, [...perAuthor.map((p) => p.authorId), ...stale.leads.map((l) => l.ownerId)]);
  const person = (pid: unknown) => memberName(people.find((m) => m._id.equals(pid as Types.ObjectId)));
  return {
    stale: { total: stale.total, leads: stale.leads.map((l) => ({ seq: l.seq, company: l.company, owner: person(l.ownerId) })) },
    interactions: perAuthor.map((p) => ({ member: person(p.authorId), count: p.count })).sort((a, b) => b.count - a.count || a.member.localeCompare(b.member)),
  };
}

/** Tickets opened and resolved in the window, and how many missed a claim or resolution target that fell in it. */
async function ticketFigures({ id, window }: Scope): Promise<DigestFigures['tickets']> {
  const due = await digestRepo.ticketsDue(id, window);
  const inW = (d: Date | null | undefined) => Boolean(d && d >= window.from && d < window.to);
  const missed = (dueAt: Date, doneAt: Date | null | undefined) => !doneAt || doneAt > dueAt;
  const pastSla = due.filter(
    (t) => (inW(t.firstResponseDueAt) && missed(t.firstResponseDueAt, t.claimedAt)) || (inW(t.resolutionDueAt) && missed(t.resolutionDueAt, t.resolvedAt)),
  ).length;
  return { opened: await digestRepo.ticketsOpened(id, window), resolved: await digestRepo.ticketsResolved(id, window), pastSla };
}

/** Of the open leads, how many have a phone or email, a company, a source, a value (from the totals). */
function completenessFigures({ open }: Scope, rows: TotalRow[]): DigestFigures['completeness'] {
  const sum = (k: 'count' | 'withContact' | 'withCompany' | 'withSource' | 'withValue') => rows.filter((r) => open.includes(r.stage)).reduce((n, r) => n + r[k], 0);
  return { total: sum('count'), contact: sum('withContact'), company: sum('withCompany'), source: sum('withSource'), value: sum('withValue') };
}

/** `ownerIds` undefined = the whole workspace. */
export async function pipelineFigures(ws: WorkspaceEntity, ownerIds: Types.ObjectId[] | undefined, window: Window): Promise<DigestFigures> {
  const scope: Scope = { id: ws._id, open: openStages(ws.settings), ownerIds, window };
  const rows = await digestRepo.totals(scope.id, ownerIds);
  const [moves, activity, tickets, newLeads] = await Promise.all([
    moveFigures(scope),
    activityFigures(scope, rows, ws.settings?.staleDays ?? 3),
    ticketFigures(scope),
    digestRepo.newLeads(scope.id, window, ownerIds),
  ]);
  return { window, newLeads, ...moves, ...pipelineByStage(scope, rows), ...activity, tickets, completeness: completenessFigures(scope, rows) };
}

/** A digest's audiences: one per team name ('' = members without a team), with its members. */
export async function teamsOf(ws: WorkspaceEntity): Promise<{ team: string; members: MemberEntity[] }[]> {
  const members = await membersRepo.all(ws._id);
  const names = [...new Set(members.map((m) => m.team ?? ''))].sort();
  return names.map((team) => ({ team, members: members.filter((m) => (m.team ?? '') === team) }));
}

/** Where a team's digest goes: its channel, else its managers (else the admins) by direct message. */
export async function digestDestinations(ws: WorkspaceEntity, team: string, members: MemberEntity[]): Promise<{ channel?: string; members: MemberEntity[] }> {
  const channel = ws.settings?.digest?.channels?.find((c) => (c.team ?? '') === team)?.channel;
  if (channel) return { channel, members: [] };
  const managers = members.filter((m) => m.role === 'manager');
  if (managers.length) return { members: managers };
  return { members: await membersRepo.byRole(ws._id, 'admin') };
}

export type PipelineScope = { kind: 'me' } | { kind: 'team' } | { kind: 'member'; member: MemberEntity };

/**
 * Whose leads `/pipeline` counts, if the actor may see them: reps their own; managers themselves, their
 * team and their reports; admins anyone ("team" for an admin without a team is the whole workspace).
 */
export async function pipelineOwners(actor: Actor, scope: PipelineScope): Promise<{ ownerIds: Types.ObjectId[] | undefined; name: string }> {
  const me = actor.member;
  if (scope.kind === 'me') return { ownerIds: [me._id], name: memberName(me) };
  if (scope.kind === 'member') {
    const visible = await visibleOwnerIds(actor);
    if (visible && !visible.some((id) => id.equals(scope.member._id))) throw userError('forbidden', 'pipeline.forbidden');
    return { ownerIds: [scope.member._id], name: memberName(scope.member) };
  }
  if (me.role === 'rep' || me.role === 'support') throw userError('forbidden', 'pipeline.forbidden');
  if (me.role === 'admin' && !me.team) return { ownerIds: undefined, name: actor.workspace.name || '—' };
  return { ownerIds: (await visibleOwnerIds(actor)) ?? undefined, name: me.team || memberName(me) };
}
