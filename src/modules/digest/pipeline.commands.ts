import { z } from 'zod';
import { reply } from '../../platform/cards/card';
import { pipelineFigures, pipelineOwners, type PipelineScope } from './digest.service';
import { memberForMention, defineCommand, type CommandDef } from '../workspaces';
import { mentionSchema, parseMention } from '../../platform/args';
import { digestCard } from './digest.cards';

const WEEK = 7 * 86_400_000;

/** `/pipeline [me|team|@user]`: the digest's figures for the last seven days, on demand. */
const pipeline = defineCommand({
  name: 'pipeline',
  help: 'help.pipeline',
  runsWithoutArgs: true,
  parse: (args) => {
    const a = args.trim();
    const lower = a.toLowerCase();
    if (lower === 'me' || a === '我') return { kind: 'me' };
    if (lower === 'team' || a === '团队') return { kind: 'team' };
    if (!a) return { kind: 'default' };
    const m = parseMention(a);
    return m ? { kind: 'member', who: m } : { kind: 'bad' };
  },
  input: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('me') }),
    z.object({ kind: z.literal('team') }),
    z.object({ kind: z.literal('default') }),
    z.object({ kind: z.literal('member'), who: mentionSchema }),
  ]),
  run: async (ctx, input) => {
    let scope: PipelineScope;
    if (input.kind === 'member') scope = { kind: 'member', member: await memberForMention(ctx.actor, input.who) };
    else if (input.kind === 'default') scope = ctx.actor.member.role === 'rep' || ctx.actor.member.role === 'support' ? { kind: 'me' } : { kind: 'team' };
    else scope = { kind: input.kind };
    const { ownerIds, name } = await pipelineOwners(ctx.actor, scope);
    const to = ctx.actor.now();
    const figures = await pipelineFigures(ctx.actor.workspace, ownerIds, { from: new Date(to.getTime() - WEEK), to });
    return reply([digestCard(ctx, figures, name)]);
  },
});

export const pipelineCommands: CommandDef<never>[] = [pipeline] as unknown as CommandDef<never>[];
