/** The id people type and read for a record: a letter per kind and its number in the workspace (`L-1024`, `T-57`). */
export function humanId(prefix: string, seq: number): string {
  return `${prefix}-${seq}`;
}
