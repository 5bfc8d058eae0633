import type { Card, CardAction, Form } from '../../src/platform/cards/card';
import {
  buttonKey,
  isTaskId,
  newTaskId,
  parseButtonKey,
  renderWecomCard,
  renderWecomMarkdown,
  renderWecomReply,
  WECOM_LIMITS,
  type WecomOut,
} from '../../src/channels/wecom/render-wecom';
import { chunkBytes } from '../../src/channels/wecom/wecom-text';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const CARD_ACTION = { type: 1, url: 'https://work.weixin.qq.com' };
// U+FFFD appears when a multi-byte character was cut; a lone surrogate when an emoji was.
const broken = (s: string) => Buffer.from(s, 'utf8').toString('utf8') !== s || s.includes('\uFFFD') || /[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));
const texts = (out: WecomOut[]) => out.flatMap((m) => (m.msgtype === 'text' ? [m.text.content] : []));
const tc = (out: WecomOut[]) => (out[0] as { template_card: Record<string, unknown> }).template_card;

const leadCard: Card = {
  title: 'L-12 · 上海星辰科技有限公司',
  text: '由 王芳 创建，负责人 张伟。',
  tone: 'success',
  fields: [
    { label: '阶段', value: '新线索' },
    { label: '金额', value: '¥50,000' },
    { label: '联系人', value: '李雷' },
    { label: '电话', value: '138 0013 8000' },
    { label: '下次跟进', value: '11月23日 周一 10:00' },
  ],
  actions: [
    { id: 'lead_advance', label: '推进到已联系', value: 'L-12:new', style: 'primary' },
    { id: 'lead_followup', label: '设置跟进', value: 'L-12' },
    { id: 'lead_reassign', label: '转交', value: 'L-12' },
    { id: 'lead_lost', label: '丢单', value: 'L-12', style: 'danger' },
  ],
};
const leadHorizontal = [
  { keyname: '阶段', value: '新线索' },
  { keyname: '金额', value: '¥50,000' },
  { keyname: '联系人', value: '李雷' },
  { keyname: '电话', value: '138 0013 8000' },
  { keyname: '下次跟进', value: '11月23日 周一 10:00' },
];
const leadButtons = [
  { text: '推进到已联系', key: 'lead_advance|L-12:new', style: 1, type: 0 },
  { text: '设置跟进', key: 'lead_followup|L-12', style: 1, type: 0 },
  { text: '转交', key: 'lead_reassign|L-12', style: 1, type: 0 },
  { text: '丢单', key: 'lead_lost|L-12', style: 2, type: 0 },
];

