// The Bolt peer: a minimal @slack/bolt app (default HTTPReceiver, signature checked by Bolt) with one
// `/lead` command that acks after one insertOne with the raw driver. Run as a child; listens on PORT.
import { App, LogLevel } from '@slack/bolt';
import { connectRaw, exitWhenParentGoes, required } from './raw-driver';

async function main(): Promise<void> {
  const { client, db } = await connectRaw(required('MONGODB_URI'), required('MONGODB_DB'));
  const leads = db.collection('bench_peer_leads');
  const app = new App({
    signingSecret: required('SLACK_SIGNING_SECRET'),
    token: required('SLACK_BOT_TOKEN'),
    clientOptions: { slackApiUrl: required('SLACK_API_URL') },
    logLevel: LogLevel.ERROR,
  });
  app.command('/lead', async ({ command, ack }) => {
    const r = await leads.insertOne({ teamId: command.team_id, userId: command.user_id, text: command.text, createdAt: new Date() });
    await ack({ response_type: 'ephemeral', text: `Created ${r.insertedId}` });
  });
  await app.start({ port: Number(required('PORT')), host: '127.0.0.1' });
  exitWhenParentGoes(async () => {
    await app.stop();
    await client.close();
  });
}

main().catch((err) => {
  process.stderr.write(`Bolt peer failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
