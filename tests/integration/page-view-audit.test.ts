// Every page that shows a child's or a case's details leaves an audit row for the view, and a
// refused attempt on a record that exists leaves a refusal row, while the asker gets the same
// answer as for a record that does not exist. Walks every route of the authorisation matrix whose
// URL names a victim or a case (or a record hanging off one), as the first asker allowed to see it.
import { beforeAll, describe, expect, test } from 'vitest'
import { MATRIX, type Outcome } from '#tests/authorisation/matrix'
import { ASKERS, buildMatrixWorld, type MatrixWorld, type RecordContext, type UserAsker } from '#tests/setup/world/matrix'
import { request, routeManifest, routePattern } from '#tests/setup/app-harness'
import { db } from '~/services/db.server'

const manifest = routeManifest()
const CHILD_PARAMS = [':victimId', ':caseId', ':episodeId', ':complaintId', ':itemId', ':referralId', ':requestId']
let world: MatrixWorld

beforeAll(async () => {
  world = await buildMatrixWorld()
}, 60_000)

const pages = Object.keys(MATRIX).filter((id) => {
  const pattern = manifest[id] ? routePattern(manifest, id) : ''
  return MATRIX[id]!.record && !pattern.endsWith('.csv') && CHILD_PARAMS.some((p) => pattern.includes(p))
})

const cell = (id: string, asker: UserAsker, ctx: RecordContext): Outcome => {
  const c = MATRIX[id]!.get[asker]
  return typeof c === 'string' ? c : c[ctx]
}
const users = ASKERS.filter((a): a is UserAsker => a !== 'anonymous' && a !== 'pending')

function urlOf(id: string, ctx: RecordContext): string {
  const { params = {}, query } = MATRIX[id]!.url(world, ctx)
  let url = routePattern(manifest, id).replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
  if (query) url += `?${new URLSearchParams(query)}`
  return url
}

async function auditRowsAfter(seq: bigint, actorId: string) {
  const prisma = await db()
  return prisma.auditEvent.findMany({ where: { seq: { gt: seq }, actorId }, select: { action: true } })
}

async function lastSeq(): Promise<bigint> {
  const prisma = await db()
  return (await prisma.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0n
}

describe('viewing a child or a case is audited', () => {
  test('the walk covers the pages under a victim and a case', () => {
    expect(pages.length).toBeGreaterThan(20)
  })

  test.each(pages)('%s: a view leaves a view row; a refusal of an existing record, a refusal row', async (id) => {
    const viewer = users.find((u) => cell(id, u, 'own') === 'ok')
    expect(viewer, 'someone may see this page').toBeDefined()
    const before = await lastSeq()
    const seen = await request(urlOf(id, 'own'), { cookie: world.cookies[viewer!] })
    expect(seen.status).toBe(200)
    const viewRows = (await auditRowsAfter(before, world.users[viewer!].id)).map((r) => r.action)
    expect(viewRows.some((a) => a.endsWith('.view') || a.includes('.view.')), `viewing ${id} as ${viewer}: ${viewRows.join(', ') || 'no audit row'}`).toBe(true)

    // Someone whose role may use the page, refused this record because it is not theirs.
    const outsider = users.find((u) => cell(id, u, 'own') === 'ok' && cell(id, u, 'other') === 'refused')
    if (!outsider) return
    const mark = await lastSeq()
    const refused = await request(urlOf(id, 'other'), { cookie: world.cookies[outsider] })
    expect([403, 404]).toContain(refused.status)
    const refusalRows = (await auditRowsAfter(mark, world.users[outsider].id)).map((r) => r.action)
    expect(refusalRows.some((a) => a.endsWith('.refused')), `refused ${id} as ${outsider}: ${refusalRows.join(', ') || 'no audit row'}`).toBe(true)
  })
})
