import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireUser } from '~/services/auth.server'

export const meta: MetaFunction = () => [{ title: 'Home – Waypoint' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { role: user.role, name: user.name }
}

export default function Home() {
  const { name } = useLoaderData<typeof loader>()
  return <h1 className="govuk-heading-l">Welcome, {name}</h1>
}
