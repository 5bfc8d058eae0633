import mongoose from 'mongoose';
import pg from 'pg';
import { testPostgresqlUrl, useTestDb } from '../helpers/db';
import { slash, startService, type TestService } from '../helpers/service';
import { leadBySeq } from '../helpers/app-data';
import { ensurePushdownIndexes, ferretTables, indexedFields, pushdownIndexName } from '../../src/platform/db/pg-pushdown';

// On FerretDB over PostgreSQL (the embedded default) a find by an indexed field must be served by a
// PostgreSQL index, not by reading the whole table. FerretDB 1.24 sends an equality on a top-level
// field as `_jsonb->$1 @> $2`, one per field, ANDed (internal/backends/postgresql/query.go); the
// statements below are that SQL, prepared as FerretDB prepares it, and explained with sequential
// scans priced out (so the answer does not depend on how few rows a test table has).

const pgUrl = testPostgresqlUrl();
const onPostgres = pgUrl ? describe : describe.skip;

const state = useTestDb();
let svc: TestService;
let client: pg.Client;
let table: string;

beforeAll(async () => {
  svc = await startService();
  await slash(svc, '/lead', 'add Pushdown Ltd; Pat Down; +86 138-0000-1111');
  if (!pgUrl) return;
  client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  table = (await ferretTables(client, state.dbName)).get('leads')!;
  await client.query('SET enable_seqscan = off');
});
afterAll(async () => {
  await client?.end();
  await svc.close();
});

async function plan(sql: string, types: string[], values: unknown[]): Promise<string> {
  const name = `q${Math.random().toString(36).slice(2)}`;
  await client.query(`PREPARE ${name}(${types.join(', ')}) AS ${sql}`);
  const res = await client.query(`EXPLAIN EXECUTE ${name}(${values.map((v) => pg.escapeLiteral(String(v))).join(', ')})`);
  await client.query(`DEALLOCATE ${name}`);
  return res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
}

const select = () => `SELECT _jsonb FROM ${pg.escapeIdentifier(state.dbName)}.${pg.escapeIdentifier(table)}`;

onPostgres('FerretDB on the embedded PostgreSQL', () => {
  it('should find a lead by workspace and number through a pushdown index', async () => {
    const lead = (await leadBySeq(1))!;
    const text = await plan(`${select()} WHERE _jsonb->$1 @> $2 AND _jsonb->$3 @> $4`, ['text', 'jsonb', 'text', 'jsonb'], [
      'workspaceId',
      JSON.stringify(String(lead.workspaceId)),
      'seq',
      JSON.stringify(lead.seq),
    ]);
    expect(text).toMatch(/Bitmap Index Scan on \S+_pd_|Index Scan using \S+_pd_/);
    expect(text).not.toContain('Seq Scan');
  });

  it('should find a document by _id through a pushdown index', async () => {
    const lead = (await leadBySeq(1))!;
    const text = await plan(`${select()} WHERE _jsonb->$1 @> $2`, ['text', 'jsonb'], ['_id', JSON.stringify(String(lead._id))]);
    expect(text).toContain(`on ${pushdownIndexName(table, '_id')}`);
  });

  it('should have one pushdown index per top-level indexed field of every collection, and add none twice', async () => {
    const tables = await ferretTables(client, state.dbName);
    const have = new Set((await client.query('SELECT indexname FROM pg_indexes WHERE schemaname = $1', [state.dbName])).rows.map((r) => r.indexname));
    const missing = [...indexedFields(mongoose)].flatMap(([coll, fields]) =>
      tables.has(coll) ? fields.filter((f) => !have.has(pushdownIndexName(tables.get(coll)!, f))).map((f) => `${coll}.${f}`) : [`${coll} (no table)`],
    );
    expect(missing).toEqual([]);
    expect(await ensurePushdownIndexes(pgUrl!, state.dbName, mongoose)).toEqual([]);
  });
});
