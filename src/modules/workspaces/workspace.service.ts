import { workspacesRepo } from './workspaces.repo';
import { auditRepo } from '../../platform/audit/audit.repo';
import { type Actor, wsId } from './actor';
import { assertAdmin } from './access';
import { z } from 'zod';
import { AppError, userError, fieldError } from '../../platform/errors';
import { isLocale } from '../../platform/i18n';
import { isTimeZone } from '../../config';
import { readDuration, readHoursRange, readPriority, readTime, splitDurations } from './setting-input';
import { CLOSED_STAGES, mergeNames, type StagePlan } from './stages';
import type { SettingName } from './setting-names';
import type { ConfigResult } from './settings-result';

export { SETTING_NAMES, type SettingName } from './setting-names';

// Setting names as a Chinese admin may type them (`设置 工作时间 9-6`).
const SETTING_ALIASES: Record<string, SettingName> = {
  语言: 'locale',
  时区: 'timezone',
  阶段: 'stages',
  销售阶段: 'stages',
  分配: 'assignment',
  沉默提醒: 'stale-days',
  沉睡提醒: 'stale-days',
  升级提醒: 'escalate-days',
  工作时间: 'work-hours',
  周报: 'digest',
  每周简报: 'digest',
  简报发送到: 'digest-channel',
  货币: 'currency',
  工单频道: 'support-channel',
  工单时限: 'sla',
};

/** A setting's name as typed ("Work-Hours", "工作时间") -> its name; unknown names are left as typed. */
export function settingNameOf(typed: string): string {
  return SETTING_ALIASES[typed.trim()] ?? typed.trim().toLowerCase();
}

const WEEKDAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, 周日: 0, 周一: 1, 周二: 2, 周三: 3, 周四: 4, 周五: 5, 周六: 6 };

/** "mon-fri", "mon,wed,fri", "周一-周五" -> [1..5]; null when unreadable. */
export function parseWeekdays(s: string): number[] | null {
  const days = new Set<number>();
  // "星期一", "礼拜一", "周天" are other ways of writing 周一, 周日; "mon to fri", "周一至周五" are ranges.
  const text = s.toLowerCase().replace(/星期|礼拜/g, '周').replace(/周天/g, '周日').replace(/\s+to\s+/g, '-');
  for (const part of text.split(/[,，、]/)) {
    const [a, b] = part.split(/[-–~至到]/).map((x) => WEEKDAYS[x.trim().slice(0, x.trim().startsWith('周') ? 2 : 3)]);
    if (a === undefined || (part.match(/[-–~至到]/) && b === undefined)) return null;
    if (b === undefined) days.add(a);
    else for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
  }
  return days.size ? [...days].sort() : null;
}

