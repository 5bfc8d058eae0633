// Messages of the workspaces module (/crm, settings, roles), English and Simplified Chinese side by side.
// src/messages.ts registers them; `declare module` below adds their keys to MessageKey.
import type { Messages } from '../../platform/i18n';

export const workspacesMessages = {
  'help.crm.role': {
    en: '`/crm role @user admin|manager|rep|support`: set a role (admins)',
    'zh-CN': '`/crm role @同事 admin|manager|rep|support`：设置角色（管理员）',
  },
  'help.crm.team': {
    en: '`/crm team @user <team>`: put someone in a team (admins)',
    'zh-CN': '`/crm team @同事 <团队>`：设置所属团队（管理员）',
  },
  'help.crm.manager': {
    en: '`/crm manager @user @manager`: set who someone reports to (admins)',
    'zh-CN': '`/crm manager @同事 @主管`：设置汇报对象（管理员）',
  },
  'help.crm.config': {
    en: '`/crm config`: every workspace setting, its value and how to change it (admins). `/crm config <setting> <value>` changes one, e.g. `/crm config sla high 30m 4h`, `/crm config work-hours 9-6 mon-fri`, `/crm config digest monday 9am`, `/crm config digest-channel emea #emea-sales`, `/crm config support-channel #support`. Stages: `/crm config stages new, contacted, demo|演示, proposal, negotiation move qualified to demo` (a new stage is named `English|中文`; open leads in a removed stage must be moved; won and lost always stay)',
    'zh-CN': '`/crm config`（或 `设置`）：查看所有工作区设置、当前值和修改方法（管理员）。`/crm config <设置> <值>` 修改一项，如 `设置 sla 高 1小时 8小时`、`设置 work-hours 9-6 周一至周五`、`设置 digest 周一 上午9点`、`设置 digest-channel 华东 #华东销售`、`设置 support-channel #support`。阶段：`设置 stages new, contacted, 演示|demo, proposal, negotiation 移动 qualified 到 演示`（新阶段写成 `English|中文`；被删除的阶段里未结束的线索必须移走；赢单和丢单始终保留）',
  },
  'help.crm.lang': {
    en: '`/crm lang en|zh-CN`: your language',
    'zh-CN': '`/crm lang en|zh-CN`：设置你的语言',
  },
  'help.crm.tz': {
    en: '`/crm tz Europe/London`: the time zone your dates are read and shown in (`/crm tz workspace` for the workspace\'s)',
    'zh-CN': '`/crm tz Asia/Shanghai`（或 `时区 …`）：你输入和看到的时间所用的时区（`/crm tz workspace` 恢复为工作区的时区）',
  },
  'help.crm.name': {
    en: '`/crm name <name>`: the name cards show for you (admins: `/crm name @user <name>`)',
    'zh-CN': '`/crm name <名字>`（或 `改名 <名字>`）：卡片上显示的你的名字（管理员：`/crm name @成员 <名字>`）',
  },
  'role.admin': {
    en: 'admin',
    'zh-CN': '管理员',
  },
  'role.manager': {
    en: 'manager',
    'zh-CN': '主管',
  },
  'role.rep': {
    en: 'sales rep',
    'zh-CN': '销售',
  },
  'role.support': {
    en: 'support',
    'zh-CN': '客服',
  },
  'crm.role_set': {
    en: '{who} is now {role}.',
    'zh-CN': '{who} 现在是{role}。',
  },
  'crm.team_set': {
    en: '{who} is now in team {team}.',
    'zh-CN': '{who} 已加入团队 {team}。',
  },
  'crm.manager_set': {
    en: '{who} now reports to {manager}.',
    'zh-CN': '{who} 现在向 {manager} 汇报。',
  },
  'crm.config_saved': {
    en: 'Saved. {sentence}.',
    'zh-CN': '已保存。{sentence}。',
  },
  'crm.config_bad_value': {
    en: 'That value does not work for {name}. Allowed: {allowed}.',
    'zh-CN': '{name} 不能设为这个值。可选：{allowed}。',
  },
  'crm.stages_moved': {
    en: 'Open leads moved from {from} to {to}: {count}.',
    'zh-CN': '已把 {count} 条未结束的线索从 {from} 移到 {to}。',
  },
  'crm.stages_would_strand': {
    en: 'This change removes stages that still hold open leads: {stages}. Nothing was changed. Say where they go, e.g. `{example}`.',
    'zh-CN': '这次修改会删掉的阶段里还有未结束的线索：{stages}。没有做任何修改。请说明移到哪里，例如 `{example}`。',
  },
  'crm.stages_need_names': {
    en: 'Give each new stage a name in English and in Chinese, written `English|中文`, e.g. `demo|演示`. Missing: {stages}. Nothing was changed.',
    'zh-CN': '每个新阶段都要有英文名和中文名，写成 `English|中文`，例如 `demo|演示`。缺少：{stages}。没有做任何修改。',
  },
  'crm.stages_builtin_named': {
    en: '“{stage}” is a built-in stage and already has its names; type it as `{stage}`.',
    'zh-CN': '“{stage}”是内置阶段，已有名称；直接写 `{stage}` 即可。',
  },
  'crm.stages_move_unreadable': {
    en: 'I could not read “{text}”; write the move as `move qualified to demo`.',
    'zh-CN': '看不懂“{text}”；移动请写成 `move qualified to demo`（或 `移动 qualified 到 demo`）。',
  },
  'crm.stages_move_target': {
    en: 'Leads can only move to an open stage of the new pipeline ({stages}); “{stage}” is not one. Nothing was changed.',
    'zh-CN': '线索只能移到新流程中未结束的阶段（{stages}）；“{stage}”不是。没有做任何修改。',
  },
  'crm.stages_move_kept': {
    en: '{stage} stays in the pipeline, so its leads stay where they are. Nothing was changed.',
    'zh-CN': '{stage} 仍在流程中，它的线索不用移动。没有做任何修改。',
  },
  'settings.title': {
    en: 'Workspace settings',
    'zh-CN': '工作区设置',
  },
  'settings.intro': {
    en: 'Admins change a setting with `/crm config <setting> <value>`, as in the examples.',
    'zh-CN': '管理员用 `/crm config <设置> <值>`（或 `设置 <设置> <值>`）修改，写法见各行示例。',
  },
  'settings.stranded': {
    en: 'Stages the pipeline no longer has still hold open leads: {stages}. Move them with `{example}`.',
    'zh-CN': '已不在流程中的阶段里还有未结束的线索：{stages}。可用 `{example}` 把它们移走。',
  },
  'settings.line': {
    en: '{label}: {value} · `{example}`',
    'zh-CN': '{label}：{value} · `{example}`',
  },
  'settings.sentence': {
    en: '{label}: {value}',
    'zh-CN': '{label}：{value}',
  },
  'settings.separator': {
    en: ', ',
    'zh-CN': '、',
  },
  'settings.sentence_separator': {
    en: '; ',
    'zh-CN': '；',
  },
  'settings.day_range': {
    en: '{from}–{to}',
    'zh-CN': '{from}至{to}',
  },
  'settings.group_robot': {
    en: 'a group robot',
    'zh-CN': '群机器人',
  },
  'settings.no_team': {
    en: 'no team',
    'zh-CN': '无团队',
  },
  'settings.name.locale': {
    en: 'Language',
    'zh-CN': '语言',
  },
  'settings.name.timezone': {
    en: 'Time zone',
    'zh-CN': '时区',
  },
  'settings.name.stages': {
    en: 'Pipeline',
    'zh-CN': '销售阶段',
  },
  'settings.name.assignment': {
    en: 'New leads go to',
    'zh-CN': '新线索分配给',
  },
  'settings.name.stale_days': {
    en: 'Gone quiet',
    'zh-CN': '沉默提醒',
  },
  'settings.name.escalate_days': {
    en: 'Escalation',
    'zh-CN': '升级提醒',
  },
  'settings.name.work_hours': {
    en: 'Working hours',
    'zh-CN': '工作时间',
  },
  'settings.name.digest': {
    en: 'Weekly digest',
    'zh-CN': '每周简报',
  },
  'settings.name.digest_channel': {
    en: 'Digest channels',
    'zh-CN': '简报发送到',
  },
  'settings.name.currency': {
    en: 'Currency',
    'zh-CN': '货币',
  },
  'settings.name.support_channel': {
    en: 'New tickets are posted to',
    'zh-CN': '新工单发布到',
  },
  'settings.name.sla': {
    en: 'Ticket targets',
    'zh-CN': '工单时限',
  },
  'settings.example.locale': {
    en: '/crm config locale zh-CN',
    'zh-CN': '/crm config locale en',
  },
  'settings.example.timezone': {
    en: '/crm config timezone Asia/Shanghai',
    'zh-CN': '/crm config timezone Asia/Shanghai',
  },
  'settings.example.stages': {
    en: '/crm config stages new, contacted, demo|演示, proposal, negotiation move qualified to demo',
    'zh-CN': '/crm config stages new, contacted, 演示|demo, proposal, negotiation 移动 qualified 到 演示',
  },
  'settings.example.assignment': {
    en: '/crm config assignment round-robin',
    'zh-CN': '/crm config assignment round-robin',
  },
  'settings.example.stale_days': {
    en: '/crm config stale-days 5',
    'zh-CN': '/crm config stale-days 5',
  },
  'settings.example.escalate_days': {
    en: '/crm config escalate-days 10',
    'zh-CN': '/crm config escalate-days 10',
  },
  'settings.example.work_hours': {
    en: '/crm config work-hours 9-6 mon-fri',
    'zh-CN': '/crm config work-hours 9-6 周一至周五',
  },
  'settings.example.digest': {
    en: '/crm config digest monday 9am',
    'zh-CN': '/crm config digest 周一 上午9点',
  },
  'settings.example.digest_channel': {
    en: '/crm config digest-channel east #east-sales',
    'zh-CN': '/crm config digest-channel 华东 #华东销售',
  },
  'settings.example.currency': {
    en: '/crm config currency USD',
    'zh-CN': '/crm config currency CNY',
  },
  'settings.example.support_channel': {
    en: '/crm config support-channel #support',
    'zh-CN': '/crm config support-channel #support',
  },
  'settings.example.sla': {
    en: '/crm config sla high 30m 4h',
    'zh-CN': '/crm config sla 高 1小时 8小时',
  },
  'settings.value.stages': {
    en: '{open}, then {won} or {lost}',
    'zh-CN': '{open}，最后是{won}或{lost}',
  },
  'settings.value.assignment_creator': {
    en: 'whoever adds them',
    'zh-CN': '录入线索的人',
  },
  'settings.value.assignment_round_robin': {
    en: 'the sales reps in turn (round robin)',
    'zh-CN': '销售代表轮流分配',
  },
  'settings.value.stale_days': {
    en: 'the owner is nudged after {days} days without an interaction',
    'zh-CN': '{days} 天没有跟进时提醒负责人',
  },
  'settings.value.escalate_days': {
    en: 'the owner’s manager is told after {days} days without an interaction',
    'zh-CN': '{days} 天没有跟进时告知负责人的主管',
  },
  'settings.value.work_hours': {
    en: '{start}–{end}, {days} (nudges wait for them)',
    'zh-CN': '{days} {start}–{end}（提醒在工作时间内发送）',
  },
  'settings.value.digest': {
    en: '{day} at {time}',
    'zh-CN': '{day} {time}',
  },
  'settings.value.digest_channel': {
    en: '{team} → {channel}',
    'zh-CN': '{team} → {channel}',
  },
  'settings.value.digest_managers': {
    en: 'each team’s managers, by direct message',
    'zh-CN': '私信发给各团队的主管',
  },
  'settings.value.support_none': {
    en: 'nowhere: whoever opens a ticket gets its card',
    'zh-CN': '不发布：卡片发给开工单的人',
  },
  'settings.value.sla': {
    en: '{priority}: claim within {claim}, resolve within {resolve}',
    'zh-CN': '{priority}优先级：{claim}内认领，{resolve}内解决',
  },
  'crm.lang_set': {
    en: 'Language set to {locale}.',
    'zh-CN': '语言已设为 {locale}。',
  },
  'crm.tz_set': {
    en: 'Your dates are now read and shown in {zone}.',
    'zh-CN': '你的时间现在按 {zone} 输入和显示。',
  },
  'crm.name_set': {
    en: 'Cards now show {who} as “{name}”.',
    'zh-CN': '卡片上 {who} 现在显示为“{name}”。',
  },
  'crm.name_set_self': {
    en: 'Cards now show you as “{name}”.',
    'zh-CN': '卡片上你现在显示为“{name}”。',
  },
  'crm.name_missing': {
    en: 'Say which name to show, e.g. `/crm name Zhang Wei`.',
    'zh-CN': '请写上要显示的名字，例如 `改名 张伟`。',
  },
  'crm.last_admin': {
    en: 'You are the only admin; make someone else admin first.',
    'zh-CN': '你是唯一的管理员，请先指定其他管理员。',
  },
  'crm.self_manager': {
    en: 'Nobody can be their own manager.',
    'zh-CN': '不能把自己设为自己的主管。',
  },
  'crm.support_channel_set': {
    en: 'New tickets will be posted to {channel}.',
    'zh-CN': '新工单将发布到 {channel}。',
  },
  'help.crm.mute': {
    en: '`/crm mute`: no follow-up or gone-quiet nudges by direct message until you unmute',
    'zh-CN': '`/crm mute`：暂停私信提醒（跟进提醒、沉默提醒），直到取消',
  },
  'help.crm.unmute': {
    en: '`/crm unmute`: nudges again',
    'zh-CN': '`/crm unmute`：恢复提醒',
  },
  'crm.muted': {
    en: 'Muted: you will get no nudges until `/crm unmute`. Escalations to your manager still go.',
    'zh-CN': '已静音：在 `/crm unmute` 之前不会再收到提醒。升级给主管的提醒照常发送。',
  },
  'crm.unmuted': {
    en: 'Unmuted: nudges will reach you again.',
    'zh-CN': '已取消静音：提醒会照常发给你。',
  },
} satisfies Messages;

declare module '../../platform/i18n' {
  interface MessageKeys {
    workspaces: keyof typeof workspacesMessages;
  }
}
