import { dayOf, hourOf } from '../../platform/buckets';

// Fields a lead carries only so its queries are equality lookups (FerretDB pushes those down; it
// evaluates ranges, `$in`, `$or` and nested paths over every document). Each is derived from the
// lead's own fields by the repo on every write, and the reconcile job rewrites any that drifted.
export interface LeadBuckets {
  /** keys.phones / keys.emails at the top level (FerretDB does not push nested paths down). */
  phoneKeys: string[];
  emailKeys: string[];
  /** The hour its follow-up falls due in (the follow-up sweep asks for the hours not swept yet). */
  followUpHour: number | null;
  /** The day of its last activity: last contact, else creation (the gone-quiet sweep and stale figures). */
  activityDay: number | null;
  /** The day its owner was nudged about the quiet spell (the escalation sweep). */
  quietNudgedDay: number | null;
  /** The day it was created (the digest's new leads). */
  createdDay: number | null;
}

type Source = {
  keys?: { phones?: string[] | null; emails?: string[] | null } | null;
  nextFollowUpAt?: Date | null;
  lastContactAt?: Date | null;
  createdAt?: Date | null;
  quietNudgedAt?: Date | null;
};

export function leadBuckets(l: Source): LeadBuckets {
  return {
    phoneKeys: [...(l.keys?.phones ?? [])],
    emailKeys: [...(l.keys?.emails ?? [])],
    followUpHour: hourOf(l.nextFollowUpAt),
    activityDay: dayOf(l.lastContactAt ?? l.createdAt),
    quietNudgedDay: dayOf(l.quietNudgedAt),
    createdDay: dayOf(l.createdAt),
  };
}

/** The bucket fields of `b` that differ from those `a` holds (what a write must also set). */
export function bucketChanges(a: Partial<LeadBuckets>, b: LeadBuckets): Partial<LeadBuckets> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) if (JSON.stringify((a as Record<string, unknown>)[k] ?? null) !== JSON.stringify(v)) out[k] = v;
  return out as Partial<LeadBuckets>;
}
