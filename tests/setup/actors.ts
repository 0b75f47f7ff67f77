// What integration tests repeat: a created user as the services' actor, and the HTTP status a
// service call ends with (services throw Responses for 403/404; 200 when it returns).
import type { Actor } from '~/domain/access/policy'

export type TestActor = Actor & { email: string }

export const actor = (u: { id: string; role: string; organisationId: string; email: string }): TestActor => ({ ...u, role: u.role as TestActor['role'] })

export async function status(fn: () => Promise<unknown>): Promise<number> {
  try {
    await fn()
    return 200
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}
