import type { Locale } from '../../config';
import { t } from '../../platform/i18n';
import type { Card, Form, FormField, Reply } from '../../platform/cards/card';
import { LEAD_SEARCH_ACTION } from '../../dispatcher/constants';

// Block Kit limits, as Slack documents them for blocks, elements and views.
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsPerBlock: 25,
  actionId: 255,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  placeholder: 150,
  inputLabel: 2000,
  fallbackText: 3000,
  selectOptions: 100,
  optionText: 75,
} as const;

// Degradation rules: text longer than a block allows is split across several blocks (never cut);
// labels that only have room for a short text (buttons, titles, headers) are shortened with "…";
// a message that would exceed 50 blocks keeps 49 and says how many were left out.

export type SlackBlock = Record<string, unknown>;

function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…';
}

/** Splits text into pieces of at most `max` characters, at line breaks where possible. */
function chunkText(s: string, max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const line of s.split('\n')) {
    // Split long lines between whole characters, never inside an emoji or an escaped &amp;.
    const parts: string[] = [];
    let piece = '';
    for (const tok of line.match(/&(?:amp|lt|gt);|[\s\S]/gu) ?? []) {
      if (piece.length + tok.length > max) {
        parts.push(piece);
        piece = '';
      }
      piece += tok;
    }
    parts.push(piece);
    for (const p of parts) {
      if (cur && cur.length + 1 + p.length > max) {
        out.push(cur);
        cur = p;
      } else cur = cur ? `${cur}\n${p}` : p;
    }
  }
  if (cur) out.push(cur);
  return out;
}

const TONE: Record<string, string> = { success: ':white_check_mark: ', warning: ':warning: ', error: ':x: ', info: '' };

function section(text: string): SlackBlock[] {
  return chunkText(text, SLACK_LIMITS.sectionText).map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: t } }));
}

export function cardToBlocks(card: Card): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  const tone = TONE[card.tone ?? 'info'] ?? '';
  if (card.title) blocks.push({ type: 'header', text: { type: 'plain_text', text: shorten(card.title, SLACK_LIMITS.headerText), emoji: true } });
  if (card.text) blocks.push(...section(tone + escapeMrkdwn(card.text)));
  else if (tone && !card.title && card.lines?.length) blocks.push(...section(tone.trim()));
  if (card.fields?.length) {
    for (let i = 0; i < card.fields.length; i += SLACK_LIMITS.fieldsPerSection) {
      const fields = card.fields.slice(i, i + SLACK_LIMITS.fieldsPerSection).map((f) => ({
        type: 'mrkdwn',
        text: shortenEscaped(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, SLACK_LIMITS.fieldText),
      }));
      blocks.push({ type: 'section', fields });
    }
  }
  if (card.lines?.length) blocks.push(...section(card.lines.map(escapeMrkdwn).join('\n')));
  if (card.context) blocks.push(...chunkText(escapeMrkdwn(card.context), SLACK_LIMITS.sectionText).map((t) => ({ type: 'context', elements: [{ type: 'mrkdwn', text: t }] })));
  const actions = card.actions ?? [];
  for (let i = 0; i < actions.length; i += SLACK_LIMITS.actionsPerBlock) {
    blocks.push({
      type: 'actions',
      elements: actions.slice(i, i + SLACK_LIMITS.actionsPerBlock).map((a, j) => ({
        type: 'button',
        // The index keeps action ids unique within the block (two "page" buttons); listeners strip it.
        action_id: `${a.id}:${i + j}`,
        text: { type: 'plain_text', text: shorten(a.label, SLACK_LIMITS.buttonText), emoji: true },
        value: a.value.slice(0, SLACK_LIMITS.buttonValue),
        ...(a.style ? { style: a.style } : {}),
      })),
    });
  }
  return blocks;
}

