import type { Locale } from '../../config';
import type { Card, EntityRef, Form } from '../../platform/cards/card';

// What the sandbox shows, kept in memory: panes of messages, like a chat client's conversations.
// Pane ids: `chat:<user>` (a member's conversation with ChatCRM), `dm:<user>` (direct messages the
// service sent them), `channel:<id>` (cards posted to a channel). Every change bumps `version`, which
// the page polls.

export type PaneKind = 'chat' | 'dm' | 'channel';

export interface FeedMessage {
  id: string;
  pane: string;
  /** Bumped on every change, so the page redraws only what changed. */
  rev: number;
  /** A member's typed command, or what the service answered. */
  from: 'member' | 'bot';
  author?: string;
  text?: string;
  cards: Card[];
  form?: Form;
  formValues?: Record<string, string>;
  formErrors?: Record<string, string>;
  locale?: Locale;
}

export const paneId = (kind: PaneKind, id: string): string => `${kind}:${id}`;

export function parsePaneId(pane: string): { kind: PaneKind; id: string } {
  const i = pane.indexOf(':');
  return { kind: pane.slice(0, i) as PaneKind, id: pane.slice(i + 1) };
}

const entityKey = (e: EntityRef): string => `${e.kind}:${e.id}`;

export class SandboxFeed {
  version = 0;
  private seq = 0;
  private readonly messages = new Map<string, FeedMessage>();
  private readonly panes = new Map<string, string[]>();
  private readonly copies = new Map<string, Set<string>>();

  constructor(
    private readonly maxPerPane = 100,
    private readonly maxPanes = 200,
  ) {}

  add(pane: string, m: Omit<FeedMessage, 'id' | 'pane' | 'rev'>): FeedMessage {
    const msg: FeedMessage = { ...m, id: `m${++this.seq}`, pane, rev: 1 };
    this.messages.set(msg.id, msg);
    const ids = this.panes.get(pane) ?? [];
    ids.push(msg.id);
    // A long session keeps the newest messages; the oldest are forgotten.
    while (ids.length > this.maxPerPane) this.forget(ids.shift()!);
    this.panes.delete(pane);
    this.panes.set(pane, ids); // re-inserted: the map's order is least recently written first
    // A session that invents many people (a DM pane each) forgets the quietest panes first.
    for (const [old, oldIds] of this.panes) {
      if (this.panes.size <= this.maxPanes) break;
      oldIds.forEach((x) => this.forget(x));
      this.panes.delete(old);
    }
    this.version++;
    return msg;
  }

  get(id: string): FeedMessage | undefined {
    return this.messages.get(id);
  }

  update(id: string, patch: Partial<Pick<FeedMessage, 'cards' | 'form' | 'formValues' | 'formErrors' | 'locale'>>): FeedMessage | undefined {
    const msg = this.messages.get(id);
    if (!msg) return undefined;
    Object.assign(msg, patch, { rev: msg.rev + 1 });
    this.version++;
    return msg;
  }

  remove(id: string): void {
    const msg = this.messages.get(id);
    if (!msg) return;
    const ids = this.panes.get(msg.pane) ?? [];
    this.panes.set(msg.pane, ids.filter((x) => x !== id));
    this.forget(id);
    this.version++;
  }

  /** Remembers where a copy of an entity's card went, so `copiesOf` can redraw it later. */
  remember(entity: EntityRef, messageId: string): void {
    const key = entityKey(entity);
    const set = this.copies.get(key) ?? new Set<string>();
    set.add(messageId);
    this.copies.set(key, set);
  }

  copiesOf(entity: EntityRef): string[] {
    return [...(this.copies.get(entityKey(entity)) ?? [])].filter((id) => this.messages.has(id));
  }

  pane(pane: string): FeedMessage[] {
    return (this.panes.get(pane) ?? []).map((id) => this.messages.get(id)!);
  }

  paneIds(kind: PaneKind): string[] {
    return [...this.panes.keys()].filter((p) => p.startsWith(`${kind}:`) && this.panes.get(p)!.length > 0);
  }

  private forget(id: string): void {
    this.messages.delete(id);
    for (const [key, set] of this.copies) {
      set.delete(id);
      if (!set.size) this.copies.delete(key);
    }
  }
}
