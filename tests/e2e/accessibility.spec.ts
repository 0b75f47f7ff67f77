// Every page passes axe. The pages come from the route
// files: each file in app/routes that renders a page (has a default export) must have an entry in
// PAGES below saying who may see it and how to reach a concrete URL on the demo data
// (prisma/seed.ts); a page without an entry fails the first test, naming the file, so a new page
// cannot be added without being checked. Some pages are also checked in their error state (an
// empty form submitted) and, where what is shown differs by role, as more than one role.
//
// One signed-in browser context per account, reused for every page that account visits. The
// two-factor sign-in page needs an account with two-factor on: twofactor@demo.example (e2e-only)
// enrols, and an administrator resets it afterwards, which also checks that confirmation page.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { generateTOTP } from '@epic-web/totp'
import { expect, test, type Browser, type BrowserContext, type Page } from './fixtures'
import { TOTP } from '../../app/domain/auth/totp'
import { DEMO_REFERENCES } from '../../prisma/seed'
import { expectAccessible, login } from './utils'

const ROUTES_DIR = path.join(import.meta.dirname, '../../app/routes')

const ACCOUNTS = {
  anonymous: null,
  advocate: 'advocate@demo.example',
  officer: 'officer@demo.example',
  cps: 'cps@demo.example',
  witnesscare: 'witnesscare@demo.example',
  manager: 'manager@demo.example',
  admin: 'admin@demo.example',
} as const
type Account = keyof typeof ACCOUNTS

/** The victim on two cases (Brightpath, no lead advocate): seen by advocate@, officer@ and cps@. */
const VICTIM = DEMO_REFERENCES.victimOnTwoCases
/** Four defendants, stage PTPH: officer@ is the OIC, cps@ the CPS liaison; VICTIM is on it. */
const CASE = DEMO_REFERENCES.caseWithFourDefendants
/** Trial this week, with a corrected (superseded) trial listing: officer@ is the OIC. */
const CASE_WITH_CORRECTION = DEMO_REFERENCES.caseTrialThisWeek
/** The e2e-only account whose two-factor sign-in this spec turns on (and has reset). */
const TWO_FACTOR = { email: 'twofactor@demo.example', name: 'Niamh Castell' }

/** Finds concrete ids on the demo data through the pages, as a user would. */
class Find {
  constructor(private readonly page: Page) {}

  private async href(listPath: string, linkName: string): Promise<string> {
    await this.page.goto(listPath)
    const link = this.page.getByRole('main').getByRole('link', { name: linkName, exact: true }).first()
    const href = await link.getAttribute('href', { timeout: 10_000 })
    if (!href) throw new Error(`No link “${linkName}” on ${listPath}`)
    return href
  }

  /** /victims/<id> for a victim reference (open or closed). */
  victim(reference: string) {
    return this.href(`/victims?status=all&q=${encodeURIComponent(reference)}`, reference)
  }

  /** /cases/<id> for a crime reference. */
  case(crimeReference: string) {
    return this.href(`/cases?q=${encodeURIComponent(crimeReference)}`, crimeReference)
  }

  /** The first "Correct this entry" link on a case page (a correction form). */
  async correction(crimeReference: string) {
    await this.page.goto(await this.case(crimeReference))
    const href = await this.page
      .getByRole('link', { name: /^Correct this entry/ })
      .first()
      .getAttribute('href', { timeout: 10_000 })
    if (!href) throw new Error(`No “Correct this entry” link on ${crimeReference}`)
    return href
  }

  /** The first "Record telling them about this" link on a victim page (a contact about an event). */
  async contactAboutEvent(reference: string) {
    await this.page.goto(await this.victim(reference))
    const href = await this.page
      .getByRole('link', { name: /^Record telling them about this/ })
      .first()
      .getAttribute('href', { timeout: 10_000 })
    if (!href) throw new Error(`No “Record telling them about this” link on ${reference}`)
    return href
  }