describe('renderWecomCard', () => {
  it('should render a text-only card as a text_notice with a card_action', () => {
    expect(renderWecomCard({ text: 'No leads match “acme”.' }, { taskId: 't1', locale: 'en' })).toEqual([
      { msgtype: 'template_card', template_card: { card_type: 'text_notice', main_title: { title: 'No leads match “acme”.' }, card_action: CARD_ACTION } },
    ]);
  });

  it('should put a long text, lines and context into sub_title_text and use the given card_action url', () => {
    const card: Card = {
      title: '今日待跟进',
      text: '以下线索今天需要跟进，请及时联系客户并记录跟进结果。如有变动请在备注中说明原因并同步给主管。',
      lines: ['L-3 · 北京云图 · 10:00', 'L-7 · 深圳飞鱼 · 15:30'],
      context: '共 2 条',
      tone: 'warning',
    };
    expect(renderWecomCard(card, { taskId: 't1', locale: 'zh-CN', cardActionUrl: 'https://crm.example.cn/leads' })).toEqual([
      {
        msgtype: 'template_card',
        template_card: {
          card_type: 'text_notice',
          main_title: { title: '⚠️ 今日待跟进' },
          sub_title_text: '以下线索今天需要跟进，请及时联系客户并记录跟进结果。如有变动请在备注中说明原因并同步给主管。\nL-3 · 北京云图 · 10:00\nL-7 · 深圳飞鱼 · 15:30\n共 2 条',
          card_action: { type: 1, url: 'https://crm.example.cn/leads' },
        },
      },
    ]);
  });

  it('should keep a title-less multi-line card without main_title and put the tone on its first line', () => {
    expect(renderWecomCard({ lines: ['L-1 · A', 'L-2 · B'], tone: 'error' }, { taskId: 't1', locale: 'en' })).toEqual([
      { msgtype: 'template_card', template_card: { card_type: 'text_notice', sub_title_text: '❌ L-1 · A\nL-2 · B', card_action: CARD_ACTION } },
    ]);
  });

  it('should render a lead card with 5 fields and 4 buttons (one danger) as a button_interaction', () => {
    expect(renderWecomCard(leadCard, { taskId: 'lead-L12_abc', locale: 'zh-CN' })).toEqual([
      {
        msgtype: 'template_card',
        template_card: {
          card_type: 'button_interaction',
          main_title: { title: '✅ L-12 · 上海星辰科技有限公司', desc: '由 王芳 创建，负责人 张伟。' },
          horizontal_content_list: leadHorizontal,
          task_id: 'lead-L12_abc',
          button_list: leadButtons,
        },
      },
    ]);
  });

  it('should take the title of a card without title, text or lines from its first field', () => {
    const card: Card = { fields: [{ label: '负责人', value: '张伟' }, { label: '团队', value: '华东' }] };
    expect(renderWecomCard(card, { taskId: 't1', locale: 'zh-CN' })).toEqual([
      {
        msgtype: 'template_card',
        template_card: {
          card_type: 'text_notice',
          main_title: { title: '负责人：张伟' },
          horizontal_content_list: [{ keyname: '团队', value: '华东' }],
          card_action: CARD_ACTION,
        },
      },
    ]);
  });

  it('should give a title-less button card a main_title from its first line', () => {
    const card: Card = { text: 'Move L-12 to Contacted?', actions: [{ id: 'lead_advance', label: 'Yes', value: 'L-12:new' }] };
    expect(tc(renderWecomCard(card, { taskId: 't1', locale: 'en' }))).toEqual({
      card_type: 'button_interaction',
      main_title: { title: 'Move L-12 to Contacted?' },
      task_id: 't1',
      button_list: [{ text: 'Yes', key: 'lead_advance|L-12:new', style: 1, type: 0 }],
    });
  });

  it('should shorten a long title with "…", counting characters, not bytes, and never cut a button label', () => {
    const card: Card = {
      title: '上海星辰科技有限公司华东区域销售中心年度重点客户拓展项目第二阶段',
      actions: [{ id: 'lead_advance', label: 'Move to Contacted', value: 'L-1:new' }],
    };
    const t = tc(renderWecomCard(card, { taskId: 't1', locale: 'zh-CN' }));
    expect(t.main_title).toEqual({ title: card.title }); // 32 characters: fits 36 although it is 96 bytes
    const longer: Card = { ...card, title: card.title + '的补充说明材料' };
    const t2 = tc(renderWecomCard(longer, { taskId: 't1', locale: 'zh-CN' }));
    expect(t2.main_title).toEqual({ title: '上海星辰科技有限公司华东区域销售中心年度重点客户拓展项目第二阶段的补充…' });
    expect([...(t2.main_title as { title: string }).title]).toHaveLength(WECOM_LIMITS.titleChars);
    // "Move to Contacted" is over 10 characters: whole in the dropdown, run by the "执行" button.
    expect(t2.button_selection).toEqual({
      question_key: 'action',
      title: '更多操作',
      selected_id: 'lead_advance|L-1:new',
      option_list: [{ id: 'lead_advance|L-1:new', text: 'Move to Contacted' }],
    });
    expect(t2.button_list).toEqual([{ text: '执行', key: 'wecom_pick', style: 1, type: 0 }]);
  });
});

