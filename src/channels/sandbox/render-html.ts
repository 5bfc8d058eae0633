import type { Locale } from '../../config';
import { t } from '../../platform/i18n';
import type { Card, Form, FormField } from '../../platform/cards/card';

// Neutral cards and forms as HTML fragments, for the local sandbox. Pure: strings in, strings out.
// Rule: every text that comes from a card or a form is escaped; the only markup added to it is
// `code` spans (the catalogue writes commands in backticks) and line breaks. Nothing is cut: a
// browser has no block or byte limits, so this renderer shows everything the card holds.

export interface HtmlMember {
  id: string;
  name: string;
}

export interface FormHtmlOptions {
  locale: Locale;
  /** The people a 'user' field offers. */
  members: HtmlMember[];
  /** What was typed last time (a form shown again with its errors keeps it). */
  values?: Record<string, string>;
  /** Per-field problems from `Reply.formErrors`; keys that match no field are listed at the top. */
  errors?: Record<string, string>;
  /** Makes the element ids unique on a page that shows several forms. */
  idPrefix?: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Escaped text with `code` spans and line breaks. */
export function formatText(s: string): string {
  return escapeHtml(s)
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\n/g, '<br>');
}

const attr = (name: string, value: string): string => ` ${name}="${escapeHtml(value)}"`;

export function renderCardHtml(card: Card): string {
  const parts: string[] = [];
  if (card.title) parts.push(`<h3 class="card-title">${formatText(card.title)}</h3>`);
  if (card.text) parts.push(`<p class="card-text">${formatText(card.text)}</p>`);
  if (card.fields?.length) {
    const fields = card.fields.map((f) => `<div class="card-field"><dt>${formatText(f.label)}</dt><dd>${formatText(f.value)}</dd></div>`);
    parts.push(`<dl class="card-fields">${fields.join('')}</dl>`);
  }
  if (card.lines?.length) parts.push(`<ul class="card-lines">${card.lines.map((l) => `<li>${formatText(l)}</li>`).join('')}</ul>`);
  if (card.context) parts.push(`<p class="card-context">${formatText(card.context)}</p>`);
  if (card.actions?.length) {
    const buttons = card.actions.map(
      (a) => `<button type="button" class="btn${a.style ? ` btn-${a.style}` : ''}"${attr('data-action-id', a.id)}${attr('data-value', a.value)}>${escapeHtml(a.label)}</button>`,
    );
    parts.push(`<div class="card-actions">${buttons.join('')}</div>`);
  }
  const tone = card.tone ?? 'info';
  return `<section class="card tone-${tone}" data-tone="${tone}">${parts.join('')}</section>`;
}

export function renderCardsHtml(cards: Card[]): string {
  return cards.map(renderCardHtml).join('');
}

function options(choices: { value: string; label: string }[], selected: string, placeholder: string): string {
  const first = `<option value=""${selected ? '' : ' selected'}>${escapeHtml(placeholder)}</option>`;
  return first + choices.map((c) => `<option${attr('value', c.value)}${c.value === selected ? ' selected' : ''}>${escapeHtml(c.label)}</option>`).join('');
}

function fieldControl(f: FormField, id: string, value: string, o: FormHtmlOptions): string {
  const common = `${attr('id', id)}${attr('name', f.id)}`;
  const placeholder = f.placeholder ? attr('placeholder', f.placeholder) : '';
  switch (f.kind) {
    case 'multiline':
      return `<textarea${common}${placeholder} rows="3">${escapeHtml(value)}</textarea>`;
    case 'user':
      return `<select${common}>${options(o.members.map((m) => ({ value: m.id, label: m.name })), value, t(o.locale, 'sandbox.form.choose'))}</select>`;
    case 'select':
      return `<select${common}>${options(f.options ?? [], value, t(o.locale, 'sandbox.form.choose'))}</select>`;
    case 'lead':
      // Search as you type: the page asks for suggestions and fills the datalist.
      return `<input type="text"${common}${attr('value', value)}${placeholder}${attr('list', `${id}-options`)}${attr('data-suggest', f.id)} autocomplete="off"><datalist${attr('id', `${id}-options`)}></datalist>`;
    default:
      return `<input type="text"${common}${attr('value', value)}${placeholder}>`;
  }
}

/** The modal equivalent: a <form> with one control per field, errors under their fields. */
export function renderFormHtml(form: Form, o: FormHtmlOptions): string {
  const prefix = o.idPrefix ?? 'form';
  const errors = o.errors ?? {};
  const known = new Set(form.fields.map((f) => f.id));
  const loose = Object.entries(errors).filter(([k]) => !known.has(k));
  const rows = form.fields.map((f) => {
    const id = `${prefix}-${f.id}`;
    const value = o.values?.[f.id] ?? f.initial ?? '';
    const label = f.optional ? t(o.locale, 'sandbox.form.optional', { label: f.label }) : f.label;
    const error = errors[f.id] ? `<p class="field-error"${attr('data-error-for', f.id)}>${formatText(errors[f.id])}</p>` : '';
    return `<div class="form-field${errors[f.id] ? ' has-error' : ''}"><label${attr('for', id)}>${escapeHtml(label)}</label>${fieldControl(f, id, value, o)}${error}</div>`;
  });
  const top = loose.length
    ? `<div class="form-errors"><p>${escapeHtml(t(o.locale, 'sandbox.form.errors'))}</p><ul>${loose.map(([, e]) => `<li>${formatText(e)}</li>`).join('')}</ul></div>`
    : '';
  const example = form.example ? `<p class="form-example">${escapeHtml(t(o.locale, 'sandbox.form.typed'))} <code>${escapeHtml(form.example)}</code></p>` : '';
  const buttons =
    `<div class="form-buttons"><button type="submit" class="btn btn-primary">${escapeHtml(form.submitLabel)}</button>` +
    `<button type="button" class="btn" data-form-cancel>${escapeHtml(form.closeLabel)}</button></div>`;
  return (
    `<form class="sandbox-form"${attr('data-form-id', form.id)}${attr('data-metadata', form.metadata)} novalidate>` +
    `<h3 class="form-title">${escapeHtml(form.title)}</h3>${top}${rows.join('')}${example}${buttons}</form>`
  );
}
