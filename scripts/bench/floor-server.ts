// The raw floor: a bare node:http server that checks Slack's signature and does one insertOne with the
// raw driver, answering 200 JSON. Run by scripts/bench/run.ts as a child; listens on PORT.
import http from 'node:http';
import { connectRaw, exitWhenParentGoes, required } from './raw-driver';
import { isSignedBySlack } from './signature';

async function main(): Promise<void> {
  const secret = required('SLACK_SIGNING_SECRET');
  const { client, db } = await connectRaw(required('MONGODB_URI'), required('MONGODB_DB'));
  const leads = db.collection('bench_floor_leads');
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const ts = req.headers['x-slack-request-timestamp'];
      const sig = req.headers['x-slack-signature'];
      if (req.method !== 'POST' || !isSignedBySlack(secret, body, String(ts ?? ''), String(sig ?? ''))) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid signature"}');
        return;
      }
      const form = new URLSearchParams(body);
      const doc = { teamId: form.get('team_id'), userId: form.get('user_id'), text: form.get('text'), createdAt: new Date() };
      leads.insertOne(doc).then(
        (r) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ response_type: 'ephemeral', text: `Created ${r.insertedId}` })),
        () => res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"insert failed"}'),
      );
    });
  });
  server.listen(Number(required('PORT')), '127.0.0.1');
  exitWhenParentGoes(async () => {
    server.close();
    await client.close();
  });
}

main().catch((err) => {
  process.stderr.write(`floor failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
