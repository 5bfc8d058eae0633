import { XMLParser } from 'fast-xml-parser';

// WeCom XML: text may or may not be CDATA-wrapped; numbers (MsgId is 64-bit) stay strings; lists of
// one SelectedItem / OptionId still become arrays.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'SelectedItem' || name === 'OptionId',
});

export type XmlRecord = Record<string, unknown>;

/** The children of the root <xml> element; throws when the body is not WeCom XML. */
export function parseWecomXml(body: string): XmlRecord {
  const doc = parser.parse(body, true) as { xml?: unknown };
  if (!doc || typeof doc.xml !== 'object' || doc.xml === null) throw new Error('not a WeCom XML document');
  return doc.xml as XmlRecord;
}

export const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
