import type { BotRequest, RequestOrigin } from '../../dispatcher/types';
import { parseTypedCommand } from '../../dispatcher/typed';
import { parseButtonKey, PICK_KEY, PICK_QUESTION } from './render-wecom';
import { str, type XmlRecord } from './wecom-xml';

// Pure mapping from WeCom callbacks to neutral requests: no I/O, no business rules.

/** Custom-menu buttons (manifests/wecom-menu.json) carry the command they run: "cmd:lead list mine". */
export const MENU_PREFIX = 'cmd:';

function origin(corpId: string, userId: string): RequestOrigin {
  return { platform: 'wecom', workspaceId: corpId, userId, userName: userId };
}

/** Typed text as a command; text that is not one becomes the empty command ("see 帮助"). */
function fromText(corpId: string, userId: string, content: string): BotRequest {
  const typed = parseTypedCommand(content);
  return { ...origin(corpId, userId), kind: 'command', command: typed?.command ?? '', text: typed?.text ?? content };
}

/** A self-built app callback (decrypted XML) as a request; null for what ChatCRM does not act on. */
export function fromAppCallback(corpId: string, m: XmlRecord): BotRequest | null {
  const from = str(m.FromUserName);
  if (!from) return null;
  if (m.MsgType === 'text') return fromText(corpId, from, str(m.Content));
  if (m.MsgType !== 'event') return null;
  const key = str(m.EventKey);
  if (m.Event === 'click' && key.startsWith(MENU_PREFIX)) return fromText(corpId, from, key.slice(MENU_PREFIX.length));
  if (m.Event === 'template_card_event') {
    const parsed = parseButtonKey(key === PICK_KEY ? pickedKey(m) : key);
    return parsed ? { ...origin(corpId, from), kind: 'action', actionId: parsed.actionId, value: parsed.value } : null;
  }
  return null;
}

/** "Do it" on a card's dropdown: the chosen option's id is the key of the button it stands for. */
function pickedKey(m: XmlRecord): string {
  const items = (m.SelectedItems as { SelectedItem?: unknown } | undefined)?.SelectedItem;
  for (const item of Array.isArray(items) ? (items as XmlRecord[]) : []) {
    if (str(item.QuestionKey) !== PICK_QUESTION) continue;
    const ids = (item.OptionIds as { OptionId?: unknown } | undefined)?.OptionId;
    return Array.isArray(ids) ? str(ids[0]) : '';
  }
  return '';
}

/** The key that makes a redelivered callback a no-op: MsgId for messages, sender + time for events. */
export function dedupeKey(m: XmlRecord): string | null {
  if (m.MsgType === 'event') {
    const key = str(m.EventKey) === PICK_KEY ? `${PICK_KEY}:${pickedKey(m)}` : str(m.EventKey);
    return `evt:${str(m.FromUserName)}:${str(m.CreateTime)}:${str(m.Event)}:${key}`;
  }
  const id = str(m.MsgId);
  return id ? `msg:${id}` : null;
}

/** Group messages to the intelligent bot start with "@BotName" (full-width ＠ and odd spaces included). */
function stripMentions(content: string): string {
  let s = content.replace(/^[\s\u3000\u2005\u00a0]+/, '');
  while (/^[@＠]/.test(s)) s = s.replace(/^[@＠][^\s\u3000\u2005\u00a0]*[\s\u3000\u2005\u00a0]*/, '');
  // A display name with spaces leaves words before the command: start at the first command word.
  if (!parseTypedCommand(s)) {
    const at = s.search(/(^|[\s\u3000\u2005])(\/|／|lead\b|crm\b|help\b|帮助|线索|新建线索|跟进)/i);
    if (at > 0) s = s.slice(at).replace(/^[\s\u3000\u2005]+/, '');
  }
  return s.trim();
}

export interface BotMessage {
  msgid?: string;
  msgtype?: string;
  chattype?: string;
  from?: { userid?: string };
  text?: { content?: string };
  response_url?: string;
  event?: { eventtype?: string };
}

export function fromBotMessage(corpId: string, m: BotMessage): BotRequest | null {
  const user = m.from?.userid;
  if (!user || m.msgtype !== 'text') return null;
  return fromText(corpId, user, stripMentions(m.text?.content ?? ''));
}
