// Fuzzing every action: for each route module of the manifest that exports an
// action, fast-check builds hostile bodies from the page's real POST forms (fields dropped, repeated,
// given injection strings, odd Unicode, huge values, wrong types; unknown keys and intents added),
// sends them as an allowed user through Remix's request handler, and checks after each request:
//   - never a 5xx;
//   - never a partial write: a refusal (4xx) leaves every table's row count and the audit log as
//     they were; a success that wrote anything wrote an audit entry with it, and the chain verifies;
//   - never reflected unescaped: no raw script or onerror payload, no javascript: link in the answer,
//     Location is a path on this site without CR/LF, nothing raw in pages showing the data or in emails;
//   - no prototype pollution from keys like `__proto__.polluted`.
// FUZZ_RUNS=200 runs more per action; FUZZ_SEED=<seed printed on failure> replays a failure.
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { isEmailTemplate, renderTemplate } from '#emails/catalogue'
import { db } from '~/services/db.server'
import { verifyAuditChain } from '~/services/audit.server'
import { appHandler, ORIGIN, pendingSessionCookieFor, request, routeManifest, routePattern, sessionCookieFor } from '#tests/setup/app-harness'
import { bodyFor, oddBody, postForms, XSS_MARKERS, type PageForm } from '#tests/setup/fuzz-forms'
import { buildFuzzWorld, type FuzzWorld } from '#tests/setup/world/fuzz'

const RUNS = Number(process.env.FUZZ_RUNS ?? 8)
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))

type As = keyof FuzzWorld['users'] | 'anonymous' | 'pending'
interface Target {
  as: As
  /** Pages whose POST forms to this route are fuzzed (the route's own page unless it has none). */
  pages: string[]
  /** A new session for every request (the action may end it: sign out, sign-in's second step). */
  freshSession?: boolean
  /** Tables a refusal may still write to, by design (sign-in attempts and their audit). */
  refusalWrites?: string[]
}

