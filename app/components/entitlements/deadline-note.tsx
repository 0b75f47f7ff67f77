// "Deadline to be confirmed locally": shown beside a rule whose deadline the
// Victims' Code reference marks [P] partly confirmed or [U] unconfirmed
// (deadlineNeedsLocalConfirmation in app/domain/entitlements/rules.ts). A span styled as a small
// GOV.UK hint, so it fits inside a table cell, a summary list value or a paragraph.
export function DeadlineToBeConfirmed({ className, testId = 'deadline-to-be-confirmed' }: { className?: string; testId?: string }) {
  return (
    <span
      className={`govuk-hint govuk-!-font-size-16 govuk-!-display-block govuk-!-margin-bottom-0${className ? ` ${className}` : ''}`}
      data-testid={testId}
    >
      Deadline to be confirmed locally
    </span>
  )
}

const days = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`

/** A rule's deadline for victims with enhanced rights and for everyone else, one per line. */
export function DeadlineDays({ enhancedDays, standardDays }: { enhancedDays: number; standardDays: number }) {
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      <li>Enhanced: {days(enhancedDays)}</li>
      <li>Standard: {days(standardDays)}</li>
    </ul>
  )
}
