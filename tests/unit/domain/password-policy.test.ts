import { describe, expect, test } from 'vitest'
import { NewPasswordSchema, PASSWORD_MAX, PASSWORD_MIN } from '~/domain/auth/password-policy'

const message = (value: unknown) => {
  const result = NewPasswordSchema.safeParse(value)
  return result.success ? null : result.error.issues[0]!.message
}

describe('NewPasswordSchema (NCSC: length, no common passwords, a maximum)', () => {
  test('accepts a long passphrase, with no complexity rules', () => {
    expect(message('correct horse battery staple')).toBeNull()
    expect(message('a'.repeat(PASSWORD_MIN))).toBeNull()
    expect(message('x'.repeat(PASSWORD_MAX))).toBeNull()
  })

  test('refuses one character too short or too long with the GOV.UK message', () => {
    expect(message('a'.repeat(PASSWORD_MIN - 1))).toBe(`Password must be ${PASSWORD_MIN} characters or more`)
    expect(message('a'.repeat(PASSWORD_MAX + 1))).toBe(`Password must be ${PASSWORD_MAX} characters or fewer`)
  })

  test('refuses common passwords whatever their case', () => {
    expect(message('password1234')).toBe('Choose a password that is harder to guess')
    expect(message('PassWord1234')).toBe('Choose a password that is harder to guess')
  })

  test('a missing or non-string value gets "Enter a new password"', () => {
    expect(message(undefined)).toBe('Enter a new password')
    expect(message(12345678901234)).toBe('Enter a new password')
  })
})
