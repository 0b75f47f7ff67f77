import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { FORM_EXPIRED } from '~/domain/form-key'
import { ShareWithPoliceSchema } from '~/domain/sharing/requests'
import { contactFormSchema } from '~/domain/contacts/contact'
import { intentOf, parseIntent, reply } from '~/utils/submission.server'

const form = (entries: Record<string, string>) => {
  const data = new FormData()
  for (const [k, v] of Object.entries(entries)) data.append(k, v)
  return data
}

describe('a form whose hidden key is missing or empty', () => {
  test.each([
    ['empty', { organisationId: 'org-1', reason: 'She wants to report.', idempotencyKey: '' }],
    ['missing', { organisationId: 'org-1', reason: 'She wants to report.' }],
    ['made by hand', { organisationId: 'org-1', reason: 'She wants to report.', idempotencyKey: '<script>' }],
  ])('%s: the message is above the form, where the user can read it, and what they typed comes back', (_, entries) => {
    const result = reply(parseWithZod(form(entries), { schema: ShareWithPoliceSchema }))
    expect(result.error?.['']).toEqual([FORM_EXPIRED])
    expect(result.initialValue).toMatchObject({ reason: 'She wants to report.' })
  })

  test('every create form with a key says the same', () => {
    const result = reply(parseWithZod(form({ idempotencyKey: '' }), { schema: contactFormSchema() }))
    expect(result.error?.['']).toContain(FORM_EXPIRED)
  })
})

describe("a service's refusals", () => {
  const schema = z.object({ name: z.string() })
  const parsed = () => parseWithZod(form({ name: 'Amber' }), { schema })

  test('sit beside their fields; an issue without a field is about the whole form', () => {
    const result = reply(parsed(), [{ path: 'name', message: 'Taken' }, { field: '', message: 'Try later' }])
    expect(result.error).toMatchObject({ name: ['Taken'], '': ['Try later'] })
  })

  test('an issue about a hidden field (a stale version) is shown above the form', () => {
    expect(reply(parsed(), { field: 'version', message: 'Someone else changed this' }).error?.['']).toEqual(['Someone else changed this'])
  })
})

describe('intents', () => {
  test('a known intent is checked against its own schema', () => {
    const { intent, submission } = parseIntent(form({ intent: 'end', allocationId: 'a1' }), { end: z.object({ allocationId: z.string() }), add: z.object({}) })
    expect(intent).toBe('end')
    expect(submission.status).toBe('success')
  })

  test.each([['other'], ['toString'], ['']])('%j answers 400 Unknown action', (intent) => {
    let thrown: unknown
    try {
      parseIntent(form({ intent }), { end: z.object({}) })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(400)
    expect(() => intentOf(form({ intent }), ['end'])).toThrow()
  })
})
