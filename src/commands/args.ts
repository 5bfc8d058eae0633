// Small readers for command arguments typed in chat.

export interface Mention {
  id: string;
  name: string;
}

/** `<@U123|alice>` or `<@U123>` (Slack, escaped) or `@userid` (WeCom, sandbox). */
export function parseMention(s: string): Mention | null {
  const t = s.trim();
  const slack = t.match(/^<@([A-Z0-9_.-]+)(?:\|([^>]*))?>$/i);
  if (slack) return { id: slack[1], name: slack[2] ?? '' };
  const plain = t.match(/^[@＠]([\w.-]{1,64})$/);
  return plain ? { id: plain[1], name: plain[1] } : null;
}

/** First word and the rest. */
export function splitFirst(s: string): [string, string] {
  const t = s.trim();
  const m = t.match(/^(\S+)\s*([\s\S]*)$/);
  return m ? [m[1], m[2].trim()] : ['', ''];
}

/** A trailing "page N" / "p N" / "第N页". */
export function takePage(s: string): [string, number] {
  const m = s.match(/^(.*?)\s*(?:(?:page|p)\s*(\d{1,4})|第\s*(\d{1,4})\s*页)\s*$/i);
  if (!m) return [s.trim(), 1];
  return [m[1].trim(), Number(m[2] ?? m[3])];
}
