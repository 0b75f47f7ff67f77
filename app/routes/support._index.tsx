import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/button'
import { Select } from '~/components/forms'
import { SERVICE_TYPES } from '~/domain/support/referrals'
import { requireRole } from '~/services/auth.server'
import { listDirectory } from '~/services/support-directory.server'

export const meta: MetaFunction = () => [{ title: 'Support services – Waypoint' }]

const ROLES = ['advocate', 'officer', 'cps_liaison', 'manager'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES)
  const serviceType = new URL(request.url).searchParams.get('service') ?? ''
  return { directory: await listDirectory({ serviceType }), serviceType, canManage: user.role === 'manager' }
}

export default function SupportDirectory() {
  const { directory, serviceType, canManage } = useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="govuk-heading-l">Support services</h1>
      <p className="govuk-body">
        Voluntary-sector and health organisations in the partnership and the services they offer. Refer a young person from their record (“Refer to a support
        service”).
      </p>
      {canManage ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/support/services">
            Change the services your organisation offers
          </Link>
        </p>
      ) : null}
      <Form method="get" className="app-filter-form">
        <Select
          name="service"
          label="Service"
          defaultValue={serviceType}
          placeholder="All services"
          options={SERVICE_TYPES.map((s) => ({ value: s.id, label: s.label }))}
        />
        <Button variant="secondary">Show organisations</Button>
      </Form>
      {directory.length === 0 ? (
        <p className="govuk-body" data-testid="directory-empty">
          No organisation offers {serviceType ? 'this service' : 'support services'} yet.
        </p>
      ) : (
        <ul className="govuk-list" data-testid="support-directory">
          {directory.map((org) => (
            <li key={org.id} data-testid="directory-organisation">
              <h2 className="govuk-heading-m govuk-!-margin-bottom-2">{org.name}</h2>
              <dl className="govuk-summary-list govuk-!-margin-bottom-7">
                {org.services.map((s) => (
                  <div className="govuk-summary-list__row" key={s.serviceType}>
                    <dt className="govuk-summary-list__key">{s.label}</dt>
                    <dd className="govuk-summary-list__value">{s.description ?? ''}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
