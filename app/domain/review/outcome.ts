// How a finalised case ended for each defendant: shared by the finalisation rules and the factors.
export type ReviewOutcome = 'successful' | 'unsuccessful' | 'no_prosecution'

/** How one defendant's path ended. */
export interface DefendantFactor {
  id: string
  label: string
  /** Event type or case outcome id, e.g. 'guilty_plea', 'suspect_released_nfa', 'cps_no_charge_decision'. */
  outcomeCode: string
  outcomeLabel: string
  /** true: convicted; false: prosecuted and not convicted; null: never prosecuted (police/CPS disposal). */
  conviction: boolean | null
  /** Reason group for an unsuccessful prosecution (UNSUCCESSFUL_REASONS id) or a CPS no-charge reason. */
  unsuccessfulReason?: string
  /** Home Office outcome code where recorded (police disposals). */
  homeOfficeOutcome?: string
}
