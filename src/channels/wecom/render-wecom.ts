import { randomBytes } from 'node:crypto';
import type { Locale } from '../../config';
import { t } from '../../platform/i18n';
import type { Card, CardAction, CardField, Form, Reply } from '../../platform/cards/card';
import { charLen, chunkBytes, shorten, utf8Bytes } from './wecom-text';

// WeCom limits (template_card, message and webhook documentation). Hard limits are in bytes of UTF-8;
// the *Chars ones are the documented display suggestions, counted in characters (grapheme clusters).
export const WECOM_LIMITS = {
  textBytes: 2048,
  webhookMarkdownBytes: 4096,
  botMarkdownBytes: 20480,
  taskIdBytes: 128,
  keyBytes: 1024,
  buttons: 6,
  horizontalItems: 6,
  titleChars: 36,
  descChars: 44,
  /** App template_card suggestion (the AI-bot/webhook docs say 112). */
  subTitleChars: 160,
  valueChars: 26,
  buttonTextChars: 10,
  /** button_selection: one dropdown of 1–10 options, each id ≤ 128 bytes. */
  choices: 10,
  choiceIdBytes: 128,
} as const;

/** The button that runs the action chosen in the card's dropdown, and the dropdown's question key. */
export const PICK_KEY = 'wecom_pick';
export const PICK_QUESTION = 'action';

/** Button style 1–4; WeCom shows the colours only in an image, and 2 reads as the destructive one. */
const WECOM_BUTTON_STYLE = { normal: 1, danger: 2 } as const;

// Degradation rule. Every card becomes ONE template_card (text_notice without usable actions,
// button_interaction with them), followed by text messages holding whatever the card could not show:
// - Titles longer than their suggestion are shortened with "…" (cosmetic, not repeated).
// - Button texts are never cut: an action whose label is over 10 characters, or after the 5th, goes into
//   the card's one dropdown (button_selection, up to 10, full labels) with a "Do it" button that runs the
//   chosen one; only what the dropdown cannot hold is named in the text message ("More actions: …").
// - card.text goes to main_title.desc when it is one line that fits 44 characters, else to sub_title_text.
// - sub_title_text (text, lines, context) keeps the whole lines that fit 160 characters; the other lines
//   (or, if even the first line is too long, all of them, untouched) go to the text message.
// - A field whose value is over 26 characters is a whole "label: value" line at the top of
//   sub_title_text instead of a horizontal item (so it follows the sub_title_text rule, never cut);
//   fields after the 6th go to the text message ("…and N more fields:").
// - Buttons whose key is over 1024 bytes, or repeats an earlier key, are dropped and named in the text
//   message.
// - A card without a title: a button card (main_title required) takes it from its first line, else its
//   first field, else a catalogue word; the line/field moves to the title when it fits, otherwise it is
//   shortened there and stays in the body too. A text_notice only promotes a one-line short text, and a
//   card with neither text nor lines takes its title from its first field the same way.
// - When the text message is needed, the card says so on its last sub_title_text line.
// - Every text message is at most 2048 bytes: longer text is split at line breaks, or between whole
//   characters inside a line that is itself too long; nothing is dropped. Keynames are our own catalogue
//   labels and are passed through (WeCom suggests ≤5 characters; keep WeCom labels short).

export type WecomOut =
  | { msgtype: 'template_card'; template_card: Record<string, unknown> }
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'markdown'; markdown: { content: string } };

export interface WecomCardOpts {
  taskId: string;
  locale: Locale;
  cardActionUrl?: string;
}

const DEFAULT_CARD_URL = 'https://work.weixin.qq.com';
const TONE: Record<string, string> = { success: '✅ ', warning: '⚠️ ', error: '❌ ', info: '' };
const TASK_ID = /^[0-9A-Za-z_\-@]+$/;
/** The button key; the router splits it on the FIRST '|', so an action id must not contain one. */
export const buttonKey = (actionId: string, value: string): string => `${actionId}|${value}`;