/** Shortens escaped mrkdwn with "…", never cutting an &amp;, &lt; or &gt; (or an emoji) in two. */
function shortenEscaped(s: string, max: number): string {
  // An entity counts as the characters Slack receives; anything else as one character.
  const tokens = s.match(/&(?:amp|lt|gt);|[\s\S]/gu) ?? [];
  const len = (tok: string) => (tok.startsWith('&') ? tok.length : 1);
  if (tokens.reduce((n, tok) => n + len(tok), 0) <= max) return s;
  let out = '';
  let used = 0;
  for (const tok of tokens) {
    if (used + len(tok) > max - 1) break;
    out += tok;
    used += len(tok);
  }
  return out + '…';
}

/**
 * The message's top-level text (notifications, screen readers). Slack reads it as mrkdwn, so user text
 * is escaped here as in the blocks: a `<!channel>` or `<@U…>` someone typed must not ping anyone.
 */
function fallbackText(cards: Card[]): string {
  const first = cards[0];
  const text = first ? [first.title, first.text, ...(first.lines ?? [])].filter(Boolean).join('\n') : '';
  return text ? shortenEscaped(escapeMrkdwn(text), SLACK_LIMITS.fallbackText) : ' ';
}

function cardsToBlocks(cards: Card[], locale: Locale = 'en', max: number = SLACK_LIMITS.blocksPerMessage): SlackBlock[] {
  const all: SlackBlock[] = [];
  cards.forEach((c, i) => {
    if (i > 0) all.push({ type: 'divider' });
    all.push(...cardToBlocks(c));
  });
  if (all.length <= max) return all;
  const kept = all.slice(0, max - 1);
  kept.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t(locale, 'render.more_blocks', { count: all.length - kept.length }) }] });
  return kept;
}

/** A chat message (for ack, respond, chat.postMessage) from a reply. */
export function renderMessage(r: Reply): { text: string; blocks: SlackBlock[] } {
  return { text: fallbackText(r.cards), blocks: cardsToBlocks(r.cards, r.locale) };
}

function selectElement(f: FormField): SlackBlock {
  const options = (f.options ?? []).slice(0, SLACK_LIMITS.selectOptions).map((o) => ({ text: { type: 'plain_text', text: shorten(o.label, SLACK_LIMITS.optionText) }, value: o.value }));
  const initial = options.find((o) => o.value === f.initial);
  return { type: 'static_select', action_id: 'value', options, ...(initial ? { initial_option: initial } : {}) };
}

/** A modal view from a neutral form. */
export function renderModal(form: Form): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: form.id,
    private_metadata: form.metadata.slice(0, SLACK_LIMITS.privateMetadata),
    title: { type: 'plain_text', text: shorten(form.title, SLACK_LIMITS.modalTitle) },
    submit: { type: 'plain_text', text: shorten(form.submitLabel, SLACK_LIMITS.modalButton) },
    close: { type: 'plain_text', text: shorten(form.closeLabel, SLACK_LIMITS.modalButton) },
    blocks: form.fields.map((f) => ({
      type: 'input',
      block_id: f.id,
      optional: Boolean(f.optional),
      label: { type: 'plain_text', text: shorten(f.label, SLACK_LIMITS.inputLabel) },
      element:
        f.kind === 'user'
          ? { type: 'users_select', action_id: 'value', ...(f.initial ? { initial_user: f.initial } : {}) }
          : f.kind === 'select'
            ? selectElement(f)
            : f.kind === 'lead'
              ? { type: 'external_select', action_id: LEAD_SEARCH_ACTION, min_query_length: 1 }
              : {
              type: 'plain_text_input',
              action_id: 'value',
              multiline: f.kind === 'multiline',
              ...(f.initial ? { initial_value: f.initial.slice(0, 3000) } : {}),
              ...(f.placeholder ? { placeholder: { type: 'plain_text', text: shorten(f.placeholder, SLACK_LIMITS.placeholder) } } : {}),
            },
    })),
  };
}