// One entry per action route: who may act, and where its forms are. A new action without an entry
// fails the first test below.
const TARGETS: Record<string, (w: FuzzWorld) => Target> = {
  'routes/account._index': () => ({ as: 'self', pages: ['/account'] }),
  'routes/account.notifications': () => ({
    as: 'manager',
    pages: ['/account/notifications'],
  }),
  'routes/account.two-factor': () => ({
    as: 'self',
    pages: ['/account/two-factor'],
  }),
  'routes/admin.audit._index': () => ({ as: 'admin', pages: ['/admin/audit'] }),
  'routes/admin.audit.export': () => ({ as: 'admin', pages: ['/admin/audit'] }),
  'routes/admin.holidays': () => ({ as: 'admin', pages: ['/admin/holidays'] }),
  'routes/admin.organisations.$organisationId': (w) => ({
    as: 'admin',
    pages: [`/admin/organisations/${w.spare.id}`],
  }),
  'routes/admin.organisations.$organisationId_.services': (w) => ({
    as: 'admin',
    pages: [`/admin/organisations/${w.spare.id}/services`],
  }),
  'routes/admin.organisations.$organisationId_.visit-policy': (w) => ({
    as: 'admin',
    pages: [`/admin/organisations/${w.spare.id}/visit-policy`],
  }),
  'routes/admin.outbox.$emailId': (w) => ({
    as: 'admin',
    pages: [`/admin/outbox/${w.email.id}`],
  }),
  'routes/admin.rules.$ruleSetId.$ruleId': (w) => ({
    as: 'admin',
    pages: [`/admin/rules/${w.entitlement.ruleSetId}/${w.entitlement.ruleId}`],
  }),
  'routes/admin.users.$userId.$operation': (w) => ({
    as: 'admin',
    pages: ['deactivate', 'reset-two-factor', 'send-set-password-email'].map((op) => `/admin/users/${w.users.opsUser.id}/${op}`),
  }),
  'routes/admin.users.$userId.role': (w) => ({
    as: 'admin',
    pages: [`/admin/users/${w.users.target.id}/role`],
  }),
  'routes/admin.users.new': () => ({
    as: 'admin',
    pages: ['/admin/users/new'],
  }),
  'routes/cases.$caseId_.allocations': (w) => ({
    as: 'officer',
    pages: [`/cases/${w.ownCase.id}/allocations`],
  }),
  'routes/cases.$caseId_.defendants': (w) => ({
    as: 'officer',
    pages: [`/cases/${w.kase.id}/defendants`],
  }),
  'routes/cases.$caseId_.edit': (w) => ({
    as: 'officer',
    pages: [`/cases/${w.kase.id}/edit`],
  }),
  'routes/cases.$caseId_.events.new': (w) => ({
    as: 'officer',
    pages: ['crime_reported', 'abe_interview', 'suspect_arrested', 'suspect_bailed', 'suspect_released_nfa', 'file_to_cps'].map(
      (type) => `/cases/${w.kase.id}/events/new?type=${type}`,
    ),
  }),
  'routes/cases.$caseId_.review': (w) => ({
    as: 'cps',
    pages: [`/cases/${w.reviewed.id}/review`],
  }),
  'routes/cases.$caseId_.victims': (w) => ({
    as: 'officer',
    pages: [`/cases/${w.kase.id}/victims`],
  }),
  'routes/cases.new': () => ({ as: 'officer', pages: ['/cases/new'] }),
  'routes/forgot-password': () => ({
    as: 'anonymous',
    pages: ['/forgot-password'],
  }),
  'routes/intelligence.$itemId': (w) => ({
    as: 'officer',
    pages: [`/intelligence/${w.item.id}`],
  }),
  'routes/intelligence._index': () => ({
    as: 'officer',
    pages: ['/intelligence'],
  }),
  'routes/login': () => ({
    as: 'anonymous',
    pages: ['/login', '/login?redirectTo=%2Fvictims'],
    refusalWrites: ['LoginAttempt', 'AuditEvent'],
  }),
  'routes/login_.two-factor': () => ({
    as: 'pending',
    pages: ['/login/two-factor'],
    freshSession: true,
    refusalWrites: ['LoginAttempt', 'AuditEvent'],
  }),
  'routes/logout': () => ({ as: 'advocate', pages: ['/victims'], freshSession: true }),
  'routes/referrals.$referralId': (w) => ({
    as: 'receiver',
    pages: [`/referrals/${w.referral.id}`],
  }),
  'routes/requests.$requestId': (w) => ({
    as: 'officer',
    pages: [`/requests/${w.share.id}`],
  }),
  'routes/requests.access': (w) => ({
    as: 'officer',
    pages: [`/requests/access?${new URLSearchParams({ victimId: w.victim.id, toOrganisationId: w.service.id, firstName: 'Fuzz', lastName: 'Child' })}`],
  }),
  'routes/reset-password.$token': (w) => ({
    as: 'anonymous',
    pages: [`/reset-password/${w.resetToken}`],
  }),
  'routes/review._index': () => ({ as: 'manager', pages: ['/review'] }),
  'routes/support.services': () => ({
    as: 'manager',
    pages: ['/support/services'],
  }),
  'routes/victims.$victimId': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.victim.id}`],
  }),
  'routes/victims.$victimId_.allocations': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.ownVictim.id}/allocations`],
  }),
  'routes/victims.$victimId_.close': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.closingVictim.id}/close`],
  }),
  'routes/victims.$victimId_.complaints.$complaintId': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.victim.id}/complaints/${w.complaint.id}`],
  }),
  'routes/victims.$victimId_.complaints.new': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.victim.id}/complaints/new?entitlement=${w.entitlement.id}`],
  }),
  'routes/victims.$victimId_.consent': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.victim.id}/consent`],
  }),
  'routes/victims.$victimId_.contacts.new': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.victim.id}/contacts/new`],
  }),
  'routes/victims.$victimId_.edit': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.victim.id}/edit`],
  }),
  'routes/victims.$victimId_.intelligence.new': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.victim.id}/intelligence/new?visit=${w.visit.id}`],
  }),
  'routes/victims.$victimId_.missing.$episodeId': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.victim.id}/missing/${w.episode.id}`],
  }),
  'routes/victims.$victimId_.missing.new': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.victim.id}/missing/new`],
  }),
  'routes/victims.$victimId_.referrals.new': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.victim.id}/referrals/new`],
  }),
  'routes/victims.$victimId_.share-with-police': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.victim.id}/share-with-police`],
  }),
  'routes/victims.$victimId_.visits.new': (w) => ({
    as: 'advocate',
    pages: [`/victims/${w.victim.id}/visits/new`],
  }),
  'routes/victims.new': () => ({ as: 'advocate', pages: ['/victims/new'] }),
}

const manifest = routeManifest()
const APP = path.resolve(import.meta.dirname, '../../app')
const actionRoutes: string[] = []
for (const route of Object.values(manifest)) {
  const module: Record<string, unknown> = await import(/* @vite-ignore */ path.join(APP, route.file))
  if (typeof module.action === 'function') actionRoutes.push(route.id)
}
actionRoutes.sort()

let w: FuzzWorld
const renderedEmails = new Set<string>()
/** Answers by class, and how many runs wrote (a success that changed a table). */
const tally: Record<string, number> = {}
let countSql: string
const timings: Record<string, { runs: number; ms: number }> = {}

beforeAll(async () => {
  w = await buildFuzzWorld()
  const prisma = await db()
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`
  countSql = `SELECT json_build_object(${tables.map((t) => `'${t.tablename}', (SELECT count(*) FROM "${t.tablename}")`).join(', ')}) AS counts`
})

