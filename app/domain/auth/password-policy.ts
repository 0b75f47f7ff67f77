import { z } from 'zod'

// NCSC guidance: length over complexity rules, block common passwords, cap the length so hashing
// cannot be used to exhaust the server.
export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 128

const COMMON = new Set([
  'password1234', 'passwordpassword', '123456789012', 'qwertyuiop12', 'letmein12345',
  'welcome12345', 'iloveyou1234', 'password123!', 'changeme1234', 'administrator',
])

export const NewPasswordSchema = z
  .string({ error: 'Enter a new password' })
  .min(PASSWORD_MIN, `Password must be ${PASSWORD_MIN} characters or more`)
  .max(PASSWORD_MAX, `Password must be ${PASSWORD_MAX} characters or fewer`)
  .refine((p) => !COMMON.has(p.toLowerCase()), 'Choose a password that is harder to guess')

/** How long one-time links stay valid: a reset link, and the first-password link for a new account. */
export const RESET_MINUTES = 30
export const SET_PASSWORD_HOURS = 72
