import { parseWithZod } from '@conform-to/zod/v4'
import { expect, test } from 'vitest'
import { JourneyEventInputSchema } from '~/domain/journey/events'

const form = (entries: [string, string][]) => {
  const f = new FormData()
  for (const [k, v] of entries) f.append(k, v)
  return f
}

test('a bail form parses through Conform into typed input', () => {
  const s = parseWithZod(form([['type', 'suspect_bailed'], ['occurredAt', '2026-11-10'], ['defendantId', 'def-1'], ['details.bailEndDate', '2027-01-01'], ['details.conditions', ''], ['details.victimViewsSought', 'on']]), { schema: JourneyEventInputSchema })
  expect(s.status).toBe('success')
  if (s.status === 'success') expect(s.value).toMatchObject({ type: 'suspect_bailed', occurredAt: new Date('2026-11-10'), details: { bailEndDate: new Date('2027-01-01'), victimViewsSought: true } })
})

test('a charge form with an empty date and charges list', () => {
  const s = parseWithZod(form([['type', 'suspect_charged'], ['occurredAt', ''], ['defendantId', 'def-1'], ['details.charges[0].offence', 'Sexual activity with a child'], ['details.remandStatus', 'custody']]), { schema: JourneyEventInputSchema })
  expect(s.status).toBe('error')
  expect(s.reply().error).toEqual({ occurredAt: ['Enter the date of the charge'] })
})

test('yes/no as an unticked checkbox and a number field', () => {
  const s = parseWithZod(form([['type', 'sentenced'], ['occurredAt', '2026-11-10'], ['defendantId', 'def-1'], ['details.custodyMonths', '18']]), { schema: JourneyEventInputSchema })
  expect(s.status).toBe('success')
  const abe = parseWithZod(form([['type', 'abe_interview'], ['occurredAt', '2026-11-10'], ['victimId', 'v'], ['details.interviewer', 'DC Example']]), { schema: JourneyEventInputSchema })
  expect(abe.reply().error).toEqual({ 'details.intermediaryPresent': ['Select yes if an intermediary was present'] })
})

test('GOV.UK yes/no radios send yes or no', () => {
  const base: [string, string][] = [['type', 'abe_interview'], ['occurredAt', '2026-11-10'], ['victimId', 'v'], ['details.interviewer', 'DC Example']]
  const no = parseWithZod(form([...base, ['details.intermediaryPresent', 'no']]), { schema: JourneyEventInputSchema })
  expect(no.status === 'success' && no.value.type === 'abe_interview' && no.value.details.intermediaryPresent).toBe(false)
  const yes = parseWithZod(form([...base, ['details.intermediaryPresent', 'yes']]), { schema: JourneyEventInputSchema })
  expect(yes.status === 'success' && yes.value.type === 'abe_interview' && yes.value.details.intermediaryPresent).toBe(true)
  const odd = parseWithZod(form([...base, ['details.intermediaryPresent', 'maybe']]), { schema: JourneyEventInputSchema })
  expect(odd.reply().error).toEqual({ 'details.intermediaryPresent': ['Select yes if an intermediary was present'] })
})
