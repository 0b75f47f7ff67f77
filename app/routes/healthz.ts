import type { LoaderFunctionArgs } from '@remix-run/node'
import { db } from '~/services/db.server'

// Liveness and database reachability for load balancers and the test server. No authentication:
// it reveals nothing but whether the database answers.
export async function loader(_: LoaderFunctionArgs) {
  try {
    const prisma = await db()
    await prisma.$queryRaw`SELECT 1`
    return Response.json({ status: 'ok', database: 'reachable' }, { headers: { 'Cache-Control': 'no-store' } })
  } catch {
    return Response.json({ status: 'error', database: 'unreachable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
  }
}
