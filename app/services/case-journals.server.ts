// The journals of a victim's cases for one page view. The victim page's visits, support and
// entitlement sections each need every event of the victim's cases; inside withReadCache they share
// one read instead of three (measured: the victim page spent most of its time turning query results
// into objects, docs/performance.md). The arrays are shared: callers must not change them.
import { JOURNAL_SELECT, type JournalEvent } from '~/domain/journey/journal'
import { db } from './db.server'
import { cachedRead } from './read-cache.server'

/** Every event of each case (corrections included), by case id; a case without events maps to []. */
export function journalsOfCases(caseIds: readonly string[]): Promise<ReadonlyMap<string, readonly JournalEvent[]>> {
  const ids = [...new Set(caseIds)].sort()
  return cachedRead(`journals:${ids.join(',')}`, async () => {
    const out = new Map<string, JournalEvent[]>(ids.map((id) => [id, []]))
    if (ids.length === 0) return out
    const prisma = await db()
    const rows = await prisma.journeyEvent.findMany({ where: { caseId: { in: ids } }, select: { ...JOURNAL_SELECT, caseId: true } })
    for (const { caseId, ...event } of rows) out.get(caseId)!.push(event)
    return out
  })
}
