import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'

// One boundary renders every thrown refusal (403/404 from guards) and unexpected error, as GOV.UK
// error pages do: plain words, no stack traces, no detail of the record asked for.
export function GeneralErrorBoundary() {
  const error = useRouteError()
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      return (
        <>
          <h1 className="govuk-heading-l">Page not found</h1>
          <p className="govuk-body">If you typed the web address, check it is correct.</p>
          <p className="govuk-body">If you followed a link to a record, it may not exist or you may not have a reason to see it.</p>
          <p className="govuk-body"><Link className="govuk-link" to="/">Go to your home page</Link></p>
        </>
      )
    }
    if (error.status === 403) {
      return (
        <>
          <h1 className="govuk-heading-l">You do not have permission to see this page</h1>
          <p className="govuk-body">Your role does not give you access to this part of Waypoint. Ask your manager or administrator if you need it.</p>
          <p className="govuk-body"><Link className="govuk-link" to="/">Go to your home page</Link></p>
        </>
      )
    }
    return (
      <>
        <h1 className="govuk-heading-l">{error.status === 400 ? 'There is a problem with the request' : 'Sorry, there is a problem'}</h1>
        <p className="govuk-body">{typeof error.data === 'string' && error.status < 500 ? error.data : 'Try again later.'}</p>
      </>
    )
  }
  return (
    <>
      <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p className="govuk-body">Try again later. Nothing you saved has been lost.</p>
    </>
  )
}
