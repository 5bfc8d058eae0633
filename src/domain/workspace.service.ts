import { workspacesRepo } from '../store/workspaces.repo';
import { auditRepo } from '../store/audit.repo';
import type { WorkspaceDoc } from '../store/workspace.model';
import { type Actor, wsId } from './actor';
import { assertAdmin } from './access';
import { userError } from './errors';
import { isLocale } from './i18n';
import { isTimeZone } from '../config';
import { parseClock } from './schedule';

export const SETTING_NAMES = [
  'locale',
  'timezone',
  'stages',
  'assignment',
  'stale-days',
  'escalate-days',
  'work-hours',
  'digest',
  'digest-channel',
  'currency',
  'support-channel',
  'sla',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

const WEEKDAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, 周日: 0, 周一: 1, 周二: 2, 周三: 3, 周四: 4, 周五: 5, 周六: 6 };

/** "mon-fri", "mon,wed,fri", "周一-周五" -> [1..5]; null when unreadable. */
export function parseWeekdays(s: string): number[] | null {
  const days = new Set<number>();
  for (const part of s.toLowerCase().split(/[,，]/)) {
    const [a, b] = part.split(/[-–~]/).map((x) => WEEKDAYS[x.trim().slice(0, x.trim().startsWith('周') ? 2 : 3)]);
    if (a === undefined || (part.match(/[-–~]/) && b === undefined)) return null;
    if (b === undefined) days.add(a);
    else for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
  }
  return days.size ? [...days].sort() : null;
}

/** "90m", "4h", "2d", "1h30m" -> minutes; null when unreadable. */
export function parseDuration(s: string): number | null {
  const m = s.trim().toLowerCase().match(/^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?$/);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  const minutes = Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return minutes > 0 && minutes <= 90 * 1440 ? minutes : null;
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


/** Validates one `/crm config <name> <value>` and returns the settings patch. */
function settingPatch(name: Exclude<SettingName, 'digest-channel'>, value: string): Record<string, unknown> {
  const v = value.trim();
  switch (name) {
    case 'locale':
      if (!isLocale(v)) throw userError('invalid_input', 'crm.config_bad_value', { name, allowed: 'en, zh-CN' });
      return { locale: v };
    case 'timezone':
      if (!isTimeZone(v)) throw userError('invalid_input', 'crm.config_bad_value', { name, allowed: 'Asia/Shanghai, Europe/London, …' });
      return { timezone: v };
    case 'assignment': {
      const a = v.replace('-', '_');
      if (a !== 'creator' && a !== 'round_robin') throw userError('invalid_input', 'crm.config_bad_value', { name, allowed: 'creator, round-robin' });
      return { assignment: a };
    }
    case 'stale-days': {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 365) throw userError('invalid_input', 'crm.config_bad_value', { name, allowed: '1–365' });
      return { staleDays: n };
    }
    case 'escalate-days': {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 365) throw userError('invalid_input', 'crm.config_bad_value', { name, allowed: '1–365' });
      return { escalateDays: n };
    }
    case 'work-hours': {
      // "09:00-18:00 mon-fri"
      const [range, daysText] = v.split(/\s+/);
      const [start, end] = (range ?? '').split(/[-–~]/);
      const s = parseClock(start ?? '');
      const e = parseClock(end ?? '');
      const days = parseWeekdays(daysText ?? 'mon-fri');
      if (s === null || e === null || e <= s || !days) throw userError('invalid_input', 'crm.config_bad_value', { name, allowed: '09:00-18:00 mon-fri' });
      return { 'workHours.start': start.trim(), 'workHours.end': end.trim(), 'workHours.days': days };
    }
    case 'digest': {
      // "mon 09:00"
      const [dayText, time] = v.split(/\s+/);
      const days = parseWeekdays(dayText ?? '');
      if (!days || days.length !== 1 || parseClock(time ?? '') === null) throw userError('invalid_input', 'crm.config_bad_value', { name, allowed: 'mon 09:00' });
      return { 'digest.day': days[0], 'digest.time': time };
    }
    case 'currency':
      if (!/^[A-Z]{3}$/.test(v.toUpperCase())) throw userError('invalid_input', 'crm.config_bad_value', { name, allowed: 'CNY, USD, EUR, …' });
      return { currency: v.toUpperCase() };
    case 'support-channel': {
      const channel = parseChannel(v);
      if (channel === null) throw userError('invalid_input', 'crm.config_bad_value', { name, allowed: '#channel, https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…, none' });
      return { supportChannel: channel };
    }
    case 'sla': {
      // "high 1h 8h": first response (claim) and resolution targets for one priority.
      const [priority, claim, resolve] = v.split(/\s+/);
      const c = parseDuration(claim ?? '');
      const r = parseDuration(resolve ?? '');
      if (!['high', 'normal', 'low'].includes(priority) || !c || !r || r < c) {
        throw userError('invalid_input', 'crm.config_bad_value', { name, allowed: 'high|normal|low <first response> <resolution>, e.g. high 1h 8h' });
      }
      return { [`sla.${priority}.claim`]: c, [`sla.${priority}.resolve`]: r };
    }
    case 'stages': {
      const open = v.split(/[\s,，>→]+/).map((s) => s.trim().toLowerCase()).filter((s) => s && s !== 'won' && s !== 'lost');
      const ok = open.length >= 1 && open.length <= 12 && new Set(open).size === open.length && open.every((s) => /^[\p{L}\p{N}_-]{1,30}$/u.test(s));
      if (!ok) throw userError('invalid_input', 'crm.config_bad_value', { name, allowed: 'new, contacted, qualified, proposal, negotiation' });
      return { stages: [...open, 'won', 'lost'] };
    }
  }
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

export async function configure(actor: Actor, name: SettingName, value: string): Promise<WorkspaceDoc> {
  assertAdmin(actor);
  const patch = name === 'digest-channel' ? await digestChannelPatch(actor, value) : settingPatch(name, value);
  // Audit as { setting: value }: stored keys may not contain '.', which the update paths do.
  const before = { [name]: JSON.parse(JSON.stringify(actor.workspace.settings ?? {})) };
  const updated = await workspacesRepo.updateSettings(wsId(actor), patch);
  if (!updated) throw userError('not_found', 'error.internal');
  await auditRepo.record(wsId(actor), { actorId: actor.member._id, platform: actor.platform, action: 'workspace.config', entity: 'workspace', entityId: wsId(actor), before, after: { [name]: value.trim() } });
  return updated;
}