export function parseButtonKey(key: string): { actionId: string; value: string } | null {
  const i = key.indexOf('|');
  return i > 0 ? { actionId: key.slice(0, i), value: key.slice(i + 1) } : null;
}

export const isTaskId = (id: string): boolean => TASK_ID.test(id) && utf8Bytes(id) <= WECOM_LIMITS.taskIdBytes;

/** A unique task id: time in base 36 and 12 random bytes in base64url (35 bytes, [0-9A-Za-z_-]). */
export const newTaskId = (): string => `${Date.now().toString(36)}_${randomBytes(12).toString('base64url')}`;

const fieldLine = (locale: Locale, f: CardField, bold = false): string =>
  t(locale, 'render.wecom.field', { label: bold ? `**${f.label}**` : f.label, value: f.value });
const labels = (locale: Locale, xs: string[]): string => xs.join(t(locale, 'render.wecom.list_separator'));

/** Keeps the whole lines that fit `max` characters together with `note`; the rest is returned. */
function fitLines(lines: string[], max: number, note: string, forceNote: boolean): { shown: string[]; rest: string[] } {
  if (!forceNote && charLen(lines.join('\n')) <= max) return { shown: lines, rest: [] };
  const budget = max - charLen(note) - 1;
  const shown: string[] = [];
  let used = -1;
  for (const l of lines) {
    if (used + 1 + charLen(l) > budget) break;
    shown.push(l);
    used += 1 + charLen(l);
  }
  if (!shown.length && lines.length) return { shown: [shorten(lines[0], budget), note], rest: lines };
  return { shown: [...shown, note], rest: lines.slice(shown.length) };
}

interface Keyed {
  a: CardAction;
  key: string;
}

