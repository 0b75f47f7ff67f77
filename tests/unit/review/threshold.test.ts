import { describe, expect, test } from 'vitest'
import { THRESHOLD_MESSAGE, ThresholdSchema } from '~/domain/review/dashboard'

describe('the suppression threshold form', () => {
  test.each(['3', ' 7 ', '20'])('takes %j', (typed) => {
    expect(ThresholdSchema.parse({ threshold: typed }).threshold).toBe(Number(typed))
  })

  test.each([undefined, 'two', '2', '21', '4.5'])('refuses %j with one message', (typed) => {
    const parsed = ThresholdSchema.safeParse({ threshold: typed })
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([THRESHOLD_MESSAGE])
  })
})