describe('renderWecomCard degradation', () => {
  const fields8 = Array.from({ length: 8 }, (_, i) => ({ label: `字段${i + 1}`, value: `值${i + 1}` }));

  it('should show 6 of 8 fields and list the other 2 in a text message (zh-CN)', () => {
    expect(renderWecomCard({ title: 'L-9 · 客户', fields: fields8 }, { taskId: 't1', locale: 'zh-CN' })).toEqual([
      {
        msgtype: 'template_card',
        template_card: {
          card_type: 'text_notice',
          main_title: { title: 'L-9 · 客户' },
          sub_title_text: '（更多内容见下一条消息）',
          horizontal_content_list: fields8.slice(0, 6).map((f) => ({ keyname: f.label, value: f.value })),
          card_action: CARD_ACTION,
        },
      },
      { msgtype: 'text', text: { content: 'L-9 · 客户\n……另有 2 个字段：\n字段7：值7\n字段8：值8' } },
    ]);
  });

  it('should show 5 of 8 buttons and put the other 3 in the dropdown, one message in all', () => {
    const actions: CardAction[] = Array.from({ length: 8 }, (_, i) => ({ id: `act${i + 1}`, label: `B${i + 1}`, value: 'L-1' }));
    expect(renderWecomCard({ title: 'L-1', actions }, { taskId: 't1', locale: 'en' })).toEqual([
      {
        msgtype: 'template_card',
        template_card: {
          card_type: 'button_interaction',
          main_title: { title: 'L-1' },
          task_id: 't1',
          button_selection: {
            question_key: 'action',
            title: 'More actions',
            selected_id: 'act6|L-1',
            option_list: actions.slice(5).map((a) => ({ id: `${a.id}|L-1`, text: a.label })),
          },
          button_list: [...actions.slice(0, 5).map((a) => ({ text: a.label, key: `${a.id}|L-1`, style: 1, type: 0 })), { text: 'Do it', key: 'wecom_pick', style: 1, type: 0 }],
        },
      },
    ]);
  });

  it('should name in a text message only the actions the dropdown cannot hold (over 10, or an id over 128 bytes)', () => {
    const actions: CardAction[] = Array.from({ length: 16 }, (_, i) => ({ id: `act${i + 1}`, label: `B${i + 1}`, value: 'L-1' }));
    actions.push({ id: 'act_long', label: 'Long key', value: 'k'.repeat(WECOM_LIMITS.choiceIdBytes) });
    const out = renderWecomCard({ title: 'L-1', actions }, { taskId: 't1', locale: 'zh-CN' });
    expect((tc(out).button_selection as { option_list: unknown[] }).option_list).toHaveLength(10);
    expect(texts(out)).toEqual(['L-1\n更多操作：B16、Long key']);
  });

  it('should drop a button whose key is over 1024 bytes and name it in the text message', () => {
    const huge = 'x'.repeat(WECOM_LIMITS.keyBytes); // "lead_note|" + 1024 bytes
    const card: Card = {
      title: 'L-5',
      actions: [
        { id: 'lead_open', label: '打开', value: 'L-5' },
        { id: 'lead_note', label: '添加备注', value: huge },
      ],
    };
    expect(renderWecomCard(card, { taskId: 't1', locale: 'zh-CN' })).toEqual([
      {
        msgtype: 'template_card',
        template_card: {
          card_type: 'button_interaction',
          main_title: { title: 'L-5' },
          sub_title_text: '（更多内容见下一条消息）',
          task_id: 't1',
          button_list: [{ text: '打开', key: 'lead_open|L-5', style: 1, type: 0 }],
        },
      },
      { msgtype: 'text', text: { content: 'L-5\n以下按钮无法在此显示：添加备注' } },
    ]);
    // A key of exactly 1024 bytes is kept.
    const exact = 'y'.repeat(WECOM_LIMITS.keyBytes - 'lead_note|'.length);
    expect(tc(renderWecomCard({ title: 'L-5', actions: [{ id: 'lead_note', label: '备注', value: exact }] }, { taskId: 't1', locale: 'zh-CN' })).button_list).toEqual([
      { text: '备注', key: `lead_note|${exact}`, style: 1, type: 0 },
    ]);
  });

  it('should turn a card whose only button was dropped into a text_notice', () => {
    const card: Card = { title: 'L-5', actions: [{ id: 'lead_note', label: '添加备注', value: '备'.repeat(400) }] };
    expect(renderWecomCard(card, { taskId: 't1', locale: 'zh-CN' })).toEqual([
      { msgtype: 'template_card', template_card: { card_type: 'text_notice', main_title: { title: 'L-5' }, sub_title_text: '（更多内容见下一条消息）', card_action: CARD_ACTION } },
      { msgtype: 'text', text: { content: 'L-5\n以下按钮无法在此显示：添加备注' } },
    ]);
  });

  it('should show a long field value whole as a line of sub_title_text, not cut in a horizontal item', () => {
    const note = '客户希望下周安排一次现场演示，并提供华东区域三家参考客户的联系方式';
    const t = renderWecomCard({ title: 'L-2', fields: [{ label: '阶段', value: '新线索' }, { label: '备注', value: note }] }, { taskId: 't1', locale: 'zh-CN' });
    expect(t).toEqual([
      {
        msgtype: 'template_card',
        template_card: {
          card_type: 'text_notice',
          main_title: { title: 'L-2' },
          sub_title_text: `备注：${note}`,
          horizontal_content_list: [{ keyname: '阶段', value: '新线索' }],
          card_action: CARD_ACTION,
        },
      },
    ]);
  });

  it('should keep the sub_title_text lines that fit and move the rest to the text message', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `L-${i} · Company number ${i}`);
    const out = renderWecomCard({ title: 'Search: company', lines }, { taskId: 't1', locale: 'en' });
    const sub = tc(out).sub_title_text as string;
    expect([...sub].length).toBeLessThanOrEqual(WECOM_LIMITS.subTitleChars);
    const shown = sub.split('\n');
    expect(shown.pop()).toBe('(more in the next message)');
    expect(shown).toEqual(lines.slice(0, shown.length));
    expect(texts(out)).toEqual([['Search: company', ...lines.slice(shown.length)].join('\n')]);
  });

  it('should split a 5000-byte Chinese text into text messages of at most 2048 bytes, losing and breaking nothing', () => {
    const text = Array.from({ length: 1667 }, (_, i) => '客户跟进记录'[i % 6]).join('') + '😀';
    expect(bytes(text)).toBe(5005);
    const out = renderWecomCard({ text }, { taskId: 't1', locale: 'zh-CN' });
    const sub = tc(out).sub_title_text as string;
    expect([...sub].length).toBeLessThanOrEqual(WECOM_LIMITS.subTitleChars);
    expect(sub.endsWith('…\n（更多内容见下一条消息）')).toBe(true);
    const parts = texts(out);
    expect(parts).toHaveLength(3);
    for (const p of parts) {
      expect(bytes(p)).toBeLessThanOrEqual(WECOM_LIMITS.textBytes);
      expect(broken(p)).toBe(false);
    }
    expect(parts.join('')).toBe(text);
  });

  it('should not cut an emoji across a 2048-byte boundary', () => {
    const text = 'a'.repeat(2046) + '😀' + 'b'.repeat(10); // the emoji's 4 bytes straddle byte 2048
    const parts = chunkBytes(text, WECOM_LIMITS.textBytes);
    expect(parts).toEqual(['a'.repeat(2046), '😀' + 'b'.repeat(10)]);
  });

  it('should split multi-line text at line breaks', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `${String(i).padStart(2, '0')} ${'跟进'.repeat(20)}`); // 123 bytes each
    const parts = chunkBytes(lines.join('\n'), WECOM_LIMITS.textBytes);
    expect(parts.length).toBe(4);
    for (const p of parts) {
      expect(bytes(p)).toBeLessThanOrEqual(WECOM_LIMITS.textBytes);
      expect(lines).toContain(p.split('\n')[0]);
    }
    expect(parts.join('\n')).toBe(lines.join('\n'));
  });
});

