// The command grammar for platforms where commands are typed as plain text (WeCom, the sandbox):
// `/lead add …`, `lead add …`, Chinese aliases (`线索 新增 …`, `新建线索 …`, `跟进 …`, `帮助`) and
// full-width punctuation (`／`, `：`, `；`, `，`).

import { closest } from '../platform/suggest';

const COMMAND_WORDS = ['lead', 'log', 'ticket', 'crm', 'pipeline', 'undo'];

export interface TypedCommand {
  command: string;
  text: string;
}

// Longest aliases first, so "新建线索" wins over "线索".
const ALIASES: [string, string, string][] = [
  ['新建线索', '/lead', 'add'],
  ['新增线索', '/lead', 'add'],
  ['添加线索', '/lead', 'add'],
  ['查看线索', '/lead', 'show'],
  ['我的线索', '/lead', 'list mine'],
  ['团队线索', '/lead', 'list team'],
  ['沉默线索', '/lead', 'list stale'],
  ['沉睡线索', '/lead', 'list stale'],
  ['线索列表', '/lead', 'list'],
  ['查找线索', '/lead', 'find'],
  ['搜索', '/lead', 'find'],
  ['查找', '/lead', 'find'],
  // 记录/跟进 log a touch (like `/log`); 下次/提醒 set the next follow-up (like `/lead next`).
  ['跟进', '/log', ''],
  ['下次跟进', '/lead', 'next'],
  ['下次', '/lead', 'next'],
  ['提醒', '/lead', 'next'],
  ['阶段', '/lead', 'stage'],
  ['赢单', '/lead', 'won'],
  ['丢单', '/lead', 'lost'],
  // 丢单 is the word the cards use; 输单 is read the same.
  ['输单', '/lead', 'lost'],
  ['分配', '/lead', 'assign'],
  ['转给', '/lead', 'assign'],
  ['编辑线索', '/lead', 'edit'],
  ['删除线索', '/lead', 'delete'],
  ['恢复线索', '/lead', 'restore'],
  ['重开线索', '/lead', 'reopen'],
  // 合并 L-12 L-31 keeps L-12; 取消合并/撤销合并 L-31 takes a merge back (admins).
  ['合并线索', '/lead', 'merge'],
  ['合并', '/lead', 'merge'],
  ['取消合并', '/lead', 'unmerge'],
  ['撤销合并', '/lead', 'unmerge'],
  ['撤销', '/undo', ''],
  ['新建工单', '/ticket', 'new'],
  ['开工单', '/ticket', 'new'],
  ['工单列表', '/ticket', 'list'],
  ['我的工单', '/ticket', 'list mine'],
  ['待认领', '/ticket', 'list unclaimed'],
  ['查看工单', '/ticket', 'show'],
  ['工单历史', '/ticket', 'history'],
  ['认领', '/ticket', 'claim'],
  ['解决', '/ticket', 'resolve'],
  ['重新打开', '/ticket', 'reopen'],
  ['升级', '/ticket', 'escalate'],
  ['转派', '/ticket', 'assign'],
  ['跟进记录', '/lead', 'history'],
  ['记录', '/log', ''],
  ['帮助', '/crm', 'help'],
  ['菜单', '/crm', 'help'],
  ['角色', '/crm', 'role'],
  ['团队', '/crm', 'team'],
  ['主管', '/crm', 'manager'],
  ['设置', '/crm', 'config'],
  ['语言', '/crm', 'lang'],
  ['改名', '/crm', 'name'],
  ['时区', '/crm', 'tz'],
  ['静音', '/crm', 'mute'],
  ['免打扰', '/crm', 'mute'],
  ['取消静音', '/crm', 'unmute'],
  // 查重/重复线索 list likely duplicate leads (managers, admins); 重新查重 checks every lead again (admins).
  ['重复线索', '/crm', 'duplicates'],
  ['重新查重', '/crm', 'duplicates scan'],
  ['查重', '/crm', 'duplicates'],
  ['销售漏斗', '/pipeline', ''],
  ['漏斗', '/pipeline', ''],
  ['业绩', '/pipeline', ''],
];

const BY_LENGTH = [...ALIASES].sort((a, b) => b[0].length - a[0].length);

// `线索 <word> …`: a subcommand of /lead, or `/log` for the words that log a touch (as `记录 …` does).
const LEAD_SUBCOMMANDS: Record<string, string> = {
  新增: 'add',
  新建: 'add',
  添加: 'add',
  查看: 'show',
  列表: 'list',
  搜索: 'find',
  查找: 'find',
  记录: '/log',
  跟进: '/log',
  下次: 'next',
  提醒: 'next',
  下次跟进: 'next',
  历史: 'history',
  跟进记录: 'history',
  阶段: 'stage',
  赢单: 'won',
  丢单: 'lost',
  输单: 'lost',
  分配: 'assign',
  编辑: 'edit',
  删除: 'delete',
  恢复: 'restore',
  重开: 'reopen',
  合并: 'merge',
  取消合并: 'unmerge',
  撤销合并: 'unmerge',
  帮助: 'help',
};

