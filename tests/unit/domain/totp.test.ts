// TOTP helpers: base32 encoding (RFC 4648 vectors), time-steps, the security-code schema, and
// compatibility of our parameters with @epic-web/totp (RFC 6238 SHA-1 vectors).
import { generateTOTP, getTOTPAuthUri, verifyTOTP } from '@epic-web/totp'
import fc from 'fast-check'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { base32, groupSecret, normaliseCode, SecurityCodeSchema, timeStep, TOTP, TOTP_WINDOW } from '~/domain/auth/totp'
import { newTotpSecret, totpStep } from '~/services/two-factor.server'

const bytes = (s: string) => new TextEncoder().encode(s)

describe('base32', () => {
  test('matches the RFC 4648 test vectors (without padding)', () => {
    expect(base32(bytes(''))).toBe('')
    expect(base32(bytes('f'))).toBe('MY')
    expect(base32(bytes('fo'))).toBe('MZXQ')
    expect(base32(bytes('foo'))).toBe('MZXW6')
    expect(base32(bytes('foob'))).toBe('MZXW6YQ')
    expect(base32(bytes('fooba'))).toBe('MZXW6YTB')
    expect(base32(bytes('foobar'))).toBe('MZXW6YTBOI')
  })

  test('20 random bytes give 32 characters of the base32 alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (b) => {
        expect(base32(b)).toMatch(/^[A-Z2-7]{32}$/)
      }),
    )
  })

  test('new secrets are 160-bit and different each time', () => {
    const a = newTotpSecret()
    const b = newTotpSecret()
    expect(a).toMatch(/^[A-Z2-7]{32}$/)
    expect(a).not.toBe(b)
  })
})

test('groupSecret splits a secret into groups of four for reading aloud or typing', () => {
  expect(groupSecret('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')).toBe('ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567')
  expect(groupSecret('ABCDEF')).toBe('ABCD EF')
})

test('timeStep counts 30-second periods since the epoch', () => {
  expect(timeStep(0)).toBe(0)
  expect(timeStep(29_999)).toBe(0)
  expect(timeStep(30_000)).toBe(1)
  expect(timeStep(new Date('2005-03-18T01:58:29Z'))).toBe(37037036)
})

describe('SecurityCodeSchema', () => {
  test.each([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['123-456', '123456'],
    ['012345', '012345'],
  ])('accepts %j as %j', (input, expected) => {
    expect(SecurityCodeSchema.parse(input)).toBe(expected)
  })

  test.each(['', '   ', '12345', '1234567', 'abcdef', '12345a', '１２３４５６', 'x'.repeat(1000)])('refuses %j', (input) => {
    expect(SecurityCodeSchema.safeParse(input).success).toBe(false)
  })

  test('refuses a missing value and wrong types without throwing', () => {
    for (const v of [undefined, null, 123456, {}, []]) expect(SecurityCodeSchema.safeParse(v).success).toBe(false)
  })

  test('normaliseCode drops spaces and hyphens only', () => {
    expect(normaliseCode(' 12 3-4 56\t')).toBe('123456')
    expect(normaliseCode('12a456')).toBe('12a456')
  })
})

describe('TOTP parameters', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  test('are the authenticator-app defaults (SHA-1, 6 digits, 30 s) with a window of ±1 step', () => {
    expect(TOTP).toMatchObject({ algorithm: 'SHA-1', digits: 6, period: 30 })
    expect(TOTP_WINDOW).toBe(1)
  })

  test('produce the RFC 6238 SHA-1 test vectors (last 6 digits)', async () => {
    // RFC 6238 appendix B: secret "12345678901234567890" (ASCII).
    const secret = base32(bytes('12345678901234567890'))
    const vectors: [number, string][] = [
      [59, '287082'],
      [1111111109, '081804'],
      [1111111111, '050471'],
      [1234567890, '005924'],
      [2000000000, '279037'],
    ]
    vi.useFakeTimers({ toFake: ['Date'] })
    for (const [seconds, otp] of vectors) {
      vi.setSystemTime(seconds * 1000)
      expect((await generateTOTP({ ...TOTP, secret })).otp).toBe(otp)
    }
  })

  test('the otpauth URI names Waypoint and uses the algorithm spelling apps expect', () => {
    const uri = getTOTPAuthUri({ ...TOTP, secret: 'JBSWY3DPEHPK3PXP', accountName: 'someone@test.example', issuer: 'Waypoint' })
    expect(uri).toBe('otpauth://totp/Waypoint:someone%40test.example?secret=JBSWY3DPEHPK3PXP&issuer=Waypoint&algorithm=SHA1&digits=6&period=30')
  })
})

describe('totpStep', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  const at = async (secret: string, ms: number) => {
    vi.setSystemTime(ms)
    return (await generateTOTP({ ...TOTP, secret })).otp
  }

  test('gives the time-step of a valid code, accepting one step either side for clock drift', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const secret = newTotpSecret()
    const t = Date.UTC(2026, 10, 29, 9, 15, 10)
    const step = timeStep(t)
    const previous = await at(secret, t - 30_000)
    const current = await at(secret, t)
    const next = await at(secret, t + 30_000)
    const twoAhead = await at(secret, t + 60_000)
    vi.setSystemTime(t)
    expect(await totpStep(secret, current)).toBe(step)
    expect(await totpStep(secret, previous)).toBe(step - 1)
    expect(await totpStep(secret, next)).toBe(step + 1)
    // Two steps away is too far, unless it happens to collide with a code inside the window.
    if (![previous, current, next].includes(twoAhead)) expect(await totpStep(secret, twoAhead)).toBeNull()
  })

  test('refuses malformed codes and codes for another secret', async () => {
    const secret = newTotpSecret()
    const { otp } = await generateTOTP({ ...TOTP, secret })
    expect(await totpStep(secret, '')).toBeNull()
    expect(await totpStep(secret, 'abcdef')).toBeNull()
    expect(await totpStep(secret, `${otp}0`)).toBeNull()
    const other = newTotpSecret()
    const { otp: otherOtp } = await generateTOTP({ ...TOTP, secret: other })
    if (otherOtp !== otp) expect(await totpStep(secret, otherOtp)).toBeNull()
    // A secret that is not base32 at all is simply not valid.
    expect(await verifyTOTP({ otp, secret: '!!!', ...TOTP })).toBeNull()
  })
})
