// What the benchmark requests: representative records of the large synthetic region (seed:large),
// chosen by query before the server starts, and who signs in to see each.
import path from 'node:path'
import { openPglite, openPostgres } from '../../app/services/db.server'
import { regionCounts } from '../seed-large/counts'

export interface Target {
  name: string
  path: string
  /** Who signs in (none for the bare route). */
  email?: string
  /** Text the page must contain, so a 200 that shows nothing does not pass for a result. */
  expect?: string
  bare?: boolean
}

export async function pickTargets(env: NodeJS.ProcessEnv): Promise<{ targets: Target[]; meta: Record<string, unknown> }> {
  const handle = env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : await openPglite(path.join(env.DATA_DIR ?? './data', 'pglite'))
  const prisma = handle.prisma
  try {
    const version = (await prisma.$queryRaw<{ version: string }[]>`SELECT version()`)[0]?.version ?? 'unknown'
    const counts = await regionCounts(prisma)
    if (counts.victims === 0) throw new Error('No victims: run `npm run seed:large` on this database first')
    // The first advocate's busiest victim (most journal events about them or their cases).
    const advocate = await prisma.user.findFirstOrThrow({ where: { role: 'advocate', email: { endsWith: '@large.example' } }, orderBy: { email: 'asc' } })
    const [victim] = await prisma.$queryRaw<{ id: string; reference: string }[]>`
      SELECT v.id, v.reference FROM "Victim" v
      JOIN "Allocation" a ON a."victimId" = v.id AND a."userId" = ${advocate.id} AND a.kind = 'lead_advocate'
      JOIN "VictimCase" vc ON vc."victimId" = v.id JOIN "JourneyEvent" e ON e."caseId" = vc."caseId"
      GROUP BY v.id ORDER BY count(*) DESC LIMIT 1`
    // The busiest case of its officer in charge.
    const [kase] = await prisma.$queryRaw<{ id: string; crimeReference: string; email: string }[]>`
      SELECT c.id, c."crimeReference", u.email FROM "Case" c
      JOIN "Allocation" a ON a."caseId" = c.id AND a.kind = 'oic' JOIN "User" u ON u.id = a."userId"
      JOIN "JourneyEvent" e ON e."caseId" = c.id
      GROUP BY c.id, u.email ORDER BY count(*) DESC LIMIT 1`
    const email = async (where: object) => (await prisma.user.findFirstOrThrow({ where: { ...where, email: { endsWith: '@large.example' } }, orderBy: { email: 'asc' } })).email
    const policeManager = await email({ role: 'manager', organisation: { kind: 'police' } })
    const manager = await email({ role: 'manager', organisation: { kind: 'voluntary' } })
    const cps = await email({ role: 'cps_liaison', organisation: { kind: 'cps' } })
    if (!victim || !kase) throw new Error('No victim or case to benchmark')
    const home = (who: string, email: string): Target => ({ name: `${who} home page`, path: '/', email, expect: 'Home – Waypoint' })
    // The compliance drill-down over the last two years, so a small region has rows in it too.
    const since = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10)
    return {
      meta: { database: version.split(',')[0], counts },
      targets: [
        { name: 'bare route (/healthz)', path: '/healthz', bare: true, expect: 'reachable' },
        { name: 'victim page', path: `/victims/${victim.id}`, email: advocate.email, expect: victim.reference },
        { name: 'case page', path: `/cases/${kase.id}`, email: kase.email, expect: kase.crimeReference },
        // The advocate's list of their service's open victims, filtered and on a later page.
        { name: 'caseload list (filtered, p3)', path: '/victims?status=open&page=3', email: advocate.email, expect: 'LV-' },
        { name: 'case list (mine)', path: '/cases?mine=1', email: kase.email, expect: 'LG/' },
        { name: 'compliance page', path: '/compliance', email: policeManager, expect: 'ompliance' },
        { name: 'compliance drill-down (overdue)', path: `/compliance?status=overdue&from=${since}`, email: policeManager, expect: 'compliance-row' },
        { name: 'review dashboard', path: '/review', email: cps, expect: 'eview' },
        home('advocate', advocate.email),
        home('officer', kase.email),
        home('CPS liaison', cps),
        home('manager', manager),
        home('police manager', policeManager),
      ],
    }
  } finally {
    await handle.close()
  }
}