  /** The first "Record a complaint" link on a victim page (the Right 12 form for an entitlement). */
  async complaintForm(reference: string) {
    await this.page.goto(await this.victim(reference))
    const href = await this.page
      .getByRole('link', { name: /^Record a complaint/ })
      .first()
      .getAttribute('href', { timeout: 10_000 })
    if (!href) throw new Error(`No “Record a complaint” link on ${reference}`)
    return href
  }

  /** A complaint's page: the demo data has none, so one is recorded through the form first. */
  async complaint(reference: string) {
    await this.page.goto(await this.complaintForm(reference))
    const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()).split('-')
    const received = this.page.getByRole('group', { name: 'When was the complaint received?' })
    await received.getByLabel('Day').fill(day!)
    await received.getByLabel('Month').fill(month!)
    await received.getByLabel('Year').fill(year!)
    await this.page.getByLabel('What is the complaint?').fill('Invented for the accessibility check.')
    await this.page.getByRole('button', { name: 'Save complaint' }).click()
    await this.page.waitForURL(/\/complaints\/(?!new)[^/?#]+$/)
    return new URL(this.page.url()).pathname
  }

  /** The first missing episode in a victim page's list (the demo seeds one each for Ruby and Zainab). */
  async missingEpisode(reference: string) {
    await this.page.goto(await this.victim(reference))
    const href = await this.page.getByTestId('missing-episode-list').getByRole('link').first().getAttribute('href', { timeout: 10_000 })
    if (!href) throw new Error(`No missing episode on ${reference}`)
    return href
  }

  /** A link in the "Intelligence for the police" section of a victim page (the demo seeds items on Amira's and Leah's visits). */
  async intelligenceLink(reference: string, name: string | RegExp) {
    await this.page.goto(await this.victim(reference))
    const href = await this.page.getByTestId('intelligence').getByRole('link', { name }).first().getAttribute('href', { timeout: 10_000 })
    if (!href) throw new Error(`No “${String(name)}” link in the intelligence on ${reference}`)
    return href
  }

  /** The newest item in the police intelligence queue (officers and managers of the force). */
  async queuedIntelligence() {
    await this.page.goto('/intelligence')
    const href = await this.page.getByTestId('intelligence-queue').getByRole('link').first().getAttribute('href', { timeout: 10_000 })
    if (!href) throw new Error('No item in the intelligence queue')
    return href
  }

  /** The first referral in a victim page's Support list (the demo seeds Ruby's active and Zainab's sent referral). */
  async referral(reference: string) {
    await this.page.goto(await this.victim(reference))
    const href = await this.page.getByTestId('support-list').getByRole('link').first().getAttribute('href', { timeout: 10_000 })
    if (!href) throw new Error(`No referral on ${reference}`)
    return href
  }

  /** The first sharing request waiting for the user's organisation (the demo: Dylan, shared with Northmoor Police). */
  async shareRequest() {
    await this.page.goto('/requests')
    const href = await this.page.getByTestId('received-pending').getByRole('link').first().getAttribute('href', { timeout: 10_000 })
    if (!href) throw new Error('No sharing request waiting')
    return href
  }

  /** /admin/users/<id> for a user's name. */
  user(name: string) {
    return this.href('/admin/users', name)
  }

  /** /admin/organisations/<id> for an organisation's name. */
  organisation(name: string) {
    return this.href('/admin/organisations', name)
  }
}

interface Visit {
  as: Account
  /** The URL to open (found through the pages when it needs an id). */
  url: string | ((find: Find) => Promise<string>)
  /** Submits the page's form empty (button name) and checks the error state too. */
  submitEmpty?: string
  /** What must be on the page, so that axe checks the page meant and not an error page. */
  shows?: string | RegExp
  note?: string
}

/**
 * Every route file that renders a page → how to reach it and as whom. Resource routes (no default
 * export: healthz, logout, the audit export) need no entry. /login/two-factor is visited by the
 * two-factor test below (it needs a session half-way through signing in) and is listed as such.
 */
const PAGES: Record<string, Visit[] | 'two-factor test' | 'notifications test'> = {
  '_index.tsx': (['advocate', 'officer', 'cps', 'witnesscare', 'manager', 'admin'] as const).map((as) => ({ as, url: '/' })),
  'account._index.tsx': [{ as: 'advocate', url: '/account', shows: 'Your account' }],
  'account.two-factor.tsx': 'two-factor test',
  'account.notifications.tsx': [
    { as: 'advocate', url: '/account/notifications', shows: 'Your notifications' },
    { as: 'manager', url: '/account/notifications', shows: 'Team inbox for Brightpath Young Survivors Service', note: 'with the team inbox' },
  ],
  'admin.audit._index.tsx': [{ as: 'admin', url: '/admin/audit' }],
  'admin.outbox._index.tsx': [{ as: 'admin', url: '/admin/outbox', shows: 'Outbox' }],
  // One email needs one to exist: tests/e2e/notifications.spec.ts checks it (sent, and failed).
  'admin.outbox.$emailId.tsx': 'notifications test',
  'admin.emails._index.tsx': [{ as: 'admin', url: '/admin/emails', shows: 'Email templates' }],
  'admin.emails.$template.tsx': [
    { as: 'admin', url: '/admin/emails/digest', shows: 'Plain-text version' },
    { as: 'admin', url: '/admin/emails/password-reset', shows: 'One-time link', note: 'one-time link' },
  ],
  'admin.holidays.tsx': [
    { as: 'admin', url: '/admin/holidays?year=2026', submitEmpty: 'Add bank holiday', shows: 'Bank holidays' },
    { as: 'admin', url: '/admin/holidays?change=2026-12-25', shows: 'Change the name of a bank holiday', note: 'rename' },
    { as: 'admin', url: '/admin/holidays?remove=2026-12-25', shows: 'Remove the bank holiday on Friday 25 December 2026?', note: 'confirm removal' },
  ],
  'admin.organisations.$organisationId.tsx': [
    {
      as: 'admin',
      url: (f) => f.organisation('Brightpath Young Survivors Service'),
    },
  ],
  'admin.organisations.$organisationId_.visit-policy.tsx': [
    { as: 'admin', url: async (f) => `${await f.organisation('Brightpath Young Survivors Service')}/visit-policy`, shows: 'Follow-up visit policy' },
  ],
  'admin.organisations._index.tsx': [{ as: 'admin', url: '/admin/organisations', shows: 'Organisations' }],
  'admin.rules._index.tsx': [{ as: 'admin', url: '/admin/rules', shows: 'Deadline to be confirmed locally' }],
  'admin.rules.$ruleSetId.$ruleId.tsx': [
    { as: 'admin', url: '/admin/rules/code-2020/r06_charge_decision', submitEmpty: 'Save local deadline', shows: 'Deadline to be confirmed locally' },
  ],
  'admin.users.$userId.$operation.tsx': [
    {
      as: 'admin',
      url: async (f) => `${await f.user('Ama Okafor-Reyes')}/deactivate`,
      shows: 'Deactivate Ama Okafor-Reyes’s account?',
    },
  ],
  'admin.users.$userId._index.tsx': [
    {
      as: 'admin',
      url: (f) => f.user('Ama Okafor-Reyes'),
      shows: 'Ama Okafor-Reyes',
    },
  ],
  'admin.users.$userId.role.tsx': [
    {
      as: 'admin',
      url: async (f) => `${await f.user('Ama Okafor-Reyes')}/role`,
    },
  ],
  'admin.users._index.tsx': [{ as: 'admin', url: '/admin/users', shows: 'Users' }],
  'admin.users.new.tsx': [{ as: 'admin', url: '/admin/users/new', submitEmpty: 'Create account' }],
  'cases.$caseId.tsx': [
    {
      as: 'officer',
      url: (f) => f.case(CASE),
      shows: CASE,
      note: 'the OIC: can record events and correct them',
    },
    {
      as: 'officer',
      url: (f) => f.case(CASE_WITH_CORRECTION),
      shows: CASE_WITH_CORRECTION,
      note: 'a superseded entry, struck through',
    },
    { as: 'cps', url: (f) => f.case(CASE), shows: CASE },
    {
      as: 'advocate',
      url: (f) => f.case(CASE),
      shows: CASE,
      note: 'seen through the victim',
    },
  ],
  'cases.$caseId_.allocations.tsx': [{ as: 'officer', url: async (f) => `${await f.case(CASE)}/allocations` }],
  'cases.$caseId_.defendants.tsx': [{ as: 'officer', url: async (f) => `${await f.case(CASE)}/defendants` }],
  'cases.$caseId_.edit.tsx': [
    {
      as: 'officer',
      url: async (f) => `${await f.case(CASE)}/edit`,
      shows: CASE,
    },
  ],
  'cases.$caseId_.events.new.tsx': [
    {
      as: 'officer',
      url: async (f) => `${await f.case(CASE)}/events/new`,
      submitEmpty: 'Continue',
      shows: 'What do you want to record?',
    },
    {
      as: 'officer',
      url: async (f) => `${await f.case(CASE)}/events/new?type=suspect_arrested`,
      submitEmpty: 'Save',
      shows: 'Suspect arrested',
    },
    {
      as: 'officer',
      url: (f) => f.correction(CASE),
      note: 'a correction: starts from the recorded values',
    },
    {
      as: 'cps',
      url: async (f) => `${await f.case(CASE)}/events/new?type=hearing_listed`,
      shows: 'Hearing listed',
    },
    {
      as: 'cps',
      url: async (f) => `${await f.case(CASE)}/events/new?type=special_measures_decision`,
      note: 'per-measure decisions',
    },
  ],
  'cases.$caseId_.review.tsx': [
    {
      as: 'cps',
      url: async (f) => `${await f.case('NM/25/001093')}/review`,
      shows: 'Case review',
      submitEmpty: 'Continue to sign off',
      note: 'K9, awaiting review; continuing with no findings shows the errors',
    },
    { as: 'cps', url: async (f) => `${await f.case('NM/24/001912')}/review`, shows: 'Signed off by', note: 'K12, signed off: read-only' },
  ],
  'cases.$caseId_.victims.tsx': [{ as: 'officer', url: async (f) => `${await f.case(CASE)}/victims` }],
  'cases._index.tsx': [
    { as: 'officer', url: '/cases', shows: 'Cases' },
    { as: 'cps', url: '/cases', shows: 'Cases' },
    { as: 'witnesscare', url: '/cases', shows: 'Cases' },
  ],
  'cases.new.tsx': [
    {
      as: 'officer',
      url: '/cases/new',
      submitEmpty: 'Open case',
      shows: 'Open a case',
    },
  ],
  'compliance._index.tsx': [
    { as: 'officer', url: '/compliance', shows: 'Victims’ Code compliance' },
    { as: 'cps', url: '/compliance?status=overdue', shows: 'Victims’ Code compliance', note: 'drilled down to the overdue entitlements' },
    { as: 'witnesscare', url: '/compliance', shows: 'Victims’ Code compliance' },
    { as: 'manager', url: '/compliance', shows: 'Victims’ Code compliance' },
    { as: 'officer', url: '/compliance?from-day=31&from-month=2&from-year=2026', shows: 'must be a real date', note: 'the error state: a date that is not real' },
  ],
  'forgot-password.tsx': [
    {
      as: 'anonymous',
      url: '/forgot-password',
      submitEmpty: 'Send reset link',
    },
  ],
  'intelligence._index.tsx': [
    { as: 'officer', url: '/intelligence', shows: 'New disclosures to record on the case', note: 'new items and the disclosure prompt' },
    { as: 'officer', url: '/intelligence?status=submitted', shows: 'Submitted items', note: 'submitted, with references' },
  ],
  'intelligence.$itemId.tsx': [
    { as: 'officer', url: (f) => f.queuedIntelligence(), submitEmpty: 'Mark as submitted', shows: 'Mark as submitted', note: 'a new item: submit or return' },
    { as: 'advocate', url: (f) => f.intelligenceLink('V-2026-0104', /^A place/), submitEmpty: 'Send answer', shows: 'Question from the police', note: 'returned to its author' },
    { as: 'advocate', url: (f) => f.intelligenceLink('V-2026-0131', /^A vehicle/), shows: 'INT/NM/26/00417', note: 'submitted, as its author sees it' },
  ],
  'login.tsx': [{ as: 'anonymous', url: '/login', submitEmpty: 'Sign in' }],
  'login_.two-factor.tsx': 'two-factor test',
  'reset-password.$token.tsx': [
    {
      as: 'anonymous',
      url: '/reset-password/not-a-real-token',
      shows: 'This link is not valid',
    },
  ],
  'victims.$victimId.tsx': [
    {
      as: 'advocate',
      url: (f) => f.victim(VICTIM),
      shows: VICTIM,
      note: 'safe-contact details, contact log',
    },
    {
      as: 'cps',
      url: (f) => f.victim(VICTIM),
      shows: VICTIM,
      note: 'no safe-contact details',
    },
    { as: 'officer', url: (f) => f.victim(VICTIM), shows: VICTIM },
    {
      as: 'advocate',
      url: (f) => f.victim(DEMO_REFERENCES.closedVictim),
      shows: DEMO_REFERENCES.closedVictim,
      note: 'a closed record',
    },
    {
      as: 'manager',
      url: (f) => f.victim(DEMO_REFERENCES.restrictedForManager),
      shows: DEMO_REFERENCES.restrictedForManager,
      note: 'restricted',
    },
  ],
  'victims.$victimId_.allocations.tsx': [
    {
      as: 'advocate',
      url: async (f) => `${await f.victim(VICTIM)}/allocations`,
    },
  ],
  'victims.$victimId_.close.tsx': [{ as: 'advocate', url: async (f) => `${await f.victim(VICTIM)}/close` }],
  'victims.$victimId_.complaints.new.tsx': [
    { as: 'advocate', url: (f) => f.complaintForm('V-2026-0131'), shows: 'Record a complaint', submitEmpty: 'Save complaint' },
  ],
  'victims.$victimId_.complaints.$complaintId.tsx': [{ as: 'advocate', url: (f) => f.complaint('V-2026-0131'), shows: /Complaint about Right \d+/ }],
  'victims.$victimId_.consent.tsx': [{ as: 'advocate', url: async (f) => `${await f.victim(VICTIM)}/consent` }],
  'victims.$victimId_.contacts.new.tsx': [
    {
      as: 'advocate',
      url: async (f) => `${await f.victim(VICTIM)}/contacts/new`,
      submitEmpty: 'Save contact',
    },
    {
      as: 'advocate',
      url: (f) => f.contactAboutEvent(VICTIM),
      note: 'about a journey event',
    },
  ],
  'victims.$victimId_.edit.tsx': [{ as: 'advocate', url: async (f) => `${await f.victim(VICTIM)}/edit` }],
  'victims.$victimId_.summary.tsx': [
    {
      as: 'advocate',
      url: async (f) => `${await f.victim(VICTIM)}/summary`,
      shows: VICTIM,
    },
  ],
  'victims.$victimId_.missing.new.tsx': [
    { as: 'advocate', url: async (f) => `${await f.victim(VICTIM)}/missing/new`, shows: 'Record a missing episode', submitEmpty: 'Save missing episode' },
  ],
  'victims.$victimId_.missing.$episodeId.tsx': [
    { as: 'advocate', url: (f) => f.missingEpisode('V-2025-0412'), shows: 'Completed within 72 hours', note: 'interview completed, with findings' },
    { as: 'advocate', url: (f) => f.missingEpisode('V-2026-0031'), shows: 'Due by', submitEmpty: 'Save interview', note: 'interview due' },
  ],
  'victims.$victimId_.intelligence.new.tsx': [
    {
      as: 'advocate',
      url: (f) => f.intelligenceLink('V-2026-0131', 'Add more intelligence from this visit'),
      shows: 'Add intelligence for the police',
      submitEmpty: 'Save',
    },
  ],
  'victims.$victimId_.visits.new.tsx': [{ as: 'advocate', url: async (f) => `${await f.victim(VICTIM)}/visits/new`, submitEmpty: 'Save visit' }],
  'victims._index.tsx': [
    { as: 'advocate', url: '/victims', shows: 'Victims' },
    { as: 'manager', url: '/victims', shows: 'Victims' },
    {
      as: 'advocate',
      url: `/victims?q=${encodeURIComponent(VICTIM)}`,
      shows: VICTIM,
      note: 'search results',
    },
  ],
  'victims.new.tsx': [{ as: 'advocate', url: '/victims/new', submitEmpty: 'Save victim' }],
  'victims.$victimId_.referrals.new.tsx': [
    { as: 'advocate', url: async (f) => `${await f.victim(VICTIM)}/referrals/new`, shows: 'Refer to a support service', submitEmpty: 'Send referral' },
  ],
  'referrals._index.tsx': [
    { as: 'advocate', url: '/referrals', shows: 'Sent by your organisation' },
    { as: 'manager', url: '/referrals', shows: 'Received by your organisation' },
  ],
  'referrals.$referralId.tsx': [
    { as: 'advocate', url: (f) => f.referral('V-2025-0412'), shows: 'Support sessions', note: 'active, sessions without notes' },
    { as: 'officer', url: (f) => f.referral('V-2025-0412'), shows: 'Support sessions', note: 'police: sessions without notes or reasons' },
    { as: 'advocate', url: (f) => f.referral('V-2026-0031'), shows: 'Withdraw the referral', submitEmpty: 'Withdraw the referral', note: 'sent' },
  ],
  'requests._index.tsx': [
    { as: 'officer', url: '/requests', shows: 'Waiting for your decision' },
    { as: 'advocate', url: '/requests', shows: 'Sent by your organisation' },
  ],
  'requests.$requestId.tsx': [{ as: 'officer', url: (f) => f.shareRequest(), shows: 'To help you decide', submitEmpty: 'Decline', note: 'shared with the police' }],
  'requests.access.tsx': [{ as: 'officer', url: '/requests/access', shows: 'Request access to a record' }],
  'victims.$victimId_.share-with-police.tsx': [
    { as: 'advocate', url: async (f) => `${await f.victim(VICTIM)}/share-with-police`, shows: 'Share with the police', submitEmpty: 'Share with the police' },
  ],
  'review._index.tsx': [
    { as: 'manager', url: '/review', shows: 'Prosecution case review' },
    { as: 'cps', url: '/review?from-day=31&from-month=2&from-year=2026', shows: 'must be a real date', note: 'the error state: a date that is not real' },
  ],
  'review.dataset.tsx': [
    { as: 'manager', url: '/review/dataset', shows: 'Multi-agency data set' },
    { as: 'manager', url: '/review/dataset?quarter=2099-Q1', shows: 'The quarter must not be in the future', note: 'the error state: a future quarter' },
  ],
  'support._index.tsx': [
    { as: 'advocate', url: '/support', shows: 'Harbour Lights Therapeutic Support' },
    { as: 'manager', url: '/support?service=counselling', shows: 'Counselling and pre-trial therapy', note: 'filtered' },
  ],
  // Submitting it empty would switch off every service the demo organisation offers: checked without an error state.
  'support.services.tsx': [{ as: 'manager', url: '/support/services', shows: 'Services you offer' }],
  'admin.organisations.$organisationId_.services.tsx': [
    { as: 'admin', url: async (f) => `${await f.organisation('Harbour Lights Therapeutic Support')}/services`, shows: 'Services you offer' },
  ],
}

/** The route files that render a page: resource routes (no default export) are left out. */
function pageRouteFiles(): string[] {
  return readdirSync(ROUTES_DIR)
    .filter((f) => /\.(tsx?|jsx?)$/.test(f))
    .filter((f) => /export\s+default\b/.test(readFileSync(path.join(ROUTES_DIR, f), 'utf8')))
    .sort()
}

async function signedIn(browser: Browser, account: Account): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const email = ACCOUNTS[account]
  if (email) await login(page, email)
  return { context, page }
}

