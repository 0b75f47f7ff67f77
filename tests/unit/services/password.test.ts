import { describe, expect, test } from 'vitest'
import { hashPassword, verifyAgainstDummy, verifyPassword } from '~/services/password.server'

describe('password hashing (argon2id)', () => {
  test('hashes with argon2id at the OWASP minimum parameters, salted', async () => {
    const a = await hashPassword('correct horse battery staple')
    const b = await hashPassword('correct horse battery staple')
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain('correct horse')
  })

  test('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple')
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true)
    expect(await verifyPassword(stored, 'correct horse battery stapl')).toBe(false)
    expect(await verifyPassword(stored, '')).toBe(false)
  })

  test('handles unicode passwords', async () => {
    const stored = await hashPassword('pässwörd-🔑-密码-long-enough')
    expect(await verifyPassword(stored, 'pässwörd-🔑-密码-long-enough')).toBe(true)
    expect(await verifyPassword(stored, 'passwörd-🔑-密码-long-enough')).toBe(false)
  })

  test('a malformed or foreign stored hash gives false, never an exception', async () => {
    for (const bad of ['', 'not-a-hash', '$argon2id$v=19$m=19456,t=2,p=1$broken', '$2b$10$abcdefghijklmnopqrstuuMQ0cE1NgpvQ0fK1Bv1I2rQzX0v8i9y2']) {
      await expect(verifyPassword(bad, 'anything')).resolves.toBe(false)
    }
  })

  test('verifyAgainstDummy always answers false (timing equaliser for unknown accounts)', async () => {
    await expect(verifyAgainstDummy('waypoint-timing-equaliser')).resolves.toBe(false)
    await expect(verifyAgainstDummy('anything')).resolves.toBe(false)
  })
})
