// The simulated users: each signs in as one of the demo accounts (its own session), then repeats
// a mix of page views and writes with a short think time. Every write carries a unique marker; a
// write answered with the redirect to the victim page is "acknowledged" and must be in the database.
import { randomUUID } from 'node:crypto'
import { Browser, type Recorder } from './client'

const PASSWORD = 'Waypoint-demo-2026'

/** Demo accounts (prisma/seed.ts) and how many of the simulated users sign in as each. */
export const ACCOUNTS = [
  { email: 'advocate@demo.example', role: 'advocate', users: 10 },
  { email: 'advocate2@demo.example', role: 'advocate', users: 5 },
  { email: 'officer@demo.example', role: 'officer', users: 8 },
  { email: 'officer2@demo.example', role: 'officer', users: 5 },
  { email: 'cps@demo.example', role: 'cps_liaison', users: 5 },
  { email: 'witnesscare@demo.example', role: 'cps_liaison', users: 3 },
  { email: 'manager@demo.example', role: 'manager', users: 6 },
  { email: 'police.manager@demo.example', role: 'manager', users: 4 },
  { email: 'admin@demo.example', role: 'admin', users: 4 },
] as const

export type Account = (typeof ACCOUNTS)[number]

export interface Write {
  kind: 'contact' | 'visit'
  marker: string
  victimId: string
  /** ms since the start when the acknowledgement arrived */
  at: number
  phase: string
}

export interface Shared {
  recorder: Recorder
  runId: string
  acknowledged: Write[]
  /** writes answered with anything but the redirect (400, 503, timeout …): not promised to anyone */
  unacknowledged: { kind: string; marker: string; outcome: string; phase: string }[]
  /** victims each account can write contacts and visits for, found through the app's own pages */
  victims: Map<string, { contacts: string[]; visits: string[] }>
}

/** The ids of the records a page links to under /victims/ or /cases/, each once. */
const linkedIds = (html: string, under: 'victims' | 'cases') =>
  [...new Set([...html.matchAll(new RegExp(`href="/${under}/([a-z0-9]{20,})"`, 'g'))].map((m) => m[1] ?? ''))]
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function londonToday() {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date())
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { day: get('day'), month: get('month'), year: get('year') }
}

export class SimulatedUser {
  readonly browser: Browser
  private writes = 0
  private signedIn = false
  constructor(
    readonly index: number,
    readonly account: Account,
    baseUrl: string,
    private readonly shared: Shared,
  ) {
    this.browser = new Browser(baseUrl, shared.recorder)
  }

  async signIn(): Promise<void> {
    await this.browser.get('/login', 'login page')
    const answer = await this.browser.post('/login', 'sign in', { email: this.account.email, password: PASSWORD, redirectTo: '/' })
    if (answer.outcome !== 302) throw new Error(`${this.account.email} could not sign in (${answer.outcome})`)
    this.signedIn = true
  }

  /** Finds (once per account) the victims whose pages offer "Record a contact" / "Record a visit". */
  async discover(): Promise<void> {
    if (this.shared.victims.has(this.account.email) || this.account.role === 'admin') return
    const found = { contacts: [] as string[], visits: [] as string[] }
    const list = await this.browser.get('/victims', 'victims list')
    let ids = typeof list.outcome === 'number' && list.outcome < 300 ? linkedIds(list.body, 'victims') : []
    if (ids.length === 0) {
      // CPS liaison and witness care reach victims through their cases.
      const cases = await this.browser.get('/cases', 'cases list')
      const caseIds = linkedIds(cases.body, 'cases').slice(0, 4)
      for (const id of caseIds) ids.push(...linkedIds((await this.browser.get(`/cases/${id}`, 'case page')).body, 'victims'))
      ids = [...new Set(ids)]
    }
    for (const id of ids.slice(0, 8)) {
      const page = await this.browser.get(`/victims/${id}`, 'victim page')
      if (page.body.includes(`/victims/${id}/contacts/new`)) found.contacts.push(id)
      if (page.body.includes(`/victims/${id}/visits/new`)) found.visits.push(id)
    }
    this.shared.victims.set(this.account.email, found)
  }

  /** Runs the mix until `until` (epoch ms), signing in first if not yet signed in. */
  async run(until: number, thinkMs: number): Promise<void> {
    if (!this.signedIn) await this.signIn()
    while (Date.now() < until) {
      await this.step()
      await sleep(thinkMs / 2 + Math.random() * thinkMs)
    }
  }

  private async step(): Promise<void> {
    const victims = this.shared.victims.get(this.account.email) ?? { contacts: [], visits: [] }
    const readable = [...new Set([...victims.contacts, ...victims.visits])]
    const roll = Math.random()
    if (this.account.role === 'admin') {
      await this.browser.get(pick(['/admin/users', '/admin/audit', '/admin/outbox', '/admin/organisations']), 'admin page')
      return
    }
    if (roll < 0.25) await this.browser.get('/', 'home page')
    else if (roll < 0.5 && readable.length) await this.browser.get(`/victims/${pick(readable)}`, 'victim page')
    else if (roll < 0.6) await this.browser.get(pick(['/victims', '/cases']), 'list page')
    else if (roll < 0.7 && this.account.role !== 'advocate') await this.browser.get('/compliance', 'compliance page')
    else if (roll < 0.85 && victims.contacts.length) await this.recordContact(pick(victims.contacts))
    else if (victims.visits.length) await this.recordVisit(pick(victims.visits))
    else await this.browser.get('/', 'home page')
  }

  private marker(kind: string) {
    this.writes += 1
    return `load-${this.shared.runId}-${kind}-u${this.index}-${this.writes}`
  }

  private async recordContact(victimId: string) {
    await this.browser.get(`/victims/${victimId}/contacts/new`, 'contact form')
    const marker = this.marker('contact')
    const today = londonToday()
    const answer = await this.browser.post(`/victims/${victimId}/contacts/new`, 'record contact', {
      'contactedAt.day': today.day,
      'contactedAt.month': today.month,
      'contactedAt.year': today.year,
      method: 'phone',
      withWhom: 'victim',
      summary: `Told them the next step (${marker})`,
      idempotencyKey: randomUUID(),
    })
    this.settle('contact', marker, victimId, answer.outcome, answer.location)
  }

  private async recordVisit(victimId: string) {
    await this.browser.get(`/victims/${victimId}/visits/new`, 'visit form')
    const marker = this.marker('visit')
    const today = londonToday()
    const answer = await this.browser.post(`/victims/${victimId}/visits/new`, 'record visit', {
      status: 'completed',
      'at.day': today.day,
      'at.month': today.month,
      'at.year': today.year,
      placeType: 'home',
      purpose: `Follow-up visit (${marker})`,
      seenAlone: 'yes',
      spokenToAlone: 'yes',
      engagement: 'engaged',
      disclosure: 'none',
      idempotencyKey: randomUUID(),
    })
    this.settle('visit', marker, victimId, answer.outcome, answer.location)
  }

  private settle(kind: 'contact' | 'visit', marker: string, victimId: string, outcome: number | string, location: string | null) {
    const phase = this.shared.recorder.phase
    if (outcome === 302 && location?.startsWith(`/victims/${victimId}`)) {
      this.shared.acknowledged.push({ kind, marker, victimId, at: Date.now() - this.shared.recorder.started, phase })
    } else {
      this.shared.unacknowledged.push({ kind, marker, outcome: String(outcome), phase })
    }
  }
}
