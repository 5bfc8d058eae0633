import { workspacesRepo } from '../store/workspaces.repo';
import { auditRepo } from '../store/audit.repo';
import type { WorkspaceDoc } from '../store/workspace.model';
import { type Actor, wsId } from './actor';
import { assertAdmin } from './access';
import { userError } from './errors';
import { isLocale } from './i18n';

export type SettingName = 'locale' | 'timezone' | 'stages' | 'assignment' | 'stale-days' | 'currency';
export const SETTING_NAMES: SettingName[] = ['locale', 'timezone', 'stages', 'assignment', 'stale-days', 'currency'];

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Validates one `/crm config <name> <value>` and returns the settings patch. */
function settingPatch(name: SettingName, value: string): Record<string, unknown> {
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
    case 'currency':
      if (!/^[A-Z]{3}$/.test(v.toUpperCase())) throw userError('invalid_input', 'crm.config_bad_value', { name, allowed: 'CNY, USD, EUR, …' });
      return { currency: v.toUpperCase() };
    case 'stages': {
      const open = v.split(/[\s,，>→]+/).map((s) => s.trim().toLowerCase()).filter((s) => s && s !== 'won' && s !== 'lost');
      const ok = open.length >= 1 && open.length <= 12 && new Set(open).size === open.length && open.every((s) => /^[\p{L}\p{N}_-]{1,30}$/u.test(s));
      if (!ok) throw userError('invalid_input', 'crm.config_bad_value', { name, allowed: 'new, contacted, qualified, proposal, negotiation' });
      return { stages: [...open, 'won', 'lost'] };
    }
  }
}

export async function configure(actor: Actor, name: SettingName, value: string): Promise<WorkspaceDoc> {
  assertAdmin(actor);
  const patch = settingPatch(name, value);
  const before = actor.workspace.settings;
  const updated = await workspacesRepo.updateSettings(wsId(actor), patch);
  if (!updated) throw userError('not_found', 'error.internal');
  await auditRepo.record(wsId(actor), { actorId: actor.member._id, platform: actor.platform, action: 'workspace.config', entity: 'workspace', entityId: wsId(actor), before, after: patch });
  return updated;
}
