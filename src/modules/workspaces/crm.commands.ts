import { z } from 'zod';
import { reply } from '../../platform/cards/card';
import { ROLES, memberForMention, setManager, setMuted, setName, setOwnLocale, setOwnTimeZone, setRole, setTeam } from './members.service';
import { isLocale, t } from '../../platform/i18n';
import { userError } from '../../platform/errors';
import { mentionSchema, parseMention, splitFirst } from '../../platform/args';
import { defineCommand, nonEmpty, type CommandDef } from './command';
import { infoCard } from '../../platform/cards/notices';
import { memberName } from './member-name';

const mention = mentionSchema;

const role = defineCommand({
  name: 'crm role',
  help: 'help.crm.role',
  adminOnly: true,
  parse: (args) => {
    const [who, r] = splitFirst(args);
    return { who: parseMention(who), role: r.toLowerCase() };
  },
  input: z.object({ who: mention, role: z.enum(ROLES) }),
  run: async (ctx, { who, role: r }) => {
    const m = await setRole(ctx.actor, await memberForMention(ctx.actor, who), r);
    return reply([infoCard(ctx.t('crm.role_set', { who: memberName(m), role: ctx.t(`role.${r}`) }))]);
  },
});

const team = defineCommand({
  name: 'crm team',
  help: 'help.crm.team',
  adminOnly: true,
  parse: (args) => {
    const [who, name] = splitFirst(args);
    return { who: parseMention(who), team: name };
  },
  input: z.object({ who: mention, team: z.string() }),
  run: async (ctx, { who, team: name }) => {
    const m = await setTeam(ctx.actor, await memberForMention(ctx.actor, who), name);
    return reply([infoCard(ctx.t('crm.team_set', { who: memberName(m), team: name || '—' }))]);
  },
});

const manager = defineCommand({
  name: 'crm manager',
  help: 'help.crm.manager',
  adminOnly: true,
  parse: (args) => {
    const [who, mgr] = splitFirst(args);
    return { who: parseMention(who), manager: parseMention(mgr) };
  },
  input: z.object({ who: mention, manager: mention }),
  run: async (ctx, { who, manager: mgr }) => {
    const target = await memberForMention(ctx.actor, who);
    const boss = await memberForMention(ctx.actor, mgr);
    await setManager(ctx.actor, target, boss);
    return reply([infoCard(ctx.t('crm.manager_set', { who: memberName(target), manager: memberName(boss) }))]);
  },
});

/** `/crm mute` and `/crm unmute`: no nudges by direct message for this member until unmuted. */
const mute = (muted: boolean) =>
  defineCommand({
    name: muted ? 'crm mute' : 'crm unmute',
    help: muted ? 'help.crm.mute' : 'help.crm.unmute',
    parse: () => ({}),
    input: z.object({}),
    run: async (ctx) => {
      await setMuted(ctx.actor, muted);
      return reply([infoCard(ctx.t(muted ? 'crm.muted' : 'crm.unmuted'))]);
    },
  });

const lang = defineCommand({
  name: 'crm lang',
  help: 'help.crm.lang',
  parse: (args) => ({ locale: args.trim() }),
  input: z.object({ locale: nonEmpty }),
  run: async (ctx, { locale }) => {
    const l = locale.toLowerCase() === 'zh' || locale === '中文' ? 'zh-CN' : locale.toLowerCase() === 'zh-cn' ? 'zh-CN' : locale.toLowerCase();
    if (!isLocale(l)) throw userError('invalid_input', 'crm.config_bad_value', { name: 'lang', allowed: 'en, zh-CN' });
    await setOwnLocale(ctx.actor, l);
    // Confirm in the language just chosen.
    return reply([infoCard(t(l, 'crm.lang_set', { locale: l }))], { locale: l });
  },
});

/** `/crm tz <zone>`: your own time zone; `workspace` goes back to the workspace's. */
const tz = defineCommand({
  name: 'crm tz',
  help: 'help.crm.tz',
  parse: (args) => ({ zone: args.trim() }),
  input: z.object({ zone: nonEmpty }),
  run: async (ctx, { zone }) => {
    const m = await setOwnTimeZone(ctx.actor, /^(workspace|default|工作区)$/i.test(zone) ? '' : zone);
    return reply([infoCard(ctx.t('crm.tz_set', { zone: m.timezone || ctx.actor.workspace.settings!.timezone }))]);
  },
});

/** `/crm name <name>` for yourself, `/crm name @user <name>` for someone else (admins). */
const name = defineCommand({
  name: 'crm name',
  help: 'help.crm.name',
  parse: (args) => {
    const [first, rest] = splitFirst(args);
    const who = parseMention(first);
    return who ? { who, name: rest } : { who: null, name: args.trim() };
  },
  input: z.object({ who: mention.nullable(), name: z.string() }),
  run: async (ctx, { who, name: chosen }) => {
    const target = who ? await memberForMention(ctx.actor, who) : ctx.actor.member;
    const m = await setName(ctx.actor, target, chosen);
    // Named by the platform's own name (or id): the chosen one is what the sentence announces.
    if (m._id.equals(ctx.actor.member._id)) return reply([infoCard(ctx.t('crm.name_set_self', { name: memberName(m) }))]);
    return reply([infoCard(ctx.t('crm.name_set', { who: m.displayName || m.platformUserId, name: memberName(m) }))]);
  },
});

export const crmCommands: CommandDef<never>[] = [role, team, manager, lang, tz, name, mute(true), mute(false)] as unknown as CommandDef<never>[];
