import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { fieldErrors, type SummaryError } from '~/components/forms'
import { topLevelKeys, useGovukForm } from '~/components/use-govuk-form'

/** Renders a form whose server answer refused every field, and returns its error summary. */
function summaryAfterRefusal(schema: z.ZodType<Record<string, unknown>>, error: Record<string, string[]>): SummaryError[] {
  let summary: SummaryError[] = []
  function Page() {
    const [form, fields] = useGovukForm(schema, { id: 'f', lastResult: { status: 'error', initialValue: {}, error } })
    summary = fieldErrors(fields, form.errors)
    return null
  }
  renderToString(createElement(Page))
  return summary
}

describe('useGovukForm', () => {
  test('the error summary lists every refused field, in the order the schema declares them', () => {
    const schema = z.object({ reason: z.string(), detail: z.string() })
    expect(summaryAfterRefusal(schema, { detail: ['Enter the detail'], reason: ['Select a reason'], '': ['Try again'] })).toEqual([
      { id: '', message: 'Try again' },
      { id: 'f-reason', message: 'Select a reason' },
      { id: 'f-detail', message: 'Enter the detail' },
    ])
  })

  test('lists the fields of refined, transformed and alternative schemas', () => {
    const a = z.object({ intent: z.literal('a'), x: z.string() })
    const b = z.object({ intent: z.literal('b'), y: z.string() })
    expect(topLevelKeys(a.superRefine(() => {}).transform((v) => v))).toEqual(['intent', 'x'])
    expect(topLevelKeys(z.discriminatedUnion('intent', [a, b]))).toEqual(['intent', 'x', 'y'])
    expect(topLevelKeys(z.preprocess((v) => v, a))).toEqual(['intent', 'x'])
  })
})
