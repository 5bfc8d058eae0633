// The settings `/crm config` knows, in the order the settings card lists them.
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
