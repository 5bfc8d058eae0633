import type { Card, Form } from '../../src/platform/cards/card';
import { cardToBlocks, renderMessage, renderModal, SLACK_LIMITS, type SlackBlock } from '../../src/channels/slack/render-slack';

type TextObj = { type: string; text: string };
const sectionTexts = (blocks: SlackBlock[]) =>
  blocks.filter((b) => b.type === 'section' && b.text).map((b) => (b.text as TextObj).text);

describe('renderMessage', () => {
  it('should render a full card as Block Kit', () => {
    const card: Card = {
      title: 'L-12 · Acme Ltd',
      text: 'Created L-12, owned by alice.',
      tone: 'success',
      fields: [
        { label: 'Stage', value: 'New' },
        { label: 'Value', value: 'CN¥50,000' },
      ],
      lines: ['Call · Mon 23 Nov', 'Note · Tue 24 Nov'],
      context: 'Source: expo',
      actions: [
        { id: 'lead_advance', label: 'Move to Contacted', value: 'L-12:new', style: 'primary' },
        { id: 'lead_followup', label: 'Set follow-up', value: 'L-12' },
        { id: 'lead_lost', label: 'Lost', value: 'L-12', style: 'danger' },
      ],
    };
    expect(renderMessage({ cards: [card] })).toEqual({
      text: 'L-12 · Acme Ltd\nCreated L-12, owned by alice.\nCall · Mon 23 Nov\nNote · Tue 24 Nov',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'L-12 · Acme Ltd', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: ':white_check_mark: Created L-12, owned by alice.' } },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Stage*\nNew' },
            { type: 'mrkdwn', text: '*Value*\nCN¥50,000' },
          ],
        },
        { type: 'section', text: { type: 'mrkdwn', text: 'Call · Mon 23 Nov\nNote · Tue 24 Nov' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Source: expo' }] },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'lead_advance:0',
              text: { type: 'plain_text', text: 'Move to Contacted', emoji: true },
              value: 'L-12:new',
              style: 'primary',
            },
            {
              type: 'button',
              action_id: 'lead_followup:1',
              text: { type: 'plain_text', text: 'Set follow-up', emoji: true },
              value: 'L-12',
            },
            {
              type: 'button',
              action_id: 'lead_lost:2',
              text: { type: 'plain_text', text: 'Lost', emoji: true },
              value: 'L-12',
              style: 'danger',
            },
          ],
        },
      ],
    });
  });

  it('should put a divider between cards', () => {
    const { blocks } = renderMessage({ cards: [{ text: 'one' }, { text: 'two' }] });
    expect(blocks.map((b) => b.type)).toEqual(['section', 'divider', 'section']);
  });

  it('should escape <, > and & in user text everywhere mrkdwn is used', () => {
    const nasty = 'Tom & Jerry <tom@x.cn> <!channel>';
    const escaped = 'Tom &amp; Jerry &lt;tom@x.cn&gt; &lt;!channel&gt;';
    const blocks = cardToBlocks({ text: nasty, fields: [{ label: 'A&B', value: nasty }], lines: [nasty], context: nasty });
    expect(blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: escaped } },
      { type: 'section', fields: [{ type: 'mrkdwn', text: `*A&amp;B*\n${escaped}` }] },
      { type: 'section', text: { type: 'mrkdwn', text: escaped } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: escaped }] },
    ]);
    expect(JSON.stringify(blocks)).not.toContain('<!channel>');
  });

  it('should escape user text in the top-level text too, where Slack would ping for <!channel>, <!here> and <@U…>', () => {
    const typed = 'T-5 · <!channel> <!here> <!everyone> <@U0VICTIM> Tom & Jerry';
    const { text } = renderMessage({ cards: [{ title: typed, text: typed, lines: [typed] }] });
    const escaped = 'T-5 · &lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U0VICTIM&gt; Tom &amp; Jerry';
    expect(text).toBe([escaped, escaped, escaped].join('\n'));
  });

  it('should shorten a long top-level text without cutting an escaped "&lt;" in two', () => {
    const { text } = renderMessage({ cards: [{ text: `${'x'.repeat(SLACK_LIMITS.fallbackText - 3)}<<<<` }] });
    expect(text).toBe(`${'x'.repeat(SLACK_LIMITS.fallbackText - 3)}…`);
    const fits = renderMessage({ cards: [{ text: `${'x'.repeat(SLACK_LIMITS.fallbackText - 4)}<` }] }).text;
    expect(fits).toBe(`${'x'.repeat(SLACK_LIMITS.fallbackText - 4)}&lt;`);
  });

  it('should split a 7000-character text into 3 sections without losing anything', () => {
    const text = Array.from({ length: 7000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    const texts = sectionTexts(cardToBlocks({ text }));
    expect(texts).toHaveLength(3);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(texts.join('')).toBe(text);
  });

  it('should split long multi-line text at line breaks', () => {
    const lines = Array.from({ length: 70 }, (_, i) => `${String(i).padStart(2, '0')} ${'x'.repeat(96)}`);
    const text = lines.join('\n');
    const texts = sectionTexts(cardToBlocks({ text }));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(lines).toContain(t.split('\n')[0]);
    }
    expect(texts.join('\n')).toBe(text);
  });

  it('should not cut an escaped "&amp;" in two when splitting a long text', () => {
    const text = 'a'.repeat(2998) + '&' + 'b'.repeat(100);
    const texts = sectionTexts(cardToBlocks({ text }));
    expect(texts.length).toBeGreaterThan(1);
    // Every "&" in a block must start a whole entity, and no block may start with the tail of one.
    const broken = texts.flatMap((t, i) =>
      /&(?!amp;|lt;|gt;)/.test(t) || /^(?:amp|mp|p|lt|gt|t);/.test(t) ? [`block ${i}: "${t.slice(0, 8)}…${t.slice(-8)}"`] : [],
    );
    expect(broken).toEqual([]);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(texts.join('')).toBe(text.replace(/&/g, '&amp;'));
  });

  it('should not cut an emoji (surrogate pair) in two when splitting a long text', () => {
    const text = 'a'.repeat(2999) + '😀' + 'b'.repeat(10);
    const texts = sectionTexts(cardToBlocks({ text }));
    expect(texts.join('')).toBe(text);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(texts.map((t, i) => (loneSurrogate.test(t) ? `block ${i}: "…${t.slice(-4)}"` : 'ok'))).toEqual(texts.map(() => 'ok'));
  });

  it('should shorten a 100-character button label to 75 characters ending with "…"', () => {
    const label = 'x'.repeat(100);
    const [actions] = cardToBlocks({ actions: [{ id: 'lead_open', label, value: 'L-1' }] });
    const button = (actions.elements as { text: TextObj }[])[0];
    expect([...button.text.text]).toHaveLength(75);
    expect(button.text.text.endsWith('…')).toBe(true);
    expect(button.text.text.startsWith('x'.repeat(74))).toBe(true);
  });

  it('should leave a 75-character button label alone', () => {
    const label = 'y'.repeat(75);
    const [actions] = cardToBlocks({ actions: [{ id: 'lead_open', label, value: 'L-1' }] });
    expect((actions.elements as { text: TextObj }[])[0].text.text).toBe(label);
  });

  it('should keep exactly 50 blocks, the last a context saying how many were left out', () => {
    // 30 cards of one section each, plus 29 dividers: 59 blocks.
    const cards: Card[] = Array.from({ length: 30 }, (_, i) => ({ text: `card ${i}` }));
    const { blocks } = renderMessage({ cards });
    expect(blocks).toHaveLength(SLACK_LIMITS.blocksPerMessage);
    const last = blocks[49];
    expect(last.type).toBe('context');
    const note = (last.elements as TextObj[])[0].text;
    expect(note).toMatch(/\b10\b/);
    expect(blocks[48]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'card 24' } });
  });

  it('should keep a message of exactly 50 blocks whole', () => {
    // 25 cards + 24 dividers = 49, plus one more section line = 50.
    const cards: Card[] = Array.from({ length: 25 }, (_, i) => ({ text: `card ${i}` }));
    cards[24] = { text: 'card 24', context: 'end' };
    const { blocks } = renderMessage({ cards });
    expect(blocks).toHaveLength(50);
    expect(blocks[49]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'end' }] });
  });

  it('should give two buttons with the same action id distinct action_ids', () => {
    const [actions] = cardToBlocks({
      actions: [
        { id: 'lead_page', label: '‹ Previous', value: '1' },
        { id: 'lead_page', label: 'Next ›', value: '3' },
      ],
    });
    const ids = (actions.elements as { action_id: string }[]).map((e) => e.action_id);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) {
      expect(id.startsWith('lead_page')).toBe(true);
      expect(id.length).toBeLessThanOrEqual(SLACK_LIMITS.actionId);
    }
  });

  it('should keep every actions block within 25 elements', () => {
    const actions = Array.from({ length: 30 }, (_, i) => ({ id: 'lead_open', label: `L-${i}`, value: `L-${i}` }));
    const blocks = cardToBlocks({ actions }).filter((b) => b.type === 'actions');
    expect(blocks.map((b) => (b.elements as unknown[]).length)).toEqual([25, 5]);
    const ids = blocks.flatMap((b) => (b.elements as { action_id: string }[]).map((e) => e.action_id));
    expect(new Set(ids).size).toBe(30);
  });
});

