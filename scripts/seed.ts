// `npm run seed`: writes the sandbox's demo workspace (members, roles, bilingual leads in every stage,
// interactions) into MONGODB_URI, or into the embedded database under DATA_DIR when it is not set
// (stop `npm start` first: both would open the same files). Running it again adds nothing twice.
import { ConfigError, loadConfig } from '../src/config';
import { createLogger } from '../src/platform/logger';
import { connectDb, disconnectDb } from '../src/platform/db/connection';
import { startEmbeddedDb, type EmbeddedDb } from '../src/platform/db/embedded-db';
import { seedDemoWorkspace } from '../src/modules/demo/demo-seed.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  let embedded: EmbeddedDb | undefined;
  try {
    if (!config.MONGODB_URI) embedded = await startEmbeddedDb(config.EMBEDDED_DB, config.DATA_DIR);
    await connectDb(config.MONGODB_URI ?? embedded!.uri, config.MONGODB_DB, { postgresqlUrl: embedded?.postgresqlUrl ?? config.FERRETDB_POSTGRESQL_URL });
    const res = await seedDemoWorkspace(config);
    logger.info({ ...res, db: config.MONGODB_DB }, res.leads ? 'seeded the demo workspace' : 'the demo workspace already has leads; members and roles checked');
  } finally {
    await disconnectDb().catch(() => undefined);
    await embedded?.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
