import { describe, expect, test } from 'vitest'
import { parseEnv as parseProcessEnv } from '~/services/env.server'

// Remix's types make NODE_ENV required on ProcessEnv; these tests pass partial environments.
const parseEnv = (source: Record<string, string>) => parseProcessEnv(source as NodeJS.ProcessEnv)

const errorOf = (source: Record<string, string>) => {
  try {
    parseEnv(source)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected parseEnv to throw')
}

describe('parseEnv', () => {
  test('an empty environment gives the documented defaults', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATA_DIR: './data',
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_MINUTES: 720,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: 5,
      DEMO_MODE: false,
      TRUST_PROXY: false,
    })
    expect(env.DATABASE_URL).toBeUndefined()
  })

  test('reads and coerces values', () => {
    const env = parseEnv({
      PORT: '3100',
      DATABASE_URL: 'postgresql://app@db.internal:5432/waypoint',
      SESSION_IDLE_MINUTES: '15',
      DEMO_MODE: 'true',
      LOG_LEVEL: 'warn',
    })
    expect(env.PORT).toBe(3100)
    expect(env.DATABASE_URL).toBe('postgresql://app@db.internal:5432/waypoint')
    expect(env.SESSION_IDLE_MINUTES).toBe(15)
    expect(env.DEMO_MODE).toBe(true)
    expect(env.LOG_LEVEL).toBe('warn')
  })

  test.each([
    ['PORT', 'not-a-number'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://db/waypoint'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_ABSOLUTE_MINUTES', '-5'],
    ['LOGIN_MAX_FAILURES_PER_ACCOUNT', '2.5'],
    ['DEMO_MODE', 'yes'],
    ['NODE_ENV', 'staging'],
    ['APP_URL', 'not a url'],
    ['LOG_LEVEL', 'loud'],
    ['SESSION_SECRET', 'short'],
  ])('a bad %s (%j) gives a message naming the variable', (name, value) => {
    const message = errorOf({ [name]: value })
    expect(message).toContain('Invalid configuration')
    expect(message).toMatch(new RegExp(`^\\s+${name}: `, 'm'))
  })

  test('every bad variable is named at once', () => {
    const message = errorOf({ PORT: 'x', DEMO_MODE: 'maybe' })
    expect(message).toMatch(/^\s+PORT: /m)
    expect(message).toMatch(/^\s+DEMO_MODE: /m)
  })

  test('production without SESSION_SECRET is refused unless in demo mode', () => {
    expect(errorOf({ NODE_ENV: 'production' })).toMatch(/SESSION_SECRET: required in production/)
    expect(() => parseEnv({ NODE_ENV: 'production', DEMO_MODE: 'true' })).not.toThrow()
    expect(() => parseEnv({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), APP_URL: 'https://waypoint.example' })).not.toThrow()
  })

  test('production without APP_URL is refused unless in demo mode, which serves on localhost', () => {
    expect(errorOf({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) })).toMatch(/APP_URL: required in production/)
    expect(errorOf({ NODE_ENV: 'production', DEMO_MODE: 'true', RESEND_API_KEY: 're_x' })).toMatch(/APP_URL: required in production/)
    expect(parseEnv({ NODE_ENV: 'production', DEMO_MODE: 'true', PORT: '4100' }).APP_URL).toBe('http://localhost:4100')
  })

  test('APP_URL is the address links are built from: as configured, or localhost on PORT', () => {
    expect(parseEnv({ APP_URL: 'https://waypoint.example.gov.uk/' }).APP_URL).toBe('https://waypoint.example.gov.uk')
    expect(parseEnv({ PORT: '3100' }).APP_URL).toBe('http://localhost:3100')
  })
})
