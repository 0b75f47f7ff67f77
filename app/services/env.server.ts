// Configuration from environment variables, validated once at start-up. Every variable is
// documented in .env.example; a bad value stops the process with a message naming it.
import { z } from 'zod'

const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SESSION_IDLE_MINUTES: minutes(30),
  SESSION_ABSOLUTE_MINUTES: minutes(12 * 60),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_WINDOW_MINUTES: minutes(15),
  LOGIN_LOCKOUT_MINUTES: minutes(15),
  DEMO_MODE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  APP_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().min(3).default('Waypoint <no-reply@waypoint.example>'),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  // in-process: this process sends the outbox and runs the reminder scheduler (the default; needed
  // on the embedded database, which one process owns). off: a separate `npm run worker` does it.
  BACKGROUND_JOBS: z.enum(['in-process', 'off']).default('in-process'),
  EMAIL_WORKER_INTERVAL_SECONDS: z.coerce.number().int().positive().default(5),
  // One send gives up after this; the row is retried later with backoff.
  EMAIL_SEND_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  SCHEDULER_INTERVAL_MINUTES: z.coerce.number().int().positive().default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
})

/** APP_URL is always known once parsed: set, or the local address outside production. */
export type Env = Omit<z.infer<typeof schema>, 'APP_URL'> & { APP_URL: string }

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration (see .env.example):\n${lines.join('\n')}`)
  }
  const env = parsed.data
  const production = env.NODE_ENV === 'production'
  const missing: string[] = []
  // Links in emails are built only from APP_URL, never from a request's Host header (which a client
  // controls), so production must say where it is served. The demo and development serve locally.
  if (production && !env.APP_URL && (env.RESEND_API_KEY || !env.DEMO_MODE)) {
    missing.push('  APP_URL: required in production — the public address of the service, e.g. https://waypoint.example.gov.uk')
  }
  if (production && !env.SESSION_SECRET && !env.DEMO_MODE) missing.push('  SESSION_SECRET: required in production')
  if (missing.length) throw new Error(`Invalid configuration (see .env.example):\n${missing.join('\n')}`)
  return { ...env, APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '') }
}

let cached: Env | undefined
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}
