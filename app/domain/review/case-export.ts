// The case-level review export: one row per finalised case with its extracted
// factors, for analysts who may see those cases. Pure. No victim, no defendant names and no free
// text (the reviewer's findings stay on the review page): the crime reference and CPS URN identify
// the case to people already allowed to open it.
import { BINARY_FACTORS, reviewOutcomeLabel, type ReviewFactors } from './factors'
import { reviewTagLabel } from './tags'

export interface ReviewExportRow {
  crimeReference: string
  cpsUrn: string | null
  finalisedAt: Date
  outcome: string
  status: string
  signedOffAt: Date | null
  tags: readonly string[]
  factors: ReviewFactors | null
}

const DAYS = [
  ['abeInterview', 'ABE interview'],
  ['arrest', 'arrest'],
  ['fileToCps', 'file to CPS'],
  ['charge', 'charge'],
  ['firstHearing', 'first hearing'],
  ['trial', 'trial'],
  ['outcome', 'outcome'],
] as const

export const REVIEW_EXPORT_HEADER: readonly string[] = [
  'Crime reference',
  'CPS URN',
  'Finalised on',
  'Outcome',
  'Review',
  'Signed off on',
  ...DAYS.map(([, label]) => `Days from report to ${label}`),
  'Hearings',
  'Adjournments',
  'Ineffective trials',
  'Special measures applied for (count)',
  'Special measures granted (count)',
  'Follow-up visits',
  'Contacts',
  'Entitlements met on time',
  'Entitlements met late',
  'Entitlements missed',
  'Victim withdrew support at stage',
  ...BINARY_FACTORS.map((f) => f.label),
  'Lesson tags',
]

/** One cell of the export: text, a count, or blank. */
export type ExportCell = string | number | null

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)
const yesNo = (b: boolean) => (b ? 'Yes' : 'No')

export function reviewExportRow(r: ReviewExportRow): ExportCell[] {
  const f = r.factors
  const head = [r.crimeReference, r.cpsUrn, isoDay(r.finalisedAt), reviewOutcomeLabel(r.outcome), r.status === 'signed_off' ? 'Signed off' : 'Awaiting review', isoDay(r.signedOffAt)]
  const tags = r.tags.map(reviewTagLabel).join('; ')
  // A review whose factors cannot be read (an older shape) still lists the case, with the factors blank.
  if (!f) return [...head, ...Array<ExportCell>(REVIEW_EXPORT_HEADER.length - head.length - 1).fill(null), tags]
  return [
    ...head,
    ...DAYS.map(([key]) => f.daysFromReport[key]),
    f.hearings,
    f.adjournments,
    f.ineffectiveTrials,
    f.specialMeasures.filter((m) => m.applied).length,
    f.specialMeasures.filter((m) => m.granted === true).length,
    f.followUpVisits,
    f.contacts,
    f.entitlements.metOnTime,
    f.entitlements.metLate,
    f.entitlements.missed,
    f.victimWithdrewSupport.withdrew ? (f.victimWithdrewSupport.stage ?? 'Unknown') : null,
    ...BINARY_FACTORS.map((b) => yesNo(b.read(f))),
    tags,
  ]
}