async function checkVisit(page: Page, file: string, visit: Visit) {
  const url = typeof visit.url === 'string' ? visit.url : await visit.url(new Find(page))
  const where = `${file} as ${visit.as} at ${url}${visit.note ? ` (${visit.note})` : ''}`
  const response = await page.goto(url)
  expect(response?.status(), `${where} answered ${response?.status()}`).toBeLessThan(400)
  await expect(page.getByRole('heading', { level: 1 }).first(), `${where} has a heading`).toBeVisible()
  if (visit.shows) await expect(page.getByRole('main'), where).toContainText(visit.shows)
  await test.step(where, () => expectAccessible(page))
  if (visit.submitEmpty) {
    await page.getByRole('main').getByRole('button', { name: visit.submitEmpty, exact: true }).click()
    await expect(page.locator('.govuk-error-summary'), `${where}: an empty “${visit.submitEmpty}” shows the errors`).toBeVisible()
    await test.step(`${where}, errors shown`, () => expectAccessible(page))
  }
}

test('every route file that renders a page is in the table of pages to check', () => {
  const files = pageRouteFiles()
  const missing = files.filter((f) => !(f in PAGES))
  expect(missing, `Route files with a page but no entry in PAGES (tests/e2e/accessibility.spec.ts): ${missing.join(', ')}`).toEqual([])
  const stale = Object.keys(PAGES).filter((f) => !files.includes(f))
  expect(stale, `Entries in PAGES for no page route file: ${stale.join(', ')}`).toEqual([])
})

