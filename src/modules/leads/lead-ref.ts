import { humanId } from '../../platform/ids/human-id';

/** A lead as people name it: `L-12` (from the lead or its number). */
export function leadRef(lead: { seq: number } | number): string {
  return humanId('L', typeof lead === 'number' ? lead : lead.seq);
}
