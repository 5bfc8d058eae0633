// The neutral UI model: commands build these; each platform renderer turns them into its own format.
import type { Locale } from '../../config';

export interface CardField {
  label: string;
  value: string;
}

export interface CardAction {
  /** An action id from commands/constants.ts. */
  id: string;
  label: string;
  value: string;
  style?: 'primary' | 'danger';
}

export interface Card {
  title?: string;
  text?: string;
  fields?: CardField[];
  /** A list of short lines (timeline entries, search results). */
  lines?: string[];
  context?: string;
  actions?: CardAction[];
  /** The typed commands that do what the buttons do, for places without buttons (WeCom group robots). */
  commands?: string[];
  tone?: 'info' | 'success' | 'warning' | 'error';
}

export interface FormOption {
  value: string;
  label: string;
}

export interface FormField {
  id: string;
  label: string;
  /** 'lead': pick a lead by searching as you type; 'select': one of `options`. */
  kind: 'text' | 'multiline' | 'user' | 'select' | 'lead';
  options?: FormOption[];
  initial?: string;
  placeholder?: string;
  optional?: boolean;
}

export interface Form {
  /** A form id from commands/constants.ts. */
  id: string;
  title: string;
  submitLabel: string;
  closeLabel: string;
  fields: FormField[];
  /** Opaque state carried back on submit (a lead id, a draft id). */
  metadata: string;
  /** The same thing as a typed command, for platforms without forms (WeCom): shown to copy. */
  example: string;
}

export interface Notification {
  /** The platform user id to message directly. */
  userId: string;
  cards: Card[];
  locale?: Locale;
  /** Remember this copy too (a ticket card sent to a manager), so it is redrawn with the others. */
  entity?: EntityRef;
}

/** Something a card shows (a ticket, a lead) whose posted copies are updated when it changes. */
export interface EntityRef {
  kind: 'ticket' | 'lead';
  id: string;
}

/** A card posted to a channel (a ticket queue, a digest channel) rather than answered to the caller. */
export interface ChannelPost {
  /** The platform's channel id (Slack C…, a user id for a DM fallback, a WeCom robot webhook, a sandbox pane). */
  channel: string;
  cards: Card[];
  /** Remember where this copy went, so `updates` can redraw it later. */
  entity?: EntityRef;
  locale?: Locale;
}

/** Redraw every remembered copy of an entity's card (e.g. "Claimed by … at …" on every copy). */
export interface CopyUpdate {
  entity: EntityRef;
  cards: Card[];
  locale?: Locale;
}

export interface Reply {
  cards: Card[];
  /** Open this form (a Slack modal; WeCom/sandbox show it their own way). */
  form?: Form;
  /** Shown to everyone in the channel instead of only the caller. */
  public?: boolean;
  /** For button clicks: replace the clicked card instead of answering below it. */
  replaceOriginal?: boolean;
  /** Direct messages to other members (a new owner's assignment card). */
  notify?: Notification[];
  /** Cards posted to channels. */
  posts?: ChannelPost[];
  /** Posted copies to redraw. */
  updates?: CopyUpdate[];
  /** Form submissions: per-field problems, the form stays open. */
  formErrors?: Record<string, string>;
  /** Choices for a search-as-you-type field. */
  options?: FormOption[];
  /** The reader's language, for the few words a renderer adds itself. */
  locale?: Locale;
  /** The workspace's database id (set by dispatch): posts and direct messages are queued under it. */
  workspaceId?: string;
}

export const reply = (cards: Card[], extra: Partial<Reply> = {}): Reply => ({ cards, ...extra });
