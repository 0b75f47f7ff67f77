import { z } from 'zod'

// List pages read filters from the query string; bad values fall back to defaults rather than erroring.
export const ListQuerySchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  status: z.enum(['open', 'closed', 'all']).optional().catch(undefined),
})

export function parseListQuery(request: Request) {
  const url = new URL(request.url)
  return ListQuerySchema.parse(Object.fromEntries(url.searchParams))
}