/** The Chinese command words, grouped by the English command they stand for (listed in `帮助`). */
export function chineseCommandWords(): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const [alias, command, sub] of ALIASES) {
    const key = `${command} ${sub.split(' ')[0]}`.trim();
    groups.set(key, [...(groups.get(key) ?? []), alias]);
  }
  // `线索 新增 …`, `工单 认领 …`: the object word, then a subcommand word.
  groups.set('/lead …', Object.keys(LEAD_SUBCOMMANDS).map((w) => `线索 ${w}`));
  groups.set('/ticket …', Object.keys(TICKET_SUBCOMMANDS).map((w) => `工单 ${w}`));
  return [...groups.entries()];
}

const TICKET_SUBCOMMANDS: Record<string, string> = {
  新建: 'new',
  列表: 'list',
  查看: 'show',
  认领: 'claim',
  解决: 'resolve',
  重开: 'reopen',
  重新打开: 'reopen',
  升级: 'escalate',
  转派: 'assign',
};

/** Reads a typed command; null when the text is not one (the caller then points to 帮助). */
export function parseTypedCommand(input: string): TypedCommand | null {
  // Only the command words are normalised; the arguments stay as typed.
  const trimmed = input.replace(/^[\s\u3000\u2005]+/, '');
  const head = trimmed.slice(0, 12).normalize('NFKC');
  const hadSlash = /^[/]/.test(head);
  const text = hadSlash ? trimmed.slice(1) : trimmed;
  // The command word ends at a space or at punctuation: `线索：新增 …` and `lead：add …` read as typed with a space.
  const m = text.match(/^([^\s\u3000\u2005:：,，;；]+)[\s\u3000\u2005:：,，;；]*([\s\S]*)$/);
  if (!m) return null;
  const word = m[1].normalize('NFKC').toLowerCase();
  const rest = m[2].trim();
  if (COMMAND_WORDS.includes(word)) return { command: `/${word}`, text: rest };
  // `/laed add`, `leda add`: handed on, so the answer can say "did you mean /lead add?".
  if (/^[a-z]{3,12}$/.test(word) && (hadSlash || closest(word, COMMAND_WORDS))) return { command: `/${word}`, text: rest };
  // "投诉 L-12 …" logs a complaint (which opens a ticket).
  const complaint = text.match(/^投诉[\s\u3000:：]*([LＬｌ][-－]?[\d０-９]+)[\s\u3000]+([\s\S]+)$/i);
  if (complaint) return { command: '/log', text: `${complaint[1]} complaint ${complaint[2].trim()}` };
  if (word === '工单') {
    const [sub, ...args] = rest.split(/[\s\u3000]+/);
    const mapped = TICKET_SUBCOMMANDS[sub ?? ''];
    return { command: '/ticket', text: mapped ? [mapped, ...args].join(' ').trim() : rest || 'help' };
  }
  if (word === 'help' || word === '?') return { command: '/crm', text: 'help' };
  if (word === '线索' || word === '客户') {
    const [sub, ...args] = rest.split(/[\s\u3000]+/);
    const mapped = LEAD_SUBCOMMANDS[sub ?? ''];
    if (mapped === '/log') return { command: '/log', text: args.join(' ').trim() };
    if (mapped) return { command: '/lead', text: [mapped, ...args].join(' ').trim() };
    return { command: '/lead', text: rest || 'help' };
  }
  for (const [alias, command, sub] of BY_LENGTH) {
    if (text.startsWith(alias) && aliasEnds(text.slice(alias.length), sub)) {
      const args = text.slice(alias.length).replace(/^[\s\u3000:：,，;；]+/, '');
      return { command, text: `${sub} ${args}`.trim() };
    }
  }
  return null;
}

// Aliases whose arguments are free text (a company, a subject, a query) may run straight into them.
const FREE_TEXT = new Set(['add', 'new', 'find']);

/**
 * Whether the text after an alias starts its arguments: nothing, a space or punctuation, an id
 * (`认领T-3`, `跟进L-12 …`) or a mention. So an ordinary sentence that merely begins with a command
 * word (`记录一下今天很忙`, `升级了系统`) is not taken for a command.
 */
function aliasEnds(after: string, sub: string): boolean {
  if (FREE_TEXT.has(sub)) return true;
  // NFKC: a full-width id (`Ｌ－１２`) starts the arguments as `L-12` does.
  return after === '' || /^([\s\u3000\u2005:：,，;；]|[LlTt]-?\d|[@＠<])/.test(after.normalize('NFKC'));
}
