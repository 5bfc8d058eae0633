import type { Messages } from '../../platform/i18n';

// Merging leads: 合并 is the word for merge everywhere; interactions are 跟进记录, tickets 工单.
export const mergeMessages = {
  'help.lead.merge': {
    en: '`/lead merge L-12 L-31`: merge L-31 into L-12 (the first one named is kept; you confirm first)',
    'zh-CN': '`/lead merge L-12 L-31`：把 L-31 合并到 L-12（保留先写的那条，确认后才合并）',
  },
  'help.lead.unmerge': {
    en: '`/lead unmerge L-31`: take a merge back (admins)',
    'zh-CN': '`/lead unmerge L-31`：撤销合并（管理员）',
  },
  'merge.confirm.title': {
    en: 'Merge {lose} into {keep}?',
    'zh-CN': '将 {lose} 合并到 {keep}？',
  },
  'merge.confirm.keep': {
    en: '{keep} ({company}, {contact}, owner {owner}) is kept: its stage, owner, company and contact stay.',
    'zh-CN': '保留 {keep}（{company}，{contact}，负责人 {owner}）：其阶段、负责人、公司和联系人不变。',
  },
  'merge.confirm.lose': {
    en: '{lose} ({company}, {contact}, owner {owner}) is then deleted; its id leads to {keep}.',
    'zh-CN': '{lose}（{company}，{contact}，负责人 {owner}）随后删除，其编号将指向 {keep}。',
  },
  'merge.confirm.moves': {
    en: 'Moves to {keep}: {interactions} interactions, {tickets} tickets, and the duplicate checks of {lose}.',
    'zh-CN': '移到 {keep}：{interactions} 条跟进记录、{tickets} 个工单，以及 {lose} 的查重信息。',
  },
  'merge.confirm.phones': {
    en: 'Phones added: {list}',
    'zh-CN': '新增电话：{list}',
  },
  'merge.confirm.emails': {
    en: 'Emails added: {list}',
    'zh-CN': '新增邮箱：{list}',
  },
  'merge.confirm.tags': {
    en: 'Tags added: {list}',
    'zh-CN': '新增标签：{list}',
  },
  'merge.confirm.value': {
    en: 'Value from {lose}: {value}',
    'zh-CN': '金额取自 {lose}：{value}',
  },
  'merge.confirm.followup': {
    en: 'Next follow-up from {lose} (the earlier one): {when}',
    'zh-CN': '下次跟进取自 {lose}（较早的一次）：{when}',
  },
  'merge.btn.confirm': {
    en: 'Merge',
    'zh-CN': '合并',
  },
  'merge.btn.swap': {
    en: 'Keep {id} instead',
    'zh-CN': '改为保留 {id}',
  },
  'merge.btn.cancel': {
    en: 'Cancel',
    'zh-CN': '取消',
  },
  'merge.btn.undo': {
    en: 'Undo merge',
    'zh-CN': '撤销合并',
  },
  'merge.done': {
    en: '{lose} is merged into {keep}: {interactions} interactions and {tickets} tickets moved.',
    'zh-CN': '{lose} 已合并到 {keep}：移动了 {interactions} 条跟进记录和 {tickets} 个工单。',
  },
  'merge.cancelled': {
    en: 'Merge cancelled; nothing changed.',
    'zh-CN': '已取消合并，未作任何更改。',
  },
  'merge.same_lead': {
    en: 'A lead cannot be merged into itself ({id}). Name two different leads: `/lead merge L-12 L-31`.',
    'zh-CN': '线索不能合并到自己（{id}）。请写两条不同的线索：`/lead merge L-12 L-31`。',
  },
  'merge.already_merged': {
    en: '{id} is already merged into {into}.',
    'zh-CN': '{id} 已经合并到 {into}。',
  },
  'merge.changed_since': {
    en: '{id} or {into} changed since the merge was shown. Here it is as it would be now.',
    'zh-CN': '{id} 或 {into} 在显示合并后有改动。以下是按现在情况的合并。',
  },
  'merge.busy': {
    en: '{id} or {into} was being changed at the same moment, so nothing was merged. Look at them again with `/lead show {into}`.',
    'zh-CN': '{id} 或 {into} 同时正被修改，因此未合并。请用 `/lead show {into}` 再看一下。',
  },
  'merge.not_merged': {
    en: '{id} is not merged into another lead: there is no merge to take back.',
    'zh-CN': '{id} 没有合并到其他线索，没有可撤销的合并。',
  },
  'merge.undone': {
    en: 'The merge is taken back: {lose} is back, with what was moved from it; {keep} is as before.',
    'zh-CN': '已撤销合并：{lose} 已恢复，移走的内容已移回；{keep} 恢复原样。',
  },
  'merge.undone_kept': {
    en: 'Changed on {keep} since the merge, so kept as it is: {fields}.',
    'zh-CN': '{keep} 在合并后又改过，以下保持现状：{fields}。',
  },
} satisfies Messages;

declare module '../../platform/i18n' {
  interface MessageKeys {
    merge: keyof typeof mergeMessages;
  }
}
