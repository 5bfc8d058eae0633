// One-off: splits src/platform/i18n/en.ts and zh-CN.ts into one `<module>.messages.ts` per module (and
// the platform's and the channels'), English and Chinese side by side, every string kept as it is.
// Run from the repository root: `npx tsx scripts/split-messages.ts`. Rerunnable while en.ts and
// zh-CN.ts exist (for example to fold in keys added to them on another branch before a merge).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { en } from '../src/platform/i18n/en';
import { zhCN } from '../src/platform/i18n/zh-CN';

interface Target { file: string; name: string; augment: string; platform?: boolean; about: string }

const T = {
  platform: { file: 'src/platform/i18n/platform.messages.ts', name: 'platformMessages', augment: 'platform', platform: true, about: 'Generic messages (errors, form and help chrome, pagers, field labels, choices, calendar words)' },
  workspaces: { file: 'src/modules/workspaces/workspaces.messages.ts', name: 'workspacesMessages', augment: 'workspaces', about: 'Messages of the workspaces module (/crm, settings, roles)' },
  leads: { file: 'src/modules/leads/leads.messages.ts', name: 'leadsMessages', augment: 'leads', about: 'Messages of the leads module (/lead, stages, lists, lead forms, undo)' },
  interactions: { file: 'src/modules/interactions/interactions.messages.ts', name: 'interactionsMessages', augment: 'interactions', about: 'Messages of the interactions module (/log, interaction kinds)' },
  tickets: { file: 'src/modules/tickets/tickets.messages.ts', name: 'ticketsMessages', augment: 'tickets', about: 'Messages of the tickets module (/ticket, SLA chases)' },
  followUps: { file: 'src/modules/follow-ups/follow-ups.messages.ts', name: 'followUpsMessages', augment: 'follow-ups', about: 'Messages of the follow-ups module (nudges)' },
  digest: { file: 'src/modules/digest/digest.messages.ts', name: 'digestMessages', augment: 'digest', about: 'Messages of the digest module (/pipeline, the weekly digest)' },
  sandbox: { file: 'src/channels/sandbox/sandbox.messages.ts', name: 'sandboxMessages', augment: 'sandbox', about: 'Messages of the web sandbox' },
  wecom: { file: 'src/channels/wecom/wecom.messages.ts', name: 'wecomMessages', augment: 'wecom', about: 'Messages of the WeCom channel and its renderer' },
  slack: { file: 'src/channels/slack/slack.messages.ts', name: 'slackMessages', augment: 'slack', about: 'Messages of the Slack renderer' },
} satisfies Record<string, Target>;

// Key prefix -> owner; the first match wins, so narrower prefixes come first.
const RULES: [string, Target][] = [
  ['help.crm.', T.workspaces], ['crm.', T.workspaces], ['settings.', T.workspaces], ['role.', T.workspaces],
  ['help.lead.', T.leads], ['help.undo', T.leads], ['lead.', T.leads], ['stage.', T.leads], ['undo.', T.leads],
  ['list.title.', T.leads], ['list.empty', T.leads],
  ['form.lead.', T.leads], ['form.followup.', T.leads], ['form.reassign.', T.leads], ['form.lost.', T.leads], ['form.edit.', T.leads],
  ['help.log', T.interactions], ['log.', T.interactions], ['interaction.', T.interactions],
  ['help.ticket.', T.tickets], ['ticket.', T.tickets], ['sla.', T.tickets],
  ['nudge.', T.followUps],
  ['help.pipeline', T.digest], ['pipeline.', T.digest], ['digest.', T.digest],
  ['sandbox.', T.sandbox],
  ['render.wecom.', T.wecom], ['wecom.', T.wecom],
  ['render.', T.slack],
  ['help.', T.platform], ['error.', T.platform], ['form.', T.platform], ['list.', T.platform], ['field.', T.platform],
  ['choice.', T.platform], ['duration.', T.platform], ['weekday.', T.platform], ['locale.', T.platform],
];

function ownerOf(key: string): Target {
  const rule = RULES.find(([prefix]) => key === prefix || key.startsWith(prefix));
  if (!rule) throw new Error(`no owner for ${key}`);
  return rule[1];
}

/** A single-quoted TypeScript string literal whose value is exactly `s`. */
function quote(s: string): string {
  const body = s.replace(/[\\'\n\r\t\u2028\u2029]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${body}'`;
}

const quoteKey = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k));

function fileText(target: Target, keys: string[]): string {
  const enCat: Record<string, string> = en;
  const zhCat: Record<string, string> = zhCN;
  const typeFrom = target.platform ? './index' : path.relative(path.dirname(target.file), 'src/platform/i18n').split(path.sep).join('/');
  const entries = keys.map((k) => `  ${quote(k)}: {\n    en: ${quote(enCat[k])},\n    'zh-CN': ${quote(zhCat[k])},\n  },\n`).join('');
  const head = [
    `// ${target.about}, English and Simplified Chinese side by side.`,
    target.platform ? '// platform/i18n registers these itself; src/messages.ts registers every other catalogue.' : '// src/messages.ts registers them; `declare module` below adds their keys to MessageKey.',
    `import type { Messages } from '${typeFrom}';`,
    '',
    `export const ${target.name} = {\n${entries}} satisfies Messages;`,
  ];
  const augment = [
    '',
    `declare module '${typeFrom}' {`,
    '  interface MessageKeys {',
    `    ${quoteKey(target.augment)}: keyof typeof ${target.name};`,
    '  }',
    '}',
  ];
  return [...head, ...(target.platform ? [] : augment), ''].join('\n');
}

function main(): void {
  const byTarget = new Map<Target, string[]>();
  for (const key of Object.keys(en)) {
    if (!(key in zhCN)) throw new Error(`${key} is missing in zh-CN`);
    const t = ownerOf(key);
    byTarget.set(t, [...(byTarget.get(t) ?? []), key]);
  }
  for (const [target, keys] of byTarget) {
    writeFileSync(target.file, fileText(target, keys));
    process.stdout.write(`${target.file}: ${keys.length}\n`);
  }
}

main();
