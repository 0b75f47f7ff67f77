// Structured JSON logs. Log ids, counts and outcomes — never names, emails, addresses, free text
// or anything else about a person (the redaction list is a safety net, not permission).
import pino from 'pino'
import { getEnv } from './env.server'

export const logger = pino({
  level: process.env.NODE_ENV === 'test' ? 'silent' : getEnv().LOG_LEVEL,
  base: { service: 'waypoint' },
  redact: {
    paths: ['email', '*.email', 'password', '*.password', 'name', '*.name', 'token', '*.token', 'address', '*.address'],
    censor: '[redacted]',
  },
})
