import type { Server } from 'node:http';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './platform/logger';
import { connectDb, disconnectDb } from './platform/db/connection';
import { startEmbeddedDb, type EmbeddedDb } from './platform/db/embedded-db';
import { createApp, type CreatedApp } from './app';
import { auditWriter } from './platform/audit/audit-writer';
import { seedDemoIfMissing } from './modules/demo';
import { backfillBlockKeys } from './modules/leads';

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.LOG_LEVEL);
  const { uri, embedded } = await openDatabase(config, logger);
  // Leads stored before the duplicate engine (or under older rules) get its blocking keys; idempotent.
  const backfilled = await backfillBlockKeys();
  if (backfilled) logger.info({ leads: backfilled }, 'duplicate keys computed for existing leads');
  // A fresh database gets the sandbox's demo workspace, so there is something to click at once.
  if (config.sandboxEnabled) await seedDemoIfMissing(config, logger);
  const created = createApp({ config, logger, mongoUri: uri });
  const { app, slack, jobs, outbox } = created;
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
  const shutdown = onceShutdown(logger, server, created, embedded);
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** The configuration, or exit naming every bad variable. */
function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** MONGODB_URI when set; otherwise the embedded database, started (and built once) here. */
async function openDatabase(config: Config, logger: Logger): Promise<{ uri: string; embedded?: EmbeddedDb }> {
  let embedded: EmbeddedDb | undefined;
  let uri = config.MONGODB_URI;
  let postgresqlUrl = config.FERRETDB_POSTGRESQL_URL;
  if (!uri) {
    embedded = await startEmbeddedDb(config.EMBEDDED_DB, config.DATA_DIR, (bin) =>
      logger.info({ bin }, 'building the embedded FerretDB database once (go build; takes a few minutes the first time)'),
    );
    uri = embedded.uri;
    postgresqlUrl = embedded.postgresqlUrl;
  }
  await connectDb(uri, config.MONGODB_DB, { postgresqlUrl });
  logger.info({ database: embedded ? `embedded ${embedded.kind} in ${config.DATA_DIR}` : 'MONGODB_URI', uri: redact(uri), db: config.MONGODB_DB }, 'database connected');
  return { uri, embedded };
}

/** Stop taking requests, finish what was acknowledged, then close everything; only the first signal counts. */
function onceShutdown(logger: Logger, server: Server, created: CreatedApp, embedded?: EmbeddedDb): (signal: string) => Promise<void> {
  const { inflight, jobs, outbox, slack } = created;
  let stopping = false;
  return async (signal) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Finish what was already acknowledged to Slack before the database goes away.
    if (!(await inflight.drain(10_000))) logger.warn({ pending: inflight.size }, 'shutting down with requests still running');
    // Running jobs and the message being sent finish; queued messages wait in the outbox for the next start.
    await jobs?.stop().catch((err) => logger.warn({ err }, 'jobs did not stop cleanly'));
    await outbox.stop();
    if (!(await auditWriter.drain(5_000))) logger.error({ pending: auditWriter.pending }, 'shutting down with audit events not written');
    if (slack && !slack.router) await slack.app.stop().catch(() => undefined);
    await disconnectDb().catch(() => undefined);
    await embedded?.stop();
    logger.info('bye');
    process.exit(0);
  };
}

function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

main().catch((err) => {
  process.stderr.write(`ChatCRM failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
