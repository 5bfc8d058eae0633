// The pipeline as a setting: a stage change may strand open leads, so it is checked against them and
// the leads are moved once the new stages exist. Every other setting goes straight to the workspace.
import { leadsRepo } from './leads.repo';
import { remapStage } from './leads.service';
import { type Actor, wsId, assertAdmin, configure, type ConfigResult, type SettingName, CLOSED_STAGES, parseStagePlan, stageName, type StagePlan } from '../workspaces';
import { userError } from '../../platform/errors';

/** Open leads sitting in stages the pipeline no longer has (left by a change made before moves were required). */
export async function strandedLeads(actor: Actor): Promise<{ stage: string; count: number }[]> {
  return leadsRepo.openCountsOutside(wsId(actor), [...(actor.workspace.settings?.stages ?? []), ...CLOSED_STAGES]);
}

/** A new pipeline, refused while open leads sit in a stage it removes and the admin has not said where they go. */
async function checkStagePlan(actor: Actor, value: string): Promise<StagePlan> {
  const settings = actor.workspace.settings;
  const plan = parseStagePlan(settings, value);
  const stranded = await leadsRepo.openCountsOutside(wsId(actor), [...plan.open, ...CLOSED_STAGES]);
  const unplaced = stranded.filter((s) => !plan.moves.some((m) => m.from === s.stage));
  if (!unplaced.length) return plan;
  throw userError('conflict', 'crm.stages_would_strand', {
    stages: unplaced.map((s) => `${stageName(settings, actor.locale, s.stage)} (${s.count})`).join(', '),
    example: `/crm config stages ${plan.typed} move ${unplaced[0].stage} to ${plan.open[0]}`,
  });
}

/** `/crm config <setting> <value>`: one setting changed; a pipeline change also moves the leads it names. */
export async function configureSetting(actor: Actor, name: SettingName, value: string): Promise<ConfigResult> {
  if (name !== 'stages') return configure(actor, name, value);
  assertAdmin(actor);
  const plan = await checkStagePlan(actor, value);
  const { workspace } = await configure(actor, name, value, plan);
  // Leads move once their new stage exists; each move is audited on the lead. Running the same command
  // again finishes a move that was interrupted.
  const moved: ConfigResult['moved'] = [];
  for (const m of plan.moves) moved.push({ ...m, count: await remapStage({ ...actor, workspace }, m.from, m.to) });
  return { workspace, moved };
}
