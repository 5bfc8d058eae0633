// Time buckets: whole UTC hours and days since the epoch, stored beside a date so a sweep or a
// window can ask for one bucket by equality (FerretDB pushes equality down to PostgreSQL; ranges it
// evaluates over every document).
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export const hourOf = (d: Date | null | undefined): number | null => (d ? Math.floor(d.getTime() / HOUR) : null);
export const dayOf = (d: Date | null | undefined): number | null => (d ? Math.floor(d.getTime() / DAY) : null);

/** The day buckets a window [from, to) touches, oldest first. */
export function daysOf(w: { from: Date; to: Date }): number[] {
  const first = dayOf(w.from)!;
  const last = dayOf(new Date(w.to.getTime() - 1))!;
  const out: number[] = [];
  for (let d = first; d <= last; d++) out.push(d);
  return out;
}
