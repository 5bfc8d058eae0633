import { Agenda } from 'agenda';
import ConnectionString from 'mongodb-connection-string-url';
import type { Messenger } from '../platform/outbox/messenger';
import type { CopyStore } from '../platform/copies/copies';
import type { Config } from '../config';
import type { Logger } from '../platform/logger';
import { FOLLOW_UPS_JOB, runFollowUps, GONE_QUIET_JOB, runGoneQuiet, TICKET_SLA_JOB, runTicketSla } from '../modules/follow-ups';
import { WEEKLY_DIGEST_JOB, runWeeklyDigest, SUMMARIES_JOB, runSummaries } from '../modules/digest';
import { DUPLICATE_SCAN_JOB, runDuplicateScan } from '../modules/duplicates';
import { OutboxSender } from '../platform/outbox/outbox-sender';
import type { JobDeps, JobResult, RunScope } from '../modules/workspaces';

export const JOB_NAMES = [FOLLOW_UPS_JOB, GONE_QUIET_JOB, TICKET_SLA_JOB, WEEKLY_DIGEST_JOB, DUPLICATE_SCAN_JOB] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobsOptions {
  config: Pick<Config, 'DEFAULT_LOCALE' | 'JOBS_EVERY_SECONDS' | 'MONGODB_DB'>;
  logger: Logger;
  mongoUri: string;
  /** The outbox sender the jobs' messages go out through (started and stopped by its owner). */
  sender: OutboxSender;
}

export interface Jobs {
  /** Starts Agenda (the recurring sweeps, locked across instances). */
  start(): Promise<void>;
  /** Stops taking new work, waits for running jobs, closes Agenda's connection. */
  stop(): Promise<void>;
  /**
   * Runs one job at once (sandbox "Run now", tests with a controlled clock); quiet hours are ignored.
   * `scope.platform` limits it to that platform's workspaces.
   */
  runNow(name: JobName, now?: Date, scope?: RunScope): Promise<JobResult & { sent: number }>;
}

/** The outbox sender for every platform configured; `copies` remembers where entity cards landed. */
export function createOutboxSender(
  config: Pick<Config, 'OUTBOX_POLL_MS' | 'OUTBOX_LEASE_SECONDS' | 'OUTBOX_RETRY_BASE_MS' | 'OUTBOX_MAX_ATTEMPTS'>,
  logger: Logger,
  messengers: Partial<Record<string, Messenger>>,
  copies?: CopyStore,
): OutboxSender {
  const opts = { pollMs: config.OUTBOX_POLL_MS, leaseMs: config.OUTBOX_LEASE_SECONDS * 1000, retryBaseMs: config.OUTBOX_RETRY_BASE_MS, maxAttempts: config.OUTBOX_MAX_ATTEMPTS };
  return new OutboxSender(messengers, logger.child({ part: 'outbox' }), opts, copies);
}

/** Agenda keeps its own driver (mongodb 4): it gets its own client to the same database. */
function agendaAddress(uri: string, db: string): string {
  const cs = new ConnectionString(uri);
  cs.pathname = `/${db}`;
  return cs.toString();
}

export function createJobs(opts: JobsOptions): Jobs {
  const { config, logger, sender } = opts;
  const deps: JobDeps = { config, logger, kick: () => sender.kick() };
  const runs: Record<JobName, (now: Date, manual: boolean, scope: RunScope) => Promise<JobResult>> = {
    [FOLLOW_UPS_JOB]: (now, manual, scope) => runFollowUps(deps, now, { ...scope, anyHour: manual }),
    [GONE_QUIET_JOB]: (now, manual, scope) => runGoneQuiet(deps, now, { ...scope, anyHour: manual }),
    [TICKET_SLA_JOB]: (now, _manual, scope) => runTicketSla(deps, now, scope),
    [WEEKLY_DIGEST_JOB]: (now, manual, scope) => runWeeklyDigest(deps, now, { ...scope, now: manual }),
    // Walks only workspaces whose scan is due (asked for, under way, a day old); Run now walks them all.
    [DUPLICATE_SCAN_JOB]: (now, manual, scope) => runDuplicateScan(deps, now, { ...scope, force: manual }),
  };
  let agenda: Agenda | undefined;

  return {
    async start() {
      const every = config.JOBS_EVERY_SECONDS;
      agenda = new Agenda({
        db: { address: agendaAddress(opts.mongoUri, config.MONGODB_DB), collection: 'agendaJobs' },
        processEvery: `${Math.min(every, 5)} seconds`,
        // A sweep locked by an instance that died is taken over after this; a slow sweep run twice is
        // harmless (every message has an idempotency key), a long wait after a crash is not.
        defaultLockLifetime: Math.max(30_000, 2 * every * 1000),
      });
      agenda.on('error', (err: unknown) => logger.error({ err }, 'Agenda error'));
      for (const name of JOB_NAMES) {
        agenda.define(name, async () => {
          const result = await runs[name](new Date(), false, {});
          if (result.queued) logger.info({ job: name, queued: result.queued }, 'job queued messages');
        });
      }
      // The summaries' reconcile reads every record once: hourly, and each workspace once a day.
      agenda.define(SUMMARIES_JOB, async () => void (await runSummaries(deps, new Date())));
      await agenda.start();
      await agenda.every(`${every} seconds`, [...JOB_NAMES]);
      await agenda.every('1 hour', SUMMARIES_JOB);
      logger.info({ every, jobs: JOB_NAMES }, 'scheduled jobs started');
    },
    async stop() {
      if (agenda) {
        await agenda.drain();
        await agenda.stop(); // unlocks jobs this instance locked but had not started
        await agenda.close({ force: false }).catch(() => undefined);
      }
    },
    async runNow(name, now = new Date(), scope = {}) {
      const result = await runs[name](now, true, scope);
      const sent = await sender.runOnce();
      return { ...result, sent };
    },
  };
}
