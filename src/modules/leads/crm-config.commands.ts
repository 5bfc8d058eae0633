import { z } from 'zod';
import { reply } from '../../platform/cards/card';
import { infoCard } from '../../platform/cards/notices';
import { splitFirst } from '../../platform/args';
import { defineCommand, nonEmpty, settingNameOf, SETTING_NAMES, savedText, settingsCard } from '../workspaces';
import { configureSetting, strandedLeads } from './pipeline-config.service';

/** `/crm config` alone shows every setting; `/crm config <setting> <value>` changes one. */
export const crmConfigCommand = defineCommand({
  name: 'crm config',
  help: 'help.crm.config',
  adminOnly: true,
  parse: (args) => {
    const [name, value] = splitFirst(args);
    return { name: settingNameOf(name), value };
  },
  input: z.union([z.object({ name: z.enum(SETTING_NAMES), value: nonEmpty }), z.object({ name: z.literal(''), value: z.literal('') })]),
  run: async (ctx, input) => {
    if (!input.name) return reply([settingsCard(ctx, ctx.actor.workspace.settings!, await strandedLeads(ctx.actor))]);
    const result = await configureSetting(ctx.actor, input.name, input.value);
    return reply([infoCard(savedText(ctx, result, input.name, input.value))]);
  },
});
