// UK telephone numbers as people write them: digits with spaces, hyphens, brackets and a leading +.
// A landline or mobile is 10 or 11 digits (01632 960 001, 07700 900 982); with +44,
// 12 or 13 digits.
import { z } from 'zod'

export const PHONE_MESSAGE = 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192'

const SHAPE = /^\+?[\d\s()-]+$/

export function isUkPhoneNumber(value: string): boolean {
  if (!SHAPE.test(value)) return false
  const digits = value.replace(/\D/g, '').length
  return digits >= 10 && digits <= 13
}

/** An optional phone field: blank is null; anything else must look like a UK number. */
export const optionalPhone = (label: string) =>
  z
    .string()
    .trim()
    .max(40, `${label} must be 40 characters or fewer`)
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isUkPhoneNumber(v), PHONE_MESSAGE)
