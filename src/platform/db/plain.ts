type Doc = { toObject(): unknown };

// Repos return plain objects, read through the schema: a document written before a field existed still
// gets that field's default (as reading a mongoose document always did; `.lean()` would leave it out).
export const plainOne = <T>(doc: Doc | null): T | null => (doc ? (doc.toObject() as T) : null);
export const plainMany = <T>(docs: Doc[]): T[] => docs.map((d) => d.toObject() as T);
