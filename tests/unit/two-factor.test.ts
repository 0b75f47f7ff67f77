// The code-checking core of two-factor sign-in (app/services/two-factor.server.ts), with no
// database: new secrets, and totpStep against codes made by @epic-web/totp exactly as an
// authenticator app makes them (SHA-1, 6 digits, 30 s). The clock is faked (Date only) so every
// case is at a known moment, including the edges of a time-step.
import { generateTOTP } from '@epic-web/totp'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { base32, timeStep } from '~/domain/auth/totp'
import { newTotpSecret, totpStep } from '~/services/two-factor.server'

const APP = { period: 30, digits: 6, algorithm: 'SHA-1' } as const
const T = Date.UTC(2026, 10, 29, 9, 15, 10) // 10 s into a time-step
const STEP = timeStep(T)

/** Decodes unpadded RFC 4648 base32 (only to check what newTotpSecret encodes). */
function decodeBase32(s: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = 0
  let value = 0
  const out: number[] = []
  for (const c of s) {
    value = (value << 5) | alphabet.indexOf(c)
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return new Uint8Array(out)
}

/** The code an authenticator app shows at `ms`. */
async function appCode(secret: string, ms: number, options: Partial<{ algorithm: string; digits: number }> = {}) {
  vi.setSystemTime(ms)
  return (await generateTOTP({ ...APP, ...options, secret })).otp
}

/** totpStep as the server runs it at `ms`. */
function checkAt(secret: string, code: string, ms: number) {
  vi.setSystemTime(ms)
  return totpStep(secret, code)
}

/** A 6-digit code that is none of `codes`. */
function otherThan(codes: string[]): string {
  for (let n = 0; ; n += 111_111) {
    const c = String(n % 1_000_000).padStart(6, '0')
    if (!codes.includes(c)) return c
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('newTotpSecret', () => {
  test('is 32 base32 characters: 160 random bits, as authenticator apps expect', () => {
    const secret = newTotpSecret()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    const bytes = decodeBase32(secret)
    expect(bytes).toHaveLength(20)
    expect(base32(bytes)).toBe(secret)
  })

  test('is different every time', () => {
    const secrets = new Set(Array.from({ length: 200 }, () => newTotpSecret()))
    expect(secrets.size).toBe(200)
  })

  test('is usable by @epic-web/totp straight away', async () => {
    const { otp } = await generateTOTP({ ...APP, secret: newTotpSecret() })
    expect(otp).toMatch(/^\d{6}$/)
  })
})

describe('totpStep', () => {
  test('accepts the code an app shows now and answers its time-step', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const secret = newTotpSecret()
    const code = await appCode(secret, T)
    expect(await checkAt(secret, code, T)).toBe(STEP)
  })

  test('accepts a real RFC 6238 SHA-1 code (appendix B, T = 59 s → 287082, step 1)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const secret = base32(new TextEncoder().encode('12345678901234567890'))
    expect(await checkAt(secret, '287082', 59_000)).toBe(1)
    expect(await checkAt(secret, '005924', 1_234_567_890_000)).toBe(timeStep(1_234_567_890_000))
  })

  test('allows one step of clock drift either way and answers the step the code belongs to', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const secret = newTotpSecret()
    const previous = await appCode(secret, T - 30_000)
    const current = await appCode(secret, T)
    const next = await appCode(secret, T + 30_000)
    if (previous !== current) expect(await checkAt(secret, previous, T)).toBe(STEP - 1)
    if (next !== current && next !== previous) expect(await checkAt(secret, next, T)).toBe(STEP + 1)
  })

  test('a code read in the last moment of its step still works just after the step changes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const secret = newTotpSecret()
    const stepEnd = (STEP + 1) * 30_000 - 1
    const code = await appCode(secret, stepEnd)
    expect(await checkAt(secret, code, stepEnd + 2)).toBe(STEP)
  })

  test('refuses codes more than one step old or ahead', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const secret = newTotpSecret()
    const window = await Promise.all([-1, 0, 1].map((d) => appCode(secret, T + d * 30_000)))
    for (const d of [-10, -2, 2, 10]) {
      const far = await appCode(secret, T + d * 30_000)
      // A far code that happens to equal one inside the window (1 in 10^6 per step) proves nothing.
      if (!window.includes(far)) expect(await checkAt(secret, far, T), `code from ${d} steps away`).toBeNull()
    }
  })

  test('refuses a wrong code, and the right code for another secret', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const secret = newTotpSecret()
    const window = await Promise.all([-1, 0, 1].map((d) => appCode(secret, T + d * 30_000)))
    expect(await checkAt(secret, otherThan(window), T)).toBeNull()
    const other = await appCode(newTotpSecret(), T)
    if (!window.includes(other)) expect(await checkAt(secret, other, T)).toBeNull()
  })

  test('is SHA-1 with 6 digits: codes made with other settings are refused', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const secret = newTotpSecret()
    const window = await Promise.all([-1, 0, 1].map((d) => appCode(secret, T + d * 30_000)))
    const sha256 = await appCode(secret, T, { algorithm: 'SHA-256' })
    if (!window.includes(sha256)) expect(await checkAt(secret, sha256, T)).toBeNull()
    expect(await checkAt(secret, await appCode(secret, T, { digits: 8 }), T)).toBeNull()
  })

  test.each([
    ['empty', ''],
    ['five digits', '12345'],
    ['seven digits', '1234567'],
    ['letters', 'abcdef'],
    ['a letter among digits', '12345a'],
    ['spaces around', ' 123456 '],
    ['spaced (normalised by the form, not here)', '123 456'],
    ['full-width digits', '１２３４５６'],
    ['a sign', '-12345'],
    ['a decimal', '12345.'],
    ['very long', '1'.repeat(10_000)],
  ])('refuses a malformed code (%s) without throwing', async (_name, code) => {
    await expect(totpStep(newTotpSecret(), code)).resolves.toBeNull()
  })

  test('a malformed code is refused even where its digits would be right', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const secret = newTotpSecret()
    const code = await appCode(secret, T)
    for (const variant of [` ${code}`, `${code} `, `${code.slice(0, 3)} ${code.slice(3)}`, `${code}\n`]) {
      expect(await checkAt(secret, variant, T), JSON.stringify(variant)).toBeNull()
    }
  })

  // (An empty secret never gets here: callers treat '' and null alike as "no two-factor".)
  test('a secret that is not base32 never accepts anything and does not throw', async () => {
    for (const secret of ['!!!!', 'not base32 at all', '0189']) {
      await expect(totpStep(secret, '123456')).resolves.toBeNull()
    }
  })
})
