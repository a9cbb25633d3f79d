import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { OFFICE_DAY_END } from '../calendar/business-days';
import { durationSchema } from '../calendar/duration';
import { scheduleOwners } from '../schedules/owners';
import { readSettings } from './settings';
import { trustProxySchema } from './sign-in';

// The only module that reads process.env: every other part receives a Config.

const port = z.coerce.number().int().min(0).max(65535);
const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional());
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: optionalUrl,
  DATA_DIR: z.string().default('.data'),
  // As root: where PostgreSQL's programs and cluster go when the postgres user cannot reach DATA_DIR or node_modules.
  PG_RUNTIME_DIR: z.string().default('/var/lib/amtsflow'),
  DATABASE_URL: optionalUrl,
  PG_PORT: port.optional(),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('amtsflow'),
  TEMPORAL_PORT: port.optional(),
  TEMPORAL_UI_PORT: port.optional(),
  TEMPORAL_CLI: z.string().optional(),
  XDG_CACHE_HOME: z.string().optional(),
  SMTP_URL: optionalUrl,
  SMTP_CATCHER_PORT: port.optional(),
  INBOUND_SMTP_PORT: port.optional(),
  INBOUND_DOMAIN: z.string().default('antwort.amtsflow.localhost'),
  INBOUND_RETRY_MS: z.coerce.number().int().min(0).default(30_000),
  IMAP_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.url({ protocol: /^imaps?$/, error: 'IMAP_URL must be imap://user:pass@host:port/mailbox or imaps://…' }).optional()),
  IMAP_PROCESSED_FOLDER: z.string().trim().min(1).optional(),
  IMAP_POLL_MS: z.coerce.number().int().positive().default(60_000),
  MAIL_FROM: z.string().default('Amt für Integration <integration@amtsflow.localhost>'),
  ADMIN_EMAIL: z.email().default('admin@amtsflow.localhost'),
  ADMIN_PASSWORD: z.string().min(10, 'ADMIN_PASSWORD must have at least 10 characters').optional(),
  DEMO_DATA: bool.default(true),
  SESSION_SECRET: z.string().min(32).optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(20),
  // Sign-in that holds (config/sign-in.ts): the client's address behind a proxy, and a lock per account.
  TRUST_PROXY: trustProxySchema,
  LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().positive().default(10),
  LOGIN_LOCK: durationSchema.refine((v) => !/bd$/i.test(v), 'a clock duration such as "15m"').default('15m'),
  PUBLIC_RATE_LIMIT: z.coerce.number().int().positive().default(120),
  TASK_DUE: durationSchema.default('5bd'),
  TASK_REMINDER_AFTER: durationSchema.default('3bd'),
  TASK_ESCALATE_AFTER: durationSchema.default('5bd'),
  CONSULTATION_DEADLINE: durationSchema.default('10bd'),
  CONSULTATION_REMINDER_AFTER: durationSchema.default('5bd'),
  CONSULTATION_ESCALATE_AFTER: durationSchema.default('8bd'),
  ANSWER_GRACE: durationSchema.default('2bd'),
  // When the office day ends (Europe/Berlin): a deadline counted in days ends then, not at the clock time of its start.
  OFFICE_DAY_END: z
    .string()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'a time of day such as "16:00" (Europe/Berlin)')
    .default(OFFICE_DAY_END),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  ANSWER_TOKEN_SECRET: z.string().min(32).optional(),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(2000),
  OUTBOX_LEASE_MS: z.coerce.number().int().positive().default(300_000),
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().positive().default(2_000),
  COMMANDS_POLL_MS: z.coerce.number().int().positive().default(1000),
  COMPLETION_CATCH_UP_MS: z.coerce.number().int().positive().default(20_000),
  COMPLETION_ANSWER_MS: z.coerce.number().int().positive().default(15_000),
  INCIDENT_NOTIFY_AFTER: durationSchema.refine((v) => !/bd$/i.test(v), 'a clock duration such as "1h"').default('1h'),
  INCIDENT_WATCH_MS: z.coerce.number().int().positive().default(60_000),
  EMBEDDED_WORKER: bool.default(true),
  SUPERVISOR_RESTART_DELAY_MS: z.coerce.number().int().positive().default(1000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

/** What the embedded stack resolved at start, so `npm run api|worker` can join it. */
export const stackFileSchema = z.object({
  databaseUrl: z.string(),
  temporalAddress: z.string(),
  smtpUrl: z.string(),
  inboundSmtpPort: z.number().optional(),
  publicUrl: z.string(),
  sessionSecret: z.string(),
  pid: z.number(),
});
export type StackFile = z.infer<typeof stackFileSchema>;

export interface Config extends Env {
  dataDir: string;
  stackFile: string;
  /** Each procedure module's own settings (its settings.ts), by procedure type; an engine part's (the task digest) by its name. */
  procedures: Record<string, unknown>;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  const procedures: Record<string, unknown> = {};
  for (const module of scheduleOwners) {
    const read = readSettings(module.settings ?? {}, env);
    lines.push(...read.issues);
    procedures[module.type] = read.value;
  }
  if (!parsed.success || lines.length > 0) throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  return { ...parsed.data, dataDir, stackFile: path.join(dataDir, 'stack.json'), procedures };
}

export function readStackFile(config: Config): StackFile | undefined {
  if (!fs.existsSync(config.stackFile)) return undefined;
  return stackFileSchema.parse(JSON.parse(fs.readFileSync(config.stackFile, 'utf8')));
}

/**
 * The connection settings a separately started API or worker uses: the environment wins,
 * else the running embedded stack's file.
 */
export function resolveConnections(config: Config): {
  databaseUrl: string;
  temporalAddress: string;
  smtpUrl: string;
  publicUrl: string;
  sessionSecret: string;
  tokenSecret: string;
} {
  const stack = readStackFile(config);
  const databaseUrl = config.DATABASE_URL ?? stack?.databaseUrl;
  const temporalAddress = config.TEMPORAL_ADDRESS ?? stack?.temporalAddress;
  const smtpUrl = config.SMTP_URL ?? stack?.smtpUrl;
  const sessionSecret = config.SESSION_SECRET ?? stack?.sessionSecret;
  if (!databaseUrl || !temporalAddress || !smtpUrl || !sessionSecret) {
    throw new ConfigError(
      'No database, Temporal or SMTP to connect to: set DATABASE_URL, TEMPORAL_ADDRESS, SMTP_URL and ' +
        'SESSION_SECRET, ' +
        `or start the embedded stack first (npm start) so that ${config.stackFile} exists.`,
    );
  }
  return {
    databaseUrl,
    temporalAddress,
    smtpUrl,
    publicUrl: config.PUBLIC_URL ?? stack?.publicUrl ?? `http://localhost:${config.PORT}`,
    sessionSecret,
    tokenSecret: config.ANSWER_TOKEN_SECRET ?? deriveSecret(sessionSecret, 'answer-tokens'),
  };
}

/** A second secret from the first, so one configured value serves both purposes safely. */
export function deriveSecret(secret: string, purpose: string): string {
  return createHmac('sha256', secret).update(purpose).digest('hex');
}
