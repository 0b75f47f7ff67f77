// govuk-frontend ships no type declarations; Waypoint uses only initAll (app/entry.client.tsx).
declare module 'govuk-frontend' {
  /** Initialises every GOV.UK Frontend component found on the page (data-module="govuk-…"). */
  export function initAll(config?: Record<string, unknown>): void
}