/** Buttons that show their whole label, the dropdown for the others, and what neither can hold. */
function pickButtons(actions: CardAction[]) {
  const L = WECOM_LIMITS;
  const ok: Keyed[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();
  for (const a of actions) {
    const key = buttonKey(a.id, a.value);
    if (utf8Bytes(key) > L.keyBytes || seen.has(key)) dropped.push(a.label);
    else {
      seen.add(key);
      ok.push({ a, key });
    }
  }
  const fits = ok.filter((b) => charLen(b.a.label) <= L.buttonTextChars);
  if (fits.length === ok.length && ok.length <= L.buttons) return { shown: ok, choices: [] as Keyed[], more: [] as string[], dropped };
  // One button slot goes to "Do it", which runs what the dropdown shows.
  const shown = fits.slice(0, L.buttons - 1);
  const rest = ok.filter((b) => !shown.includes(b));
  const choices = rest.filter((b) => utf8Bytes(b.key) <= L.choiceIdBytes).slice(0, L.choices);
  const more = rest.filter((b) => !choices.includes(b)).map((b) => b.a.label);
  return { shown, choices, more, dropped };
}

/** task_id, the dropdown when there is one, and the buttons (the last one runs the dropdown's choice). */
function interaction(buttons: ReturnType<typeof pickButtons>, opts: WecomCardOpts): Record<string, unknown> {
  if (!isTaskId(opts.taskId)) throw new Error(`invalid WeCom task_id "${opts.taskId}"`);
  const style = (a: CardAction) => (a.style === 'danger' ? WECOM_BUTTON_STYLE.danger : WECOM_BUTTON_STYLE.normal);
  const list: unknown[] = buttons.shown.map(({ a, key }) => ({ text: a.label, key, style: style(a), type: 0 }));
  if (!buttons.choices.length) return { task_id: opts.taskId, button_list: list };
  list.push({ text: t(opts.locale, 'render.wecom.pick_button'), key: PICK_KEY, style: WECOM_BUTTON_STYLE.normal, type: 0 });
  return { task_id: opts.taskId, button_selection: selection(buttons.choices, opts.locale), button_list: list };
}

/** The card's one dropdown: each option's id is the button key it stands for (the callback names it). */
function selection(choices: Keyed[], locale: Locale) {
  return {
    question_key: PICK_QUESTION,
    title: t(locale, 'render.wecom.pick_title'),
    selected_id: choices[0].key,
    option_list: choices.map((c) => ({ id: c.key, text: c.a.label })),
  };
}

/**
 * The card's main title and description: its own title, else its first line, else its first field
 * (taken out of `body` / `fields` when it fits whole). Null for a card with nothing to show.
 */
function heading(card: Card, locale: Locale, body: string[], fields: CardField[], hasButtons: boolean): { title?: string; desc?: string } | null {
  const L = WECOM_LIMITS;
  const tone = TONE[card.tone ?? 'info'] ?? '';
  let title: string | undefined;
  let desc: string | undefined;
  /** Puts `s` in the title; true when it fits whole (the caller may then drop it from the body). */
  const promote = (s: string): boolean => {
    title = shorten(tone + s, L.titleChars);
    return charLen(tone + s) <= L.titleChars;
  };
  if (card.title) {
    promote(card.title);
    const text = card.text ?? '';
    if (text && !text.includes('\n') && charLen(text) <= L.descChars) {
      desc = text;
      body.shift();
    }
  } else if (body.length) {
    // A button card needs a title; a text_notice takes one only from a single short line.
    if (hasButtons || (body.length === 1 && charLen(tone + body[0]) <= L.titleChars)) {
      if (promote(body[0])) body.shift();
    } else body[0] = tone + body[0];
  } else if (fields.length) {
    if (promote(fieldLine(locale, fields[0]))) fields.shift();
  } else if ((card.actions ?? []).length > 0) promote(t(locale, 'render.wecom.untitled'));
  else return null;
  return { title, desc };
}

/** The template_card and the lines of the text message that follows it (empty when nothing overflowed). */
function layout(card: Card, opts: WecomCardOpts): { tc: Record<string, unknown>; overflow: string[] } | null {
  const L = WECOM_LIMITS;
  const { locale } = opts;
  const body = [...(card.text ? card.text.split('\n') : []), ...(card.lines ?? []), ...(card.context ? card.context.split('\n') : [])];
  const fields = [...(card.fields ?? [])];
  const buttons = pickButtons(card.actions ?? []);
  const head = heading(card, locale, body, fields, buttons.shown.length > 0 || buttons.choices.length > 0);
  if (!head) return null;
  const { title, desc } = head;

  const overflow: string[] = [];
  const first = fields.slice(0, L.horizontalItems);
  // A long value reads whole as a line of the body rather than cut in a horizontal item.
  body.unshift(...first.filter((f) => charLen(f.value) > L.valueChars).map((f) => fieldLine(locale, f)));
  const horizontal = first.filter((f) => charLen(f.value) <= L.valueChars).map((f) => ({ keyname: f.label, value: f.value }));
  const extra = fields.slice(L.horizontalItems);
  const tail: string[] = [];
  if (extra.length) tail.push(t(locale, 'render.wecom.more_fields', { count: extra.length }), ...extra.map((f) => fieldLine(locale, f)));
  if (buttons.more.length) tail.push(t(locale, 'render.wecom.more_actions', { labels: labels(locale, buttons.more) }));
  if (buttons.dropped.length) tail.push(t(locale, 'render.wecom.dropped_actions', { labels: labels(locale, buttons.dropped) }));

  const sub = fitLines(body, L.subTitleChars, t(locale, 'render.wecom.continued'), tail.length > 0);
  overflow.push(...sub.rest, ...tail);
  if (overflow.length && card.title) overflow.unshift(card.title);

  const interactive = buttons.shown.length > 0 || buttons.choices.length > 0;
  const tc: Record<string, unknown> = { card_type: interactive ? 'button_interaction' : 'text_notice' };
  if (title) tc.main_title = { title, ...(desc ? { desc } : {}) };
  if (sub.shown.length) tc.sub_title_text = sub.shown.join('\n');
  if (horizontal.length) tc.horizontal_content_list = horizontal;
  if (interactive) Object.assign(tc, interaction(buttons, opts));
  else tc.card_action = { type: 1, url: opts.cardActionUrl ?? DEFAULT_CARD_URL };
  return { tc, overflow };
}

const textMessages = (s: string): WecomOut[] =>
  chunkBytes(s, WECOM_LIMITS.textBytes).map((content) => ({ msgtype: 'text', text: { content } }));

/** One WeCom app message per card: template_card (text_notice when the card has no actions, button_interaction when it has), plus a text message carrying whatever the card could not show. */
export function renderWecomCard(card: Card, opts: WecomCardOpts): WecomOut[] {
  const laid = layout(card, opts);
  if (!laid) return [];
  return [{ msgtype: 'template_card', template_card: laid.tc }, ...textMessages(laid.overflow.join('\n'))];
}

/** A form as a text message: its title, its fields, and the typed command that does the same thing. */
export function formText(form: Form, locale: Locale): string {
  const fields = form.fields.flatMap((f) => [
    `• ${f.optional ? t(locale, 'render.wecom.optional', { label: f.label }) : f.label}`,
    // A choice must be typed, so show what can be typed.
    ...(f.options ?? []).map((o) => `    ${o.label === o.value ? o.value : `${o.label} (${o.value})`}`),
  ]);
  return [form.title, ...fields, t(locale, 'render.wecom.reply_with'), form.example].join('\n');
}

export function renderWecomReply(
  reply: Reply,
  opts: { locale: Locale; taskIdFor?: (i: number) => string; cardActionUrl?: string },
): WecomOut[] {
  const out = reply.cards.flatMap((card, i) =>
    renderWecomCard(card, { taskId: opts.taskIdFor ? opts.taskIdFor(i) : newTaskId(), locale: opts.locale, cardActionUrl: opts.cardActionUrl }),
  );
  if (reply.form) out.push(...textMessages(formText(reply.form, opts.locale)));
  return out;
}

/** In WeCom markdown `<@userid>` notifies and `<font>` styles: typed `<` becomes `＜`, a bare `@all` gets a word joiner. */
function neutraliseWecomMarkdown(s: string): string {
  return s.replace(/</g, '＜').replace(/(^|[^\w.])@(all)\b/giu, '$1@\u2060$2');
}

/** A card as lines of legacy markdown (no buttons: the actions are listed by label). */
function cardLines(card: Card, locale: Locale): string[] {
  const x = neutraliseWecomMarkdown;
  const tone = TONE[card.tone ?? 'info'] ?? '';
  const out: string[] = [];
  if (card.title) out.push(`**${tone}${x(card.title)}**`);
  if (card.text) out.push(...x(card.text).split('\n'));
  for (const f of card.fields ?? []) out.push(fieldLine(locale, { label: x(f.label), value: x(f.value) }, true));
  out.push(...(card.lines ?? []).map(x));
  if (card.context) out.push(...x(card.context).split('\n').map((l) => `> ${l}`));
  // No buttons here: show the commands to type when the card names them, else the actions' names.
  if (card.commands?.length) out.push(t(locale, 'render.wecom.type_to_act'), ...card.commands.map((c) => `\`${x(c)}\``));
  else if (card.actions?.length) out.push(t(locale, 'render.wecom.actions', { labels: labels(locale, card.actions.map((a) => x(a.label))) }));
  if (!card.title && tone && out.length) out[0] = tone + out[0];
  return out;
}

/**
 * Legacy markdown (**bold**, > quote) for the AI bot and group webhooks: cards separated by a blank
 * line, packed into pieces of at most `maxBytes`; a card is split only when it alone is too long.
 */
export function renderWecomMarkdown(cards: Card[], maxBytes: number, locale: Locale): string[] {
  const out: string[] = [];
  for (const c of cards) {
    const block = cardLines(c, locale).join('\n');
    if (!block) continue;
    const last = out[out.length - 1];
    if (last !== undefined && utf8Bytes(last) + 2 + utf8Bytes(block) <= maxBytes) out[out.length - 1] = `${last}\n\n${block}`;
    else out.push(...chunkBytes(block, maxBytes));
  }
  return out;
}
