// Measuring and cutting text the way WeCom counts it: limits in UTF-8 bytes, suggestions in characters
// (grapheme clusters, so an emoji or a combined character is never cut).

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const chars = (s: string): string[] => Array.from(segmenter.segment(s), (x) => x.segment);
export const charLen = (s: string): number => chars(s).length;

export function shorten(s: string, max: number): string {
  const cs = chars(s);
  return cs.length <= max ? s : cs.slice(0, max - 1).join('') + '…';
}

/** Splits text into pieces of at most `maxBytes` UTF-8 bytes, at line breaks where possible, never inside a character. */
export function chunkBytes(s: string, maxBytes: number): string[] {
  const out: string[] = [];
  let cur = '';
  let curBytes = 0;
  for (const line of s.split('\n')) {
    const parts: string[] = [];
    if (utf8Bytes(line) <= maxBytes) parts.push(line);
    else {
      let piece = '';
      let pieceBytes = 0;
      for (const c of chars(line)) {
        const b = utf8Bytes(c);
        if (pieceBytes + b > maxBytes) {
          parts.push(piece);
          piece = '';
          pieceBytes = 0;
        }
        piece += c;
        pieceBytes += b;
      }
      parts.push(piece);
    }
    for (const p of parts) {
      const b = utf8Bytes(p);
      if (cur && curBytes + 1 + b > maxBytes) {
        out.push(cur);
        [cur, curBytes] = [p, b];
      } else if (cur) {
        cur += `\n${p}`;
        curBytes += 1 + b;
      } else [cur, curBytes] = [p, b];
    }
  }
  if (cur) out.push(cur);
  return out;
}
