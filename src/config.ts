import { z } from 'zod';

const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** True for an IANA time zone name Node knows (Asia/Shanghai). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: optionalString.pipe(z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional()),
  MONGODB_DB: z.string().default('chatcrm'),
  EMBEDDED_DB: z.enum(['auto', 'ferretdb', 'ferretdb-sqlite', 'mongod']).default('auto'),
  // When MONGODB_URI is a FerretDB over PostgreSQL: that PostgreSQL, so the start-up adds the indexes FerretDB's queries use.
  FERRETDB_POSTGRESQL_URL: optionalString.pipe(z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional()),
  DATA_DIR: z.string().default('./data'),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: optionalString.pipe(z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
  SLACK_APP_TOKEN: optionalString.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_API_URL: optionalUrl,
  WECOM_CORP_ID: optionalString,
  WECOM_AGENT_ID: z.coerce.number().int().positive().optional(),
  WECOM_SECRET: optionalString,
  WECOM_TOKEN: optionalString,
  WECOM_ENCODING_AES_KEY: optionalString.pipe(z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey').optional()),
  WECOM_BOT_TOKEN: optionalString,
  WECOM_BOT_ENCODING_AES_KEY: optionalString.pipe(z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey').optional()),
  WECOM_API_BASE_URL: z.url().default('https://qyapi.weixin.qq.com'),
  WECOM_DEFAULT_LOCALE: z.enum(LOCALES).default('zh-CN'),
  DEFAULT_LOCALE: z.enum(LOCALES).default('en'),
  DEFAULT_TIMEZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  DEFAULT_PHONE_REGION: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter region code such as CN').default('CN'),
  SANDBOX_ENABLED: z.stringbool().optional(),
  SANDBOX_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  // Scheduled jobs (src/jobs): nudges, escalations, SLA chases, the weekly digest, and the outbox sender.
  JOBS_ENABLED: z.stringbool().default(true),
  JOBS_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(5000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
});

export type Config = z.infer<typeof configSchema> & { slackEnabled: boolean; wecomEnabled: boolean; wecomBotEnabled: boolean; sandboxEnabled: boolean };

export const isLoopback = (host: string): boolean => /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);

export class ConfigError extends Error {}

/** Parses the environment once; a bad value stops start-up with one message naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty value (`PORT=` in a .env or compose file) means "not set", for every variable.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = configSchema.safeParse(present);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  // Which variables go together: read from what is set, so these are reported with any bad value.
  const set = (k: string) => present[k] !== undefined;
  const slackEnabled = set('SLACK_BOT_TOKEN') && (set('SLACK_SIGNING_SECRET') || set('SLACK_APP_TOKEN'));
  if ((set('SLACK_SIGNING_SECRET') || set('SLACK_BOT_TOKEN') || set('SLACK_APP_TOKEN')) && !slackEnabled) {
    problems.push('  SLACK_BOT_TOKEN: Slack needs SLACK_BOT_TOKEN plus SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)');
  }
  const appVars = ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY'] as const;
  const appSet = appVars.filter(set);
  if (appSet.length && appSet.length < appVars.length) {
    for (const k of appVars.filter((v) => !set(v))) problems.push(`  ${k}: required when any WECOM_ app variable is set`);
  }
  const botSet = ['WECOM_BOT_TOKEN', 'WECOM_BOT_ENCODING_AES_KEY'].filter(set).length;
  if (botSet === 1 || (botSet === 2 && !set('WECOM_CORP_ID'))) {
    problems.push('  WECOM_BOT_TOKEN: the intelligent bot needs WECOM_BOT_TOKEN, WECOM_BOT_ENCODING_AES_KEY and WECOM_CORP_ID');
  }
  if (!parsed.success) throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  const c = parsed.data;
  // The sandbox lets anyone act as any demo member: on by default only without a platform, and never
  // open to the network without a token. When it is on by default, an unset HOST means loopback.
  const sandboxEnabled = c.SANDBOX_ENABLED ?? !(slackEnabled || appSet.length || botSet);
  let HOST = c.HOST;
  if (sandboxEnabled && !c.SANDBOX_TOKEN && !isLoopback(HOST)) {
    if (present.HOST !== undefined || c.SANDBOX_ENABLED !== undefined) {
      problems.push(`  SANDBOX_TOKEN: required when the sandbox is on and HOST (${HOST}) is not a loopback address; or set HOST=127.0.0.1 or SANDBOX_ENABLED=false`);
    } else {
      HOST = '127.0.0.1';
    }
  }
  if (problems.length) throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  return { ...c, HOST, slackEnabled, wecomEnabled: appSet.length === appVars.length, wecomBotEnabled: botSet === 2, sandboxEnabled };
}