describe('renderWecomReply', () => {
  const form: Form = {
    id: 'lead_followup_form',
    title: '设置跟进',
    submitLabel: '保存',
    closeLabel: '取消',
    fields: [
      { id: 'when', label: 'L-12 的跟进时间和事项', kind: 'text' },
      { id: 'note', label: '备注', kind: 'multiline', optional: true },
    ],
    metadata: 'L-12',
    example: '/lead followup L-12 明天上午10点 回访',
  };

  it('should render the cards in order, then the form as a text message with the example', () => {
    const out = renderWecomReply({ cards: [{ text: '好的。' }, leadCard], form }, { locale: 'zh-CN', taskIdFor: (i) => `task_${i}` });
    expect(out).toEqual([
      { msgtype: 'template_card', template_card: { card_type: 'text_notice', main_title: { title: '好的。' }, card_action: CARD_ACTION } },
      {
        msgtype: 'template_card',
        template_card: {
          card_type: 'button_interaction',
          main_title: { title: '✅ L-12 · 上海星辰科技有限公司', desc: '由 王芳 创建，负责人 张伟。' },
          horizontal_content_list: leadHorizontal,
          task_id: 'task_1',
          button_list: leadButtons,
        },
      },
      { msgtype: 'text', text: { content: '设置跟进\n• L-12 的跟进时间和事项\n• 备注（选填）\n请按以下格式回复：\n/lead followup L-12 明天上午10点 回访' } },
    ]);
  });

  it('should write the form words in English for locale en', () => {
    expect(renderWecomReply({ cards: [], form }, { locale: 'en' })).toEqual([
      { msgtype: 'text', text: { content: '设置跟进\n• L-12 的跟进时间和事项\n• 备注 (optional)\nReply with:\n/lead followup L-12 明天上午10点 回访' } },
    ]);
  });

  it('should give every button card its own fresh task id by default', () => {
    const out = renderWecomReply({ cards: [leadCard, leadCard] }, { locale: 'zh-CN' });
    const ids = out.map((m) => (m.msgtype === 'template_card' ? String(m.template_card.task_id) : ''));
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(isTaskId(id)).toBe(true);
  });
});

describe('typed commands instead of buttons', () => {
  it('should show the commands to type, not button names, where a card cannot have buttons', () => {
    const card = { title: 'T-2 · 发票有误', actions: [{ id: 'ticket_claim', label: '认领', value: 'x' }], commands: ['/ticket claim T-2'] };
    const [md] = renderWecomMarkdown([card], WECOM_LIMITS.webhookMarkdownBytes, 'zh-CN');
    expect(md).toContain('如需处理，请向应用发送：\n`/ticket claim T-2`');
    expect(md).not.toContain('可用操作');
  });
});