afterAll(() => {
  const total = Object.values(timings).reduce((a, t) => ({ runs: a.runs + t.runs, ms: a.ms + t.ms }), { runs: 0, ms: 0 })
  console.info(`fuzz: ${Object.keys(timings).length} actions, ${total.runs} requests (${JSON.stringify(tally)}), ${Math.round(total.ms)} ms, seed ${SEED}`)
})

async function rowCounts(): Promise<Record<string, number>> {
  const prisma = await db()
  const [row] = await prisma.$queryRawUnsafe<{ counts: Record<string, number> }[]>(countSql)
  return row!.counts
}

async function auditSeq(): Promise<bigint> {
  const prisma = await db()
  return (await prisma.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n
}

async function auditedAfter(seq: bigint): Promise<{ seq: bigint; action: string }[]> {
  const prisma = await db()
  return prisma.auditEvent.findMany({ where: { seq: { gt: seq } }, select: { seq: true, action: true }, orderBy: { seq: 'asc' } })
}

async function cookieFor(as: As): Promise<string | undefined> {
  if (as === 'anonymous') return undefined
  if (as === 'pending') return pendingSessionCookieFor(w.users.twoFactorUser.id)
  return sessionCookieFor(w.users[as].id)
}

/** The route's URL pattern as a regular expression over a path. */
function routeRegExp(id: string): RegExp {
  const pattern = routePattern(manifest, id).replace(/\[\.\]/g, '.')
  return new RegExp('^' + pattern.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+') + '$')
}

/** What in an answer would be the payload reflected raw. */
function reflected(text: string): string | undefined {
  for (const marker of XSS_MARKERS) if (text.includes(marker)) return marker
  const link = /\s(?:href|src|action|formaction)="\s*(?:javascript:|data:text)/i.exec(text)
  return link?.[0]
}

/** A CSV cell a spreadsheet would run as a formula (the writer puts a quote in front of these). */
function formulaCell(csv: string): string | undefined {
  return /(?:^|,)"?[=+@][^\r\n]*/m.exec(csv.replace(/^\uFEFF/, ''))?.[0]
}

function checkLocation(location: string | null): string | undefined {
  if (location === null) return undefined
  if (/[\r\n]/.test(location)) return `CR/LF in Location: ${JSON.stringify(location)}`
  if (!location.startsWith('/') || location.startsWith('//') || location.startsWith('/\\')) return `Location leaves the site: ${location}`
  return undefined
}

async function send(form: PageForm, cookie: string | undefined, body: URLSearchParams | { type: string; body: string }): Promise<Response> {
  if (body instanceof URLSearchParams) return request(form.action, { cookie, form: body })
  const app = await appHandler()
  const headers = new Headers({ origin: ORIGIN, host: new URL(ORIGIN).host, 'content-type': body.type })
  if (cookie) headers.set('cookie', cookie)
  return app(
    new Request(new URL(form.action, ORIGIN), {
      method: 'POST',
      headers,
      body: body.body,
      redirect: 'manual',
    }),
  )
}

describe('action fuzzing', () => {
  test('every action in the route manifest has a fuzz target', () => {
    expect(actionRoutes.length).toBeGreaterThan(40)
    expect(actionRoutes.filter((id) => !TARGETS[id])).toEqual([])
    expect(Object.keys(TARGETS).filter((id) => !actionRoutes.includes(id))).toEqual([])
  })

  for (const id of actionRoutes) {
    test(`${id}: no 5xx, no partial write, nothing reflected raw`, { timeout: 120_000 }, async () => {
      const target = TARGETS[id]?.(w)
      if (!target) throw new Error(`no fuzz target for ${id}`)
      const matches = routeRegExp(id)
      const forms: PageForm[] = []
      for (const page of target.pages) {
        const res = await request(page, {
          cookie: await cookieFor(target.as),
        })
        expect(res.status, `GET ${page} as ${target.as}`).toBe(200)
        forms.push(...postForms(await res.text(), page).filter((f) => matches.test(f.action.split('?')[0]!)))
      }
      expect(forms.length, `no POST form for ${id} on ${target.pages.join(', ')}`).toBeGreaterThan(0)

      const sharedCookie = await cookieFor(target.as)
      let counts = await rowCounts()
      let seq = await auditSeq()
      const started = performance.now()
      const sample = fc.oneof(
        {
          weight: 12,
          arbitrary: fc.constantFrom(...forms).chain((form) =>
            bodyFor(form).map((entries) => ({
              form,
              body: new URLSearchParams(entries),
            })),
          ),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(fc.constantFrom(...forms), oddBody).map(([form, body]) => ({ form, body })),
        },
      )
      const seed = SEED + [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0)
      const replay = `replay with FUZZ_SEED=${SEED} npx vitest run --project integration tests/integration/fuzz-actions.test.ts -t '${id}'`
      await fc
        .assert(
          fc.asyncProperty(sample, async ({ form, body }) => {
            const cookie = target.freshSession ? await cookieFor(target.as) : sharedCookie
            // Nothing but this request writes between runs (a fresh session only adds to Session), so the
            // counts after one run are the counts before the next.
            const before = counts
            const lastSeq = seq
            // A React warning or a caught error logged while answering fails this very run, so
            // fast-check reports the body that caused it.
            const logged: unknown[][] = []
            const consoleError = console.error
            console.error = (...args: unknown[]) => void logged.push(args)
            let res: Response, text: string
            try {
              res = await send(form, cookie, body)
              text = await res.text()
            } finally {
              console.error = consoleError
            }
            const after = (counts = await rowCounts())
            const audited = await auditedAfter(lastSeq)
            seq = audited.at(-1)?.seq ?? lastSeq
            const what = `POST ${form.action} → ${res.status}`
            tally[`${Math.floor(res.status / 100)}xx`] = (tally[`${Math.floor(res.status / 100)}xx`] ?? 0) + 1
            expect(res.status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500)
            expect(
              logged.map((args) => String(args[0]).slice(0, 300)),
              `${what} logged an error`,
            ).toEqual([])
            expect(checkLocation(res.headers.get('location')), what).toBeUndefined()
            expect(/[\r\n]/.test(res.headers.get('content-disposition') ?? ''), what).toBe(false)
            expect(reflected(text), `${what} reflects a payload raw`).toBeUndefined()
            if (res.headers.get('content-type')?.includes('csv')) expect(formulaCell(text), `${what}: a formula in the CSV`).toBeUndefined()
            expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined()
            // Sessions come and go with every request; views are audited on every page shown, and refused
            // attempts on records that exist are audited as refusals.
            const changed = Object.keys(after).filter((t) => after[t] !== before[t] && t !== 'Session' && t !== 'AuditEvent')
            const changes = audited.map((a) => a.action).filter((a) => !a.endsWith('.view') && !a.endsWith('.refused'))
            if (res.status >= 400) {
              const allowed = target.refusalWrites ?? []
              expect(
                changed.filter((t) => !allowed.includes(t)),
                `${what} refused but wrote`,
              ).toEqual([])
              if (!allowed.includes('AuditEvent')) expect(changes, `${what} refused but audited a change`).toEqual([])
            } else if (changed.length > 0) {
              tally.wrote = (tally.wrote ?? 0) + 1
              expect(changes.length, `${what} wrote ${changed.join(', ')} without an audit entry`).toBeGreaterThan(0)
            }
          }),
          { numRuns: RUNS, seed, verbose: 1 },
        )
        .catch((error: Error) => {
          error.message = `${replay}\n${error.message}`
          throw error
        })
      timings[id] = { runs: RUNS, ms: performance.now() - started }

      expect(await verifyAuditChain()).toMatchObject({ ok: true })
      // What was saved is shown escaped wherever it appears.
      const records = target.pages
        .map((p) => /^\/(victims|cases)\/[^/?]+/.exec(p)?.[0])
        .filter((p): p is string => !!p && p !== '/victims/new' && p !== '/cases/new')
      const shown = [...new Set([...target.pages, ...records])]
      for (const page of shown) {
        const as: As = target.pages.includes(page) ? target.as : page.startsWith('/cases/') ? 'officer' : 'advocate'
        const res = await request(page, { cookie: await cookieFor(as) })
        expect(res.status, `GET ${page} after fuzzing ${id}`).toBeLessThan(500)
        expect(reflected(await res.text()), `GET ${page} shows a payload raw`).toBeUndefined()
      }
      const prisma = await db()
      // Queued emails as the worker will render them (the outbox stores the template's props).
      for (const e of await prisma.outboxEmail.findMany({
        where: { id: { notIn: [...renderedEmails] } },
        select: { id: true, subject: true, html: true, text: true, to: true, template: true, props: true },
      })) {
        renderedEmails.add(e.id)
        const rendered = isEmailTemplate(e.template) && e.props ? await renderTemplate(e.template, e.props as never) : { html: e.html ?? '', text: '' }
        expect(reflected(`${e.subject} ${rendered.html} ${e.to}`), `email ${e.template} holds a payload raw`).toBeUndefined()
        expect(/[\r\n]/.test(e.subject + e.to), 'CR/LF in an email header').toBe(false)
      }
    })
  }

  // After every action (tests run in order): the exports hold whatever the fuzzing saved, and run none of it.
  test('the CSV exports hold no formula cell', async () => {
    // (The data set's CSV holds counts only, no text anyone typed.)
    for (const page of ['/review/cases.csv']) {
      // CPS liaison reviewed the finalised case above, so it is in their export.
      const res = await request(page, { cookie: await cookieFor('cps') })
      expect(res.status, `GET ${page}`).toBe(200)
      const csv = await res.text()
      expect(csv).toContain(w.reviewed.crimeReference)
      expect(formulaCell(csv), `${page}: a formula in the CSV`).toBeUndefined()
    }
  })
})
