import { escapeHtml, formatText, renderCardHtml, renderCardsHtml, renderFormHtml } from '../../src/channels/sandbox/render-html';
import type { Card, Form } from '../../src/platform/cards/card';

const EVIL = `<script>alert("x")</script> & 'q'`;
const EVIL_ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;';

const members = [
  { id: 'ana', name: 'Ana Souza' },
  { id: 'li.wei', name: '李伟 <Li Wei>' },
];

const form: Form = {
  id: 'lead_reassign_form',
  title: 'Reassign lead',
  submitLabel: 'Save',
  closeLabel: 'Cancel',
  metadata: '6b04820f370c1ece8fe3b02d',
  example: '/lead assign L-8 @userid',
  fields: [
    { id: 'owner', label: 'New owner of L-8', kind: 'user' },
    { id: 'why', label: 'Why', kind: 'multiline', optional: true, initial: 'a "tough" one' },
    { id: 'company', label: 'Company', kind: 'text', placeholder: 'Acme Ltd' },
  ],
};

describe('renderCardHtml', () => {
  it('should escape every piece of text a card carries', () => {
    const card: Card = {
      title: EVIL,
      text: EVIL,
      fields: [{ label: EVIL, value: EVIL }],
      lines: [EVIL],
      context: EVIL,
      actions: [{ id: 'lead_open', label: EVIL, value: `"><img src=x onerror=alert(1)>` }],
    };
    const html = renderCardHtml(card);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html.split(EVIL_ESCAPED)).toHaveLength(8); // seven places
    expect(html).toContain('data-value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });

  it('should render the full card: title, text, fields, lines, context and tone', () => {
    const card: Card = {
      tone: 'warning',
      title: 'Possible duplicate of L-12',
      text: 'Acme Ltd · Zhang Wei\nNothing was created.',
      fields: [{ label: 'Stage', value: 'New' }],
      lines: ['• one', '• two'],
      context: 'Page 1 of 2',
    };
    expect(renderCardHtml(card)).toBe(
      '<section class="card tone-warning" data-tone="warning">' +
        '<h3 class="card-title">Possible duplicate of L-12</h3>' +
        '<p class="card-text">Acme Ltd · Zhang Wei<br>Nothing was created.</p>' +
        '<dl class="card-fields"><div class="card-field"><dt>Stage</dt><dd>New</dd></div></dl>' +
        '<ul class="card-lines"><li>• one</li><li>• two</li></ul>' +
        '<p class="card-context">Page 1 of 2</p>' +
        '</section>',
    );
  });

  it('should render buttons with their action id, value and style', () => {
    const html = renderCardHtml({
      text: 'x',
      actions: [
        { id: 'lead_advance', label: 'Move to Contacted', value: 'abc:new', style: 'primary' },
        { id: 'lead_lost', label: 'Lost', value: 'abc', style: 'danger' },
        { id: 'lead_followup', label: 'Set follow-up', value: 'abc' },
      ],
    });
    expect(html).toContain(
      '<div class="card-actions">' +
        '<button type="button" class="btn btn-primary" data-action-id="lead_advance" data-value="abc:new">Move to Contacted</button>' +
        '<button type="button" class="btn btn-danger" data-action-id="lead_lost" data-value="abc">Lost</button>' +
        '<button type="button" class="btn" data-action-id="lead_followup" data-value="abc">Set follow-up</button>' +
        '</div>',
    );
  });

  it('should show commands in backticks as code, after escaping', () => {
    expect(formatText('Type `/crm help` or `<b>`')).toBe('Type <code>/crm help</code> or <code>&lt;b&gt;</code>');
    expect(escapeHtml(EVIL)).toBe(EVIL_ESCAPED);
  });

  it('should render several cards one after the other, and nothing for none', () => {
    expect(renderCardsHtml([{ text: 'a' }, { text: 'b' }])).toBe(renderCardHtml({ text: 'a' }) + renderCardHtml({ text: 'b' }));
    expect(renderCardsHtml([])).toBe('');
  });
});

describe('renderFormHtml', () => {
  it('should render a form with its id, metadata, one named control per field, and the buttons', () => {
    const html = renderFormHtml(form, { locale: 'en', members, idPrefix: 'm7' });
    expect(html).toMatch(/^<form class="sandbox-form" data-form-id="lead_reassign_form" data-metadata="6b04820f370c1ece8fe3b02d" novalidate>/);
    expect(html).toContain('<h3 class="form-title">Reassign lead</h3>');
    expect(html).toContain(
      '<label for="m7-owner">New owner of L-8</label><select id="m7-owner" name="owner"><option value="" selected>Choose…</option>' +
        '<option value="ana">Ana Souza</option><option value="li.wei">李伟 &lt;Li Wei&gt;</option></select>',
    );
    expect(html).toContain('<label for="m7-why">Why (optional)</label><textarea id="m7-why" name="why" rows="3">a &quot;tough&quot; one</textarea>');
    expect(html).toContain('<input type="text" id="m7-company" name="company" value="" placeholder="Acme Ltd">');
    expect(html).toContain('<code>/lead assign L-8 @userid</code>');
    expect(html).toContain('<button type="submit" class="btn btn-primary">Save</button><button type="button" class="btn" data-form-cancel>Cancel</button>');
    expect(html.endsWith('</form>')).toBe(true);
  });

  it('should keep what was typed and show each error under its field', () => {
    const html = renderFormHtml(form, {
      locale: 'en',
      members,
      values: { owner: 'li.wei', company: '<Acme>' },
      errors: { company: 'The company is missing.', owner: 'Please fill this in.' },
    });
    expect(html).toContain('<option value="li.wei" selected>');
    expect(html).toContain('<option value="">Choose…</option>');
    expect(html).toContain('value="&lt;Acme&gt;"');
    expect(html).toContain('<div class="form-field has-error"><label for="form-company">Company</label>');
    expect(html).toContain('<p class="field-error" data-error-for="company">The company is missing.</p>');
    expect(html).toContain('<p class="field-error" data-error-for="owner">Please fill this in.</p>');
    expect(html).not.toContain('form-errors');
  });

  it('should list errors that match no field at the top', () => {
    const html = renderFormHtml(form, { locale: 'en', members, errors: { other: 'Something <odd>' } });
    expect(html).toContain('<div class="form-errors"><p>Please check these:</p><ul><li>Something &lt;odd&gt;</li></ul></div>');
  });

  it('should render select fields from their options and search fields with a datalist, in Chinese too', () => {
    const html = renderFormHtml(
      {
        ...form,
        fields: [
          { id: 'priority', label: '优先级', kind: 'select', options: [{ value: 'high', label: '高' }, { value: 'low', label: '低' }], initial: 'low' },
          { id: 'lead', label: '线索', kind: 'lead', optional: true },
        ],
      },
      { locale: 'zh-CN', members, idPrefix: 'm1' },
    );
    expect(html).toContain('<select id="m1-priority" name="priority"><option value="">请选择…</option><option value="high">高</option><option value="low" selected>低</option></select>');
    expect(html).toContain('<label for="m1-lead">线索（选填）</label><input type="text" id="m1-lead" name="lead" value="" list="m1-lead-options" data-suggest="lead" autocomplete="off"><datalist id="m1-lead-options"></datalist>');
  });

  it('should escape the form id, metadata, title, labels and example', () => {
    const html = renderFormHtml(
      { ...form, id: EVIL, metadata: EVIL, title: EVIL, example: EVIL, submitLabel: EVIL, closeLabel: EVIL, fields: [{ id: 'x', label: EVIL, kind: 'text', placeholder: EVIL, initial: EVIL }] },
      { locale: 'en', members: [{ id: EVIL, name: EVIL }] },
    );
    expect(html).not.toContain('<script>');
    expect(html.split(EVIL_ESCAPED).length).toBeGreaterThanOrEqual(9);
  });
});
