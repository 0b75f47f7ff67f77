import type { ReactNode } from 'react'
import { formatDate } from '~/utils/format'

// MOJ Frontend timeline pattern. Corrected (superseded) entries stay visible, struck through, with
// the correction that replaced them — the journal is never silently rewritten.
export interface TimelineItem {
  id: string
  title: string
  occurredAt: Date | string
  byline?: string
  description?: ReactNode
  superseded?: boolean
  correctionReason?: string | null
}

export function Timeline({ items, headingLevel = 3, testId }: { items: readonly TimelineItem[]; headingLevel?: 2 | 3 | 4; testId?: string }) {
  const Heading = `h${headingLevel}` as const
  if (items.length === 0) return <p className="govuk-body">Nothing recorded yet.</p>
  return (
    <div className="moj-timeline" data-testid={testId}>
      {items.map((item) => (
        <div key={item.id} className="moj-timeline__item" data-superseded={item.superseded ? 'true' : undefined}>
          <div className="moj-timeline__header">
            <Heading className="moj-timeline__title">
              {item.superseded ? (
                <>
                  <del>{item.title}</del> <strong className="govuk-tag govuk-tag--grey">Corrected</strong>
                </>
              ) : (
                item.title
              )}
            </Heading>
            {/* MOJ's template separates the inline title and byline with whitespace, which JSX drops. */}
            {item.byline ? (
              <>
                {' '}
                <p className="moj-timeline__byline">by {item.byline}</p>
              </>
            ) : null}
          </div>
          <p className="moj-timeline__date">
            <time dateTime={new Date(item.occurredAt).toISOString()}>{formatDate(item.occurredAt)}</time>
          </p>
          {item.description || item.correctionReason ? (
            <div className="moj-timeline__description">
              {item.correctionReason ? <p className="govuk-body-s">Correction: {item.correctionReason}</p> : null}
              {item.description}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  )
}