describe('renderModal', () => {
  it('should render a form with text, multiline and user fields as a modal', () => {
    const form: Form = {
      id: 'lead_add_form',
      title: 'New lead',
      submitLabel: 'Save',
      closeLabel: 'Cancel',
      metadata: 'draft:42', example: '/lead add x',
      fields: [
        { id: 'company', label: 'Company', kind: 'text', placeholder: 'Acme Ltd' },
        { id: 'note', label: 'Note', kind: 'multiline', initial: 'met at the expo', optional: true },
        { id: 'owner', label: 'Owner', kind: 'user', initial: 'U123' },
      ],
    };
    expect(renderModal(form)).toEqual({
      type: 'modal',
      callback_id: 'lead_add_form',
      private_metadata: 'draft:42',
      title: { type: 'plain_text', text: 'New lead' },
      submit: { type: 'plain_text', text: 'Save' },
      close: { type: 'plain_text', text: 'Cancel' },
      blocks: [
        {
          type: 'input',
          block_id: 'company',
          optional: false,
          label: { type: 'plain_text', text: 'Company' },
          element: { type: 'plain_text_input', action_id: 'value', multiline: false, placeholder: { type: 'plain_text', text: 'Acme Ltd' } },
        },
        {
          type: 'input',
          block_id: 'note',
          optional: true,
          label: { type: 'plain_text', text: 'Note' },
          element: { type: 'plain_text_input', action_id: 'value', multiline: true, initial_value: 'met at the expo' },
        },
        {
          type: 'input',
          block_id: 'owner',
          optional: false,
          label: { type: 'plain_text', text: 'Owner' },
          element: { type: 'users_select', action_id: 'value', initial_user: 'U123' },
        },
      ],
    });
  });

  it('should shorten the modal title and buttons to 24 characters', () => {
    const view = renderModal({
      id: 'f',
      title: 'A very long modal title that does not fit',
      submitLabel: 'Save this lead right now please',
      closeLabel: 'Cancel',
      metadata: '', example: '/lead add x',
      fields: [],
    }) as Record<string, TextObj>;
    expect([...view.title.text]).toHaveLength(24);
    expect(view.title.text.endsWith('…')).toBe(true);
    expect([...view.submit.text]).toHaveLength(24);
  });
});