describe('renderWecomMarkdown', () => {
  it('should render the legacy subset and list the actions as text', () => {
    const card: Card = { ...leadCard, lines: ['电话 · 11月20日'], context: '来源：展会' };
    expect(renderWecomMarkdown([card, { text: '出错了', tone: 'error' }], WECOM_LIMITS.webhookMarkdownBytes, 'zh-CN')).toEqual([
      [
        '**✅ L-12 · 上海星辰科技有限公司**',
        '由 王芳 创建，负责人 张伟。',
        '**阶段**：新线索',
        '**金额**：¥50,000',
        '**联系人**：李雷',
        '**电话**：138 0013 8000',
        '**下次跟进**：11月23日 周一 10:00',
        '电话 · 11月20日',
        '> 来源：展会',
        '可用操作：推进到已联系、设置跟进、转交、丢单',
        '',
        '❌ 出错了',
      ].join('\n'),
    ]);
  });

  it('should chunk on line boundaries under 4096 bytes without losing lines', () => {
    const cards: Card[] = Array.from({ length: 40 }, (_, i) => ({ title: `L-${i} · 上海示例科技有限公司`, lines: ['跟进记录：'.repeat(20), '客户已确认预算'] }));
    const chunks = renderWecomMarkdown(cards, WECOM_LIMITS.webhookMarkdownBytes, 'zh-CN');
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(bytes(c)).toBeLessThanOrEqual(WECOM_LIMITS.webhookMarkdownBytes);
      expect(broken(c)).toBe(false);
      expect(c.startsWith('**L-')).toBe(true); // cards that fit are never split across messages
    }
    const all = chunks.join('\n').split('\n').filter(Boolean);
    expect(all).toHaveLength(40 * 3);
    const one = renderWecomMarkdown(cards, WECOM_LIMITS.botMarkdownBytes, 'zh-CN');
    expect(one).toHaveLength(1);
    expect(bytes(one[0])).toBeLessThanOrEqual(WECOM_LIMITS.botMarkdownBytes);
  });

  it('should not let typed <@userid>, <@all>, @all or <font> mention anyone or style anything in markdown', () => {
    const typed = '<@zhangsan> <@all> @all <font color="warning">urgent</font> a@all.cn';
    const card: Card = { title: `T-5 · ${typed}`, text: typed, fields: [{ label: '主题', value: typed }], lines: [typed], context: typed };
    const [md] = renderWecomMarkdown([card], WECOM_LIMITS.webhookMarkdownBytes, 'zh-CN');
    expect(md).not.toMatch(/<@|<font|(^|\s)@all/m);
    const safe = '＜@zhangsan> ＜@\u2060all> @\u2060all ＜font color="warning">urgent＜/font> a@all.cn';
    expect(md.split('\n')).toEqual([`**T-5 · ${safe}**`, safe, `**主题**：${safe}`, safe, `> ${safe}`]);
  });
});

describe('button keys and task ids', () => {
  it('should build a key as id|value and split it on the first "|"', () => {
    expect(buttonKey('lead_page', 'q=a|b:2')).toBe('lead_page|q=a|b:2');
    expect(parseButtonKey('lead_page|q=a|b:2')).toEqual({ actionId: 'lead_page', value: 'q=a|b:2' });
    expect(parseButtonKey('lead_open|')).toEqual({ actionId: 'lead_open', value: '' });
    expect(parseButtonKey('no-separator')).toBeNull();
    expect(parseButtonKey('|value')).toBeNull();
  });

  it('should make unique task ids of at most 128 bytes of [0-9A-Za-z_-]', () => {
    const ids = Array.from({ length: 1000 }, () => newTaskId());
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9A-Za-z_-]+$/);
      expect(bytes(id)).toBeLessThanOrEqual(WECOM_LIMITS.taskIdBytes);
    }
  });

  it('should refuse an invalid task id on a button card', () => {
    const card: Card = { title: 'x', actions: [{ id: 'a', label: 'A', value: '1' }] };
    expect(() => renderWecomCard(card, { taskId: 'has space', locale: 'en' })).toThrow(/task_id/);
    expect(() => renderWecomCard(card, { taskId: 'x'.repeat(129), locale: 'en' })).toThrow(/task_id/);
    expect(isTaskId('a-b_c@d')).toBe(true);
    expect(isTaskId('任务')).toBe(false);
  });
});
