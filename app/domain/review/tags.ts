// Lesson tags for case reviews: a fixed list so lessons can be counted across
// cases on the review dashboard. Pure.
import { z } from 'zod'

export const REVIEW_TAGS = [
  { id: 'early-advocate', label: 'Early advocate (ISVA) involvement' },
  { id: 'abe-quality', label: 'ABE interview quality' },
  { id: 'delay', label: 'Delay' },
  { id: 'special-measures', label: 'Special measures' },
  { id: 'intermediary', label: 'Intermediary' },
  { id: 'disclosure', label: 'Disclosure' },
  { id: 'victim-engagement', label: 'Victim engagement' },
  { id: 'multi-agency', label: 'Multi-agency working' },
  { id: 'bail-conditions', label: 'Bail conditions' },
  { id: 'other', label: 'Other' },
] as const
export type ReviewTag = (typeof REVIEW_TAGS)[number]['id']
const TAG_IDS = REVIEW_TAGS.map((t) => t.id) as [ReviewTag, ...ReviewTag[]]

export function reviewTagLabel(id: string): string {
  return REVIEW_TAGS.find((t) => t.id === id)?.label ?? id
}

const MAX = 5000
const optionalText = (what: string) => z.string().trim().max(MAX, `${what} must be ${MAX} characters or fewer`).optional()
const requiredText = (missing: string, what: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(MAX, `${what} must be ${MAX} characters or fewer`)
/** The chosen tags, once each, in the order of the list (whatever order the form sent them in). */
const tags = z
  .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(TAG_IDS, { error: 'Select a tag from the list' })))
  .transform((chosen) => TAG_IDS.filter((id) => chosen.includes(id)))

/** Saving a draft: everything optional. */
export const ReviewDraftSchema = z.object({
  version: z.coerce.number().int().min(1),
  helped: optionalText('What helped'),
  hindered: optionalText('What hindered'),
  lessons: optionalText('Lessons learned'),
  tags,
})
export type ReviewDraft = z.infer<typeof ReviewDraftSchema>

/** Signing off: what helped, what hindered, lessons learned and at least one tag. */
export const ReviewSignOffSchema = z.object({
  version: z.coerce.number().int().min(1),
  helped: requiredText('Enter what helped the case', 'What helped'),
  hindered: requiredText('Enter what hindered the case', 'What hindered'),
  lessons: requiredText('Enter the lessons learned', 'Lessons learned'),
  tags: tags.pipe(z.array(z.enum(TAG_IDS)).min(1, 'Select at least one tag for the lessons learned')),
})
