import { createHash } from 'node:crypto';
import type { Mongoose } from 'mongoose';
import pg from 'pg';

// FerretDB 1.24 on PostgreSQL keeps each collection in a table with one jsonb column, `_jsonb`, in a
// schema named after the database. It pushes an equality filter on a top-level field (string,
// number, boolean, ObjectId, Date; `$eq` too) down as `_jsonb->'f' @> '<json>'`, ANDed per field
// (internal/backends/postgresql/query.go, filterEqual). Dotted paths are not pushed down (the
// handler drops them unless its test-only EnableNestedPushdown is set, which the embeddable
// ferretdb package cannot set), nor ranges, `$in`, sorts or counts. The btree indexes FerretDB
// creates for the models' indexes cannot serve `@>`, so every find would read the whole table. A
// GIN index on the same expression can: this adds one per top-level indexed field. The default
// operator class (jsonb_ops) also finds a scalar inside an array (`["a","b"] @> "a"`), which is how
// an equality on an array field is pushed down.

const METADATA_TABLE = '_ferretdb_database_metadata';
const MAX_IDENTIFIER = 63;

/**
 * Every top-level field named by an ascending/descending index of the models, per collection, with
 * `_id`. Date fields are left out: FerretDB pushes down no range, so such an index would only serve
 * an equality on an exact instant, and would be rewritten on every change.
 */
export function indexedFields(m: Mongoose): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of m.modelNames()) {
    const model = m.model(name);
    const fields = new Set<string>(['_id']);
    for (const [keys] of model.schema.indexes()) {
      for (const [field, dir] of Object.entries(keys)) {
        if ((dir === 1 || dir === -1) && !field.includes('.') && model.schema.path(field)?.instance !== 'Date') fields.add(field);
      }
    }
    const known = out.get(model.collection.collectionName) ?? [];
    out.set(model.collection.collectionName, [...new Set([...known, ...fields])]);
  }
  return out;
}

/** The SQL expression FerretDB compares for a top-level field: `_jsonb -> 'f'`. */
export function fieldExpression(field: string): string {
  return `_jsonb -> ${pg.escapeLiteral(field)}`;
}

/** A stable index name within PostgreSQL's 63-byte limit. */
export function pushdownIndexName(table: string, field: string): string {
  const hash = createHash('sha256').update(`${table}\0${field}`).digest('hex').slice(0, 10);
  const readable = `${table}_${field.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
  return `${readable.slice(0, MAX_IDENTIFIER - hash.length - 4)}_pd_${hash}`;
}

/** FerretDB's table for each collection of a database (collections not created yet are absent). */
export async function ferretTables(client: pg.ClientBase, dbName: string): Promise<Map<string, string>> {
  const exists = await client.query('SELECT to_regclass($1) AS t', [`${pg.escapeIdentifier(dbName)}.${METADATA_TABLE}`]);
  if (!exists.rows[0]?.t) return new Map();
  const res = await client.query<{ name: string; table: string }>(
    `SELECT _jsonb->>'_id' AS name, _jsonb->>'table' AS table FROM ${pg.escapeIdentifier(dbName)}.${METADATA_TABLE}`,
  );
  return new Map(res.rows.map((r) => [r.name, r.table]));
}

/**
 * Creates (if missing) the GIN indexes that let PostgreSQL serve FerretDB's pushed-down equality
 * filters, for every indexed field of every model whose collection exists. Idempotent; returns the
 * names of the indexes it created.
 */
export async function ensurePushdownIndexes(postgresqlUrl: string, dbName: string, m: Mongoose): Promise<string[]> {
  const client = new pg.Client({ connectionString: postgresqlUrl });
  await client.connect();
  try {
    const tables = await ferretTables(client, dbName);
    const existing = new Set(
      (await client.query<{ indexname: string }>('SELECT indexname FROM pg_indexes WHERE schemaname = $1', [dbName])).rows.map((r) => r.indexname),
    );
    const created: string[] = [];
    for (const [collection, fields] of indexedFields(m)) {
      const table = tables.get(collection);
      if (!table) continue;
      for (const field of fields) {
        const name = pushdownIndexName(table, field);
        if (existing.has(name)) continue;
        await client.query(
          `CREATE INDEX IF NOT EXISTS ${pg.escapeIdentifier(name)} ON ${pg.escapeIdentifier(dbName)}.${pg.escapeIdentifier(table)} USING gin ((${fieldExpression(field)}))`,
        );
        created.push(name);
      }
    }
    return created;
  } finally {
    await client.end();
  }
}