/** A channel as typed: Slack's escaped `<#C123|support>`, a bare id, or a WeCom group-robot webhook URL. */
export function parseChannel(s: string): string | null {
  const v = s.trim();
  const slack = v.match(/^<#([A-Z0-9]+)(?:\|[^>]*)?>$/i);
  if (slack) return slack[1];
  if (/^https:\/\/\S+\/webhook\/send\?key=[\w-]+$/.test(v)) return v;
  if (/^[CGD][A-Z0-9]{6,}$/.test(v)) return v;
  // Typed where channels are plain names (the sandbox): "#support".
  if (/^#[\p{L}\p{N}_-]{1,40}$/u.test(v)) return v.slice(1);
  if (v === 'none' || v === '-') return '';
  return null;
}

type Patch = Record<string, unknown>;

/** A typed setting value -> its settings patch; `read` answers null for a value it cannot read. */
const patchOf = (read: (v: string) => Patch | null) =>
  z.string().trim().transform((v, ctx): Patch => read(v) ?? (ctx.addIssue({ code: 'custom', message: 'unreadable' }), z.NEVER));

const dayCount = (key: string) =>
  patchOf((v) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= 1 && n <= 365 ? { [key]: n } : null;
  });

/** The settings `/crm config <name> <value>` sets from the value alone: what a value may be (shown when it is not) and how it is read. */
const SETTINGS: Record<Exclude<SettingName, 'digest-channel' | 'stages'>, { allowed: string; schema: z.ZodType<Patch, string> }> = {
  locale: { allowed: 'en, zh-CN', schema: patchOf((v) => (isLocale(v) ? { locale: v } : null)) },
  timezone: { allowed: 'Asia/Shanghai, Europe/London, …', schema: patchOf((v) => (isTimeZone(v) ? { timezone: v } : null)) },
  assignment: {
    allowed: 'creator, round-robin',
    schema: patchOf((v) => {
      const a = v.replace('-', '_');
      return a === 'creator' || a === 'round_robin' ? { assignment: a } : null;
    }),
  },
  'stale-days': { allowed: '1–365', schema: dayCount('staleDays') },
  'escalate-days': { allowed: '1–365', schema: dayCount('escalateDays') },
  // "09:00-18:00 mon-fri", "9-6", "9am-6pm 周一至周五"; without days the working days stay as they are.
  'work-hours': {
    allowed: '9-6, 09:00-18:00 mon-fri',
    schema: patchOf((v) => {
      const [range, ...rest] = v.split(/\s+/);
      const hours = readHoursRange(range ?? '');
      const days = rest.length ? parseWeekdays(rest.join(' ')) : [];
      if (!hours || !days) return null;
      return { 'workHours.start': hours.start, 'workHours.end': hours.end, ...(days.length ? { 'workHours.days': days } : {}) };
    }),
  },
  // "mon 09:00", "monday 9am", "周一 上午9点", "friday at 4pm"
  digest: {
    allowed: 'monday 9am, mon 09:00',
    schema: patchOf((v) => {
      const [dayText, ...rest] = v.split(/\s+/);
      const days = parseWeekdays(dayText ?? '');
      const time = readTime(rest.join(' '));
      return days && days.length === 1 && time ? { 'digest.day': days[0], 'digest.time': time } : null;
    }),
  },
  currency: { allowed: 'CNY, USD, EUR, …', schema: patchOf((v) => (/^[A-Z]{3}$/.test(v.toUpperCase()) ? { currency: v.toUpperCase() } : null)) },
  'support-channel': {
    allowed: '#channel, https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…, none',
    schema: patchOf((v) => {
      const channel = parseChannel(v);
      return channel === null ? null : { supportChannel: channel };
    }),
  },
  // "high 1h 8h", "高 1小时 8小时", "normal 4 hours 2 days": first response (claim) and resolution.
  sla: {
    allowed: 'high|normal|low <first response> <resolution>, e.g. high 1h 8h',
    schema: patchOf((v) => {
      const [priorityText, ...rest] = v.split(/\s+/);
      const priority = readPriority(priorityText ?? '');
      const [c, r, extra] = splitDurations(rest.join(' ')).map(readDuration);
      if (!priority || !c || !r || r < c || extra !== undefined) return null;
      return { [`sla.${priority}.claim`]: c, [`sla.${priority}.resolve`]: r };
    }),
  },
};

/** Validates one `/crm config <name> <value>` whose value alone decides it and returns the settings patch. */
function settingPatch(name: keyof typeof SETTINGS, value: string): Patch {
  const { allowed, schema } = SETTINGS[name];
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fieldError('value', 'crm.config_bad_value', { name, allowed });
  return parsed.data;
}

/** `/crm config digest-channel [team] #channel`: where a team's digest goes ('none' = its managers). */
async function digestChannelPatch(actor: Actor, value: string): Promise<Record<string, unknown>> {
  const parts = value.trim().split(/\s+/);
  const channel = parseChannel(parts[parts.length - 1] ?? '');
  const team = parts.length > 1 ? parts.slice(0, -1).join(' ') : '';
  if (channel === null || team.length > 60) {
    throw userError('invalid_input', 'crm.config_bad_value', { name: 'digest-channel', allowed: '[team] #channel | none' });
  }
  const others = (actor.workspace.settings?.digest?.channels ?? []).filter((c) => (c.team ?? '') !== team).map((c) => ({ team: c.team ?? '', channel: c.channel ?? '' }));
  return { 'digest.channels': channel ? [...others, { team, channel }] : others };
}

export type { ConfigResult } from './settings-result';

/**
 * Changes one setting. A pipeline change comes with its checked plan (the leads module's
 * `configureSetting` checks no open lead is stranded, then moves leads once the new stages exist).
 */
export async function configure(actor: Actor, name: SettingName, value: string, plan: StagePlan | null = null): Promise<ConfigResult> {
  assertAdmin(actor);
  if (name === 'stages' && !plan) throw new AppError('internal', 'a pipeline change needs its checked stage plan', { userMessage: { key: 'error.internal' } });
  const patch = plan
    ? { stages: [...plan.open, ...CLOSED_STAGES], stageNames: mergeNames(actor.workspace.settings, plan.names) }
    : name === 'digest-channel'
      ? await digestChannelPatch(actor, value)
      : settingPatch(name as keyof typeof SETTINGS, value);
  // Audit as { setting: value }: stored keys may not contain '.', which the update paths do.
  const before = { [name]: JSON.parse(JSON.stringify(actor.workspace.settings ?? {})) };
  const updated = await workspacesRepo.updateSettings(wsId(actor), patch);
  if (!updated) throw userError('not_found', 'error.internal');
  const after = { [name]: value.trim(), ...(plan?.moves.length ? { moves: plan.moves } : {}) };
  await auditRepo.record(wsId(actor), { actorId: actor.member._id, platform: actor.platform, action: 'workspace.config', entity: 'workspace', entityId: wsId(actor), before, after });
  return { workspace: updated, moved: [] };
}
