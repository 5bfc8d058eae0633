import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './platform/logger';
import { connectDb, disconnectDb } from './platform/db/connection';
import { startEmbeddedDb, type EmbeddedDb } from './platform/db/embedded-db';
import { createApp } from './app';
import { seedDemoIfMissing } from './modules/demo';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);

  let embedded: EmbeddedDb | undefined;
  let uri = config.MONGODB_URI;
  if (!uri) {
    embedded = await startEmbeddedDb(config.EMBEDDED_DB, config.DATA_DIR, (bin) =>
      logger.info({ bin }, 'building the embedded FerretDB database once (go build; takes a few minutes the first time)'),
    );
    uri = embedded.uri;
  }
  await connectDb(uri, config.MONGODB_DB);
  logger.info({ database: embedded ? `embedded ${embedded.kind} in ${config.DATA_DIR}` : 'MONGODB_URI', uri: redact(uri), db: config.MONGODB_DB }, 'database connected');

  // A fresh database gets the sandbox's demo workspace, so there is something to click at once.
  if (config.sandboxEnabled) await seedDemoIfMissing(config, logger);
  const { app, slack, inflight, jobs, outbox } = createApp({ config, logger, mongoUri: uri });
  if (!config.slackEnabled) logger.info('Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) to enable it');
  else if (!slack?.router) {
    await slack?.app.start();
    logger.info('Slack connected in Socket Mode');
  }

  // The outbox sender retries what could not be sent at once (and what a crash left behind).
  outbox.start();
  if (jobs) await jobs.start();
  else logger.info('scheduled jobs are off (JOBS_ENABLED=false)');

  const server: Server = app.listen(config.PORT, config.HOST, () => {
    logger.info({ port: config.PORT }, `ChatCRM listening on http://localhost:${config.PORT}`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Finish what was already acknowledged to Slack before the database goes away.
    if (!(await inflight.drain(10_000))) logger.warn({ pending: inflight.size }, 'shutting down with requests still running');
    // Running jobs and the message being sent finish; queued messages wait in the outbox for the next start.
    await jobs?.stop().catch((err) => logger.warn({ err }, 'jobs did not stop cleanly'));
    await outbox.stop();
    if (slack && !slack.router) await slack.app.stop().catch(() => undefined);
    await disconnectDb().catch(() => undefined);
    await embedded?.stop();
    logger.info('bye');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

main().catch((err) => {
  process.stderr.write(`ChatCRM failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
