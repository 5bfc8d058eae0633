import { dayOf, hourOf } from '../../platform/buckets';

// A ticket's bucket fields, derived from its dates on every write (tickets.repo): the SLA sweep asks
// for due hours, the digest for days, each by equality.
const SOURCES = {
  createdDay: ['createdAt', dayOf],
  resolvedDay: ['resolvedAt', dayOf],
  firstResponseDueHour: ['firstResponseDueAt', hourOf],
  resolutionDueHour: ['resolutionDueAt', hourOf],
  firstResponseDueDay: ['firstResponseDueAt', dayOf],
  resolutionDueDay: ['resolutionDueAt', dayOf],
} as const;

/** The bucket fields that `fields` decides (those whose date it carries). */
export function ticketBuckets(fields: Record<string, unknown>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [bucket, [source, of]] of Object.entries(SOURCES)) if (source in fields) out[bucket] = of(fields[source] as Date | null);
  return out;
}