for (const account of Object.keys(ACCOUNTS) as Account[]) {
  const visits = Object.entries(PAGES).flatMap(([file, v]) => (Array.isArray(v) ? v.filter((x) => x.as === account).map((x) => [file, x] as const) : []))
  test(`every page ${account === 'anonymous' ? 'seen signed out' : `${account} sees`} passes axe (${visits.length} visits)`, async ({ browser }) => {
    // A page and its axe check take 1–3 s on a quiet machine, several times that on a contended one.
    test.setTimeout(60_000 + visits.length * 15_000)
    const { context, page } = await signedIn(browser, account)
    try {
      for (const [file, visit] of visits) await checkVisit(page, file, visit)
    } finally {
      await context.close()
    }
  })
}

test('two-factor pages: enrolment, the security code at sign-in (and its error), reset by an administrator', async ({ browser }) => {
  test.setTimeout(180_000)
  const user = await signedIn(browser, 'anonymous')
  const admin = await signedIn(browser, 'admin')
  try {
    const page = user.page
    await login(page, TWO_FACTOR.email)
    await page.goto('/account/two-factor')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up two-factor sign-in')
    await expectAccessible(page)
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '')
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()
    await expect(page.locator('.govuk-error-summary')).toBeVisible()
    await expectAccessible(page)
    const { otp } = await generateTOTP({ ...TOTP, secret })
    await page.getByLabel('Security code').fill(otp)
    await Promise.all([page.waitForURL(/\/account$/), page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()])
    await page.goto('/account/two-factor')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-factor sign-in')
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await login(page, TWO_FACTOR.email)
    await expect(page).toHaveURL(/\/login\/two-factor/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your security code')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.locator('.govuk-error-summary')).toBeVisible()
    await expectAccessible(page)
  } finally {
    // Leave the account as found: an administrator resets its two-factor sign-in.
    const page = admin.page
    const userPath = await new Find(page).user(TWO_FACTOR.name)
    await page.goto(`${userPath}/reset-two-factor`)
    if (await page.getByRole('button', { name: 'Reset two-factor sign-in' }).isVisible()) {
      await expectAccessible(page)
      await page.getByRole('button', { name: 'Reset two-factor sign-in' }).click()
      await page.waitForURL((url) => url.pathname === userPath)
    }
    await user.context.close()
    await admin.context.close()
  }
})
