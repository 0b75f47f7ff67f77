// The scenario file read by `npm run -s entitlements -- <scenario.json>`: the
// engine's input as JSON. Every message names the bad field, e.g.
// `events[0].at: must be an ISO date-time`. Pure.
import { z } from 'zod'
import { EVENT_TYPE_IDS } from '~/domain/journey/events'
import type { EntitlementsInput } from './engine'
import { MANUAL_GROUNDS, OFFENCE_CATEGORIES } from './rules'

const ISO_DATE_TIME = 'must be an ISO date-time with a time zone, e.g. 2026-12-30T09:00:00Z'
const ISO_DATE = 'must be a date written YYYY-MM-DD'

/** A message for every issue of a field, "is required" when the field is missing. */
const msg = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message)

// zod checks the calendar (no 30 February) and the clock (no 24:00) as well as the form.
const dateTime = () => z.iso.datetime({ offset: true, error: msg(ISO_DATE_TIME) })
const date = () => z.iso.date({ error: msg(ISO_DATE) })
const oneOf = (values: readonly string[]) => z.enum(values as [string, ...string[]], { error: msg(`must be one of ${values.join(', ')}`) })
const text = () => z.string({ error: msg('must be a string') }).trim().min(1, { error: 'must not be empty' })

const EventSchema = z.object(
  {
    id: text(),
    type: oneOf(EVENT_TYPE_IDS),
    at: dateTime(),
    receivedAt: dateTime().optional(),
    defendant: text().optional(),
    data: z
      .looseObject(
        {
          custodyMonths: z.number({ error: 'must be a number' }).nonnegative({ error: 'must not be negative' }).optional(),
          violentOrSexual: z.boolean({ error: 'must be true or false' }).optional(),
        },
        { error: msg('must be an object') },
      )
      .optional(),
  },
  { error: msg('must be an object') },
)

const ContactSchema = z.object(
  {
    at: dateTime(),
    about: z.array(text(), { error: msg('must be a list of event ids') }),
  },
  { error: msg('must be an object') },
)

export const ScenarioSchema = z
  .object(
    {
      asOf: dateTime(),
      victim: z.object(
        {
          dateOfBirth: date(),
          grounds: z.array(oneOf(MANUAL_GROUNDS), { error: msg('must be a list') }).default([]),
        },
        { error: msg('must be an object') },
      ),
      case: z.object(
        {
          offenceCategory: oneOf(OFFENCE_CATEGORIES),
          offenceDate: date(),
        },
        { error: msg('must be an object') },
      ),
      events: z.array(EventSchema, { error: msg('must be a list') }).default([]),
      contacts: z.array(ContactSchema, { error: msg('must be a list') }).default([]),
    },
    { error: msg('must be an object') },
  )
  .superRefine((s, ctx) => {
    const seen = new Set<string>()
    s.events.forEach((e, i) => {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: ['events', i, 'id'], message: `duplicates another event's id "${e.id}"` })
      seen.add(e.id)
    })
  })

export type Scenario = z.infer<typeof ScenarioSchema>

export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`
    else out += out ? `.${String(p)}` : String(p)
  }
  return out || '(file)'
}

export type ScenarioResult = { ok: true; scenario: EntitlementsInput } | { ok: false; errors: string[] }

/** Validate a parsed JSON value; errors read "<field>: <message>". */
export function parseScenario(value: unknown): ScenarioResult {
  const parsed = ScenarioSchema.safeParse(value)
  if (parsed.success) return { ok: true, scenario: parsed.data }
  return { ok: false, errors: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) }
}

/** Parse the text of a scenario file (JSON first, then the schema). */
export function parseScenarioText(text: string): ScenarioResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    return { ok: false, errors: [`(file): not valid JSON — ${e instanceof Error ? e.message : String(e)}`] }
  }
  return parseScenario(value)
}
