// Every Waypoint email renders to HTML and plain text with its real values in place, with no
// placeholders left over and nothing about a victim or a case in it: the account emails below by
// hand, then every template in the catalogue (emails/catalogue.ts) with its sample values, with
// props built from each seeded demo victim's reference (their names, addresses, phone numbers and
// dates of birth must never appear), and with hostile values (always escaped).
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { render } from '@react-email/render'
import fc from 'fast-check'
import { createElement, type ReactElement } from 'react'
import { describe, expect, test } from 'vitest'
import { DEMO_VICTIMS } from '../../prisma/seed'
import { EMAIL_TEMPLATES, EMAILS, emailSubject, isEmailTemplate, renderSample, renderTemplate, type EmailTemplate } from '#emails/catalogue'
import AccountLockedDefault, { AccountLockedEmail } from '#emails/account-locked'
import PasswordResetDefault, { PasswordResetEmail } from '#emails/password-reset'
import SetPasswordDefault, { SetPasswordEmail } from '#emails/set-password'
import TwoFactorEnrolledDefault, { TwoFactorEnrolledEmail } from '#emails/two-factor-enrolled'
import { formatDate } from '~/utils/format'

const URL_WITH_TOKEN = 'https://waypoint.example/reset-password/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg'

interface Case {
  name: string
  element: ReactElement
  subject: string
  /** Strings that must appear in both the HTML and the text version. */
  mustContain: string[]
}

const cases: Case[] = [
  {
    name: 'password reset',
    element: createElement(PasswordResetEmail, { url: URL_WITH_TOKEN, minutes: 30 }),
    subject: PasswordResetEmail.subject,
    mustContain: [URL_WITH_TOKEN, '30 minutes', 'works once'],
  },
  {
    name: 'set password (new account)',
    element: createElement(SetPasswordEmail, { url: URL_WITH_TOKEN, name: 'Rowan Testperson', hours: 72 }),
    subject: SetPasswordEmail.subject,
    mustContain: [URL_WITH_TOKEN, 'Rowan Testperson', '72 hours'],
  },
  {
    name: 'two-factor enrolled',
    element: createElement(TwoFactorEnrolledEmail, { when: '29 November 2026 at 9:15am' }),
    subject: TwoFactorEnrolledEmail.subject,
    mustContain: ['29 November 2026 at 9:15am', 'administrator'],
  },
  {
    name: 'account locked',
    element: createElement(AccountLockedEmail, { minutes: 15 }),
    subject: AccountLockedEmail.subject,
    mustContain: ['15 minutes', 'reset your password'],
  },
]

// Leftovers of unfilled values or template syntax.
const PLACEHOLDERS = [/undefined/, /\bnull\b/, /NaN/, /\[object Object\]/, /\{\{|\}\}/, /\{[a-zA-Z]+\}/, /lorem ipsum/i, /TODO|FIXME|XXX/]
// Words that would mean case or victim detail had leaked into an email.
const CASE_WORDS = [/victim/i, /\bcase\b/i, /offen[cs]e/i, /crime reference/i, /date of birth/i, /exploitation/i]

describe.each(cases)('$name email', ({ element, subject, mustContain }) => {
  test('renders HTML: a complete en-GB document with the values in place', async () => {
    const html = await render(element)
    expect(html).toMatch(/^<!DOCTYPE html/)
    expect(html).toContain('lang="en-GB"')
    expect(html).toContain('Waypoint')
    for (const s of mustContain) expect(html).toContain(s.replace(/&/g, '&amp;'))
    const visible = html.replace(/<[^>]+>/g, ' ')
    for (const p of PLACEHOLDERS) expect(visible).not.toMatch(p)
  })

  test('renders plain text with the same values, no markup and no placeholders', async () => {
    const text = await render(element, { plainText: true })
    expect(text.length).toBeGreaterThan(100)
    expect(text).not.toMatch(/<[a-z][^>]*>/i)
    for (const s of mustContain) expect(text).toContain(s)
    for (const p of PLACEHOLDERS) expect(text).not.toMatch(p)
    // The standing warning against phishing is in every email.
    expect(text).toContain('never asks for your password')
  })

  test('says nothing about victims or cases, in the body or the subject', async () => {
    const text = await render(element, { plainText: true })
    for (const w of CASE_WORDS) {
      expect(text).not.toMatch(w)
      expect(subject).not.toMatch(w)
    }
  })

  test('has a short, specific subject', () => {
    expect(subject).toMatch(/Waypoint/)
    expect(subject.length).toBeLessThanOrEqual(78)
  })
})

test('each template is the default export too, with preview values that render (react-email preview)', async () => {
  for (const Template of [AccountLockedDefault, PasswordResetDefault, SetPasswordDefault, TwoFactorEnrolledDefault]) {
    const props = (Template as unknown as { PreviewProps: Record<string, unknown> }).PreviewProps
    expect(props).toBeTruthy()
    const text = await render(createElement(Template as unknown as (p: Record<string, unknown>) => ReactElement, props), { plainText: true })
    for (const p of PLACEHOLDERS) expect(text).not.toMatch(p)
  }
})

// Account emails are checked by hand above; reminders (a reference and a link) by the catalogue tests below.
const REMINDERS: EmailTemplate[] = ['entitlement-reminder', 'visit-reminder', 'hearing-reminder', 'intelligence-received', 'referral-update', 'share-update', 'digest']

test('every template is covered here: an account email needs its case above, anything else is a reminder', () => {
  const account = EMAIL_TEMPLATES.filter((t) => !REMINDERS.includes(t)).sort()
  expect(account).toEqual(['account-locked', 'password-reset', 'set-password', 'two-factor-enrolled'])
  expect(cases.map((c) => c.subject).sort()).toEqual(
    [AccountLockedEmail, PasswordResetEmail, SetPasswordEmail, TwoFactorEnrolledEmail].map((t) => t.subject).sort(),
  )
  for (const t of account) expect(emailSubject(t, EMAILS[t].sample as never)).toBe(cases.find((c) => c.subject === emailSubject(t, EMAILS[t].sample as never))?.subject)
})

test('values are escaped in the HTML: a name cannot add markup to an email', async () => {
  const html = await render(createElement(SetPasswordEmail, { url: URL_WITH_TOKEN, name: '<b>Sam</b> & "Co"', hours: 72 }))
  expect(html).not.toContain('<b>Sam</b>')
  expect(html).toContain('&lt;b&gt;Sam&lt;/b&gt;')
})

test('the link is a real link in the HTML, to exactly the URL given', async () => {
  const elements = [
    createElement(PasswordResetEmail, { url: URL_WITH_TOKEN, minutes: 30 }),
    createElement(SetPasswordEmail, { url: URL_WITH_TOKEN, name: 'Sam Example', hours: 72 }),
  ]
  for (const element of elements) expect(await render(element)).toContain(`href="${URL_WITH_TOKEN}"`)
})

// ---- Every template in the catalogue ------------------------------------------------------------

type Props = Record<string, unknown>
const sampleOf = (t: EmailTemplate) => EMAILS[t].sample as Props
const renderAny = (t: EmailTemplate, props: Props) => renderTemplate(t, props as never)
const subjectAny = (t: EmailTemplate, props: Props) => emailSubject(t, props as never)

// Props that choose a wording rather than appear in it.
const CHOICE_KEYS = new Set(['state', 'period', 'kind'])

/** Every value the email should show: string and number leaves of the props, wherever they are. */
function shownValues(value: unknown, key = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => shownValues(v))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => shownValues(v, k))
  if (CHOICE_KEYS.has(key)) return []
  return typeof value === 'string' || typeof value === 'number' ? [String(value)] : []
}

/** Every `url` in the props: each is a link in the email, and the only links it has. */
function urlsOf(value: unknown, key = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => urlsOf(v))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urlsOf(v, k))
  return key === 'url' && typeof value === 'string' ? [value] : []
}

/** The props with every `reference` (top level and in digest items) replaced. */
function withReference<T>(value: T, reference: string): T {
  if (Array.isArray(value)) return value.map((v: unknown) => withReference(v, reference)) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'reference' ? reference : withReference(v, reference)])) as T
  return value
}

const hasReference = (props: Props) => JSON.stringify(props).includes('"reference"')

/** How React writes text into HTML. */
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')
const visibleText = (html: string) => html.replace(/<[^>]+>/g, ' ')
const tagsOf = (html: string) => new Set([...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()))

describe.each(EMAIL_TEMPLATES)('catalogue: %s', (template) => {
  const sample = sampleOf(template)

  test('renders a complete en-GB HTML document with every sample value in place and no placeholders', async () => {
    const { html } = await renderAny(template, sample)
    expect(html).toMatch(/^<!DOCTYPE html/)
    expect(html).toContain('lang="en-GB"')
    expect(html).toMatch(/<title>[^<]+<\/title>/)
    expect(html).toMatch(/<h1[^>]*>[^<]+<\/h1>/)
    const lower = html.toLowerCase()
    for (const v of shownValues(sample)) expect(lower, v).toContain(escapeHtml(v).toLowerCase())
    for (const p of PLACEHOLDERS) expect(visibleText(html)).not.toMatch(p)
    expect(html).toContain('never asks for your password')
  })

  test('renders plain text with the same values, no markup and no placeholders', async () => {
    const { text } = await renderAny(template, sample)
    expect(text).not.toMatch(/<[a-z][^>]*>/i)
    const lower = text.toLowerCase()
    for (const v of shownValues(sample)) expect(lower, v).toContain(v.toLowerCase())
    for (const p of PLACEHOLDERS) expect(text).not.toMatch(p)
    expect(text).toContain('never asks for your password')
  })

  test('has one clear link per thing to act on: exactly the URLs in its props', async () => {
    const { html } = await renderAny(template, sample)
    const hrefs = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1])
    expect(hrefs.sort()).toEqual(urlsOf(sample).map(escapeHtml).sort())
    if (template !== 'digest') expect(hrefs.length).toBeLessThanOrEqual(1)
  })

  test('has a short subject with no placeholders, on one line', () => {
    const subject = subjectAny(template, sample)
    expect(subject.length).toBeGreaterThan(10)
    expect(subject.length).toBeLessThanOrEqual(78)
    expect(subject).not.toMatch(/[\r\n]/)
    for (const p of PLACEHOLDERS) expect(subject).not.toMatch(p)
  })

  test('its sample is invented: demo references and example addresses only', () => {
    for (const url of urlsOf(sample)) expect(new URL(url).hostname).toBe('localhost')
    for (const v of shownValues(sample)) expect(v).not.toMatch(/^V-20\d\d-\d{4}$/)
  })

  test('a reminder names the victim by pseudonymous reference only, in the body and the subject', async () => {
    if (!hasReference(sample)) return
    const props = withReference(sample, 'WP-TEST-4242')
    const { html, text } = await renderAny(template, props)
    expect(text).toContain('WP-TEST-4242')
    expect(html).toContain('WP-TEST-4242')
    if (template !== 'digest') expect(subjectAny(template, props)).toContain('WP-TEST-4242')
  })
})

test('every emails/*.tsx with a default export is registered in the catalogue under its file name (a new template must be)', async () => {
  const folder = path.resolve(import.meta.dirname, '../../emails')
  const files = readdirSync(folder).filter((f) => f.endsWith('.tsx'))
  const registered: string[] = []
  for (const file of files) {
    const module = (await import(path.join(folder, file))) as { default?: unknown }
    if (module.default === undefined) continue
    const name = file.replace(/\.tsx$/, '')
    expect(isEmailTemplate(name), `${file} has a default export but is not in EMAILS (emails/catalogue.ts)`).toBe(true)
    expect(EMAILS[name as EmailTemplate].component, `EMAILS['${name}'] renders ${file}'s component`).toBe(module.default)
    expect(EMAILS[name as EmailTemplate].sample, `EMAILS['${name}'] uses ${file}'s PreviewProps`).toBe((module.default as { PreviewProps: unknown }).PreviewProps)
    registered.push(name)
  }
  expect(registered.sort()).toEqual([...EMAIL_TEMPLATES].sort())
  expect(isEmailTemplate('layout')).toBe(false)
  expect(isEmailTemplate('constructor')).toBe(false)
})

test('only the emails with a one-time link are secret, and those carry their link', () => {
  expect(EMAIL_TEMPLATES.filter((t) => EMAILS[t].secret)).toEqual(['password-reset', 'set-password'])
  for (const t of EMAIL_TEMPLATES) expect(EMAILS[t].description.length, t).toBeGreaterThan(5)
})

test('renderSample gives the subject, HTML and text the preview pages show', async () => {
  const s = await renderSample('hearing-reminder')
  expect(s).toMatchObject({ template: 'hearing-reminder', secret: false, subject: 'Hearing in the next 7 days (WP-DEMO-0001)', description: EMAILS['hearing-reminder'].description })
  expect(s.text).toContain('Trial: 10:00am on Thursday 3 December 2026.')
})

// ---- Reminder wording ------------------------------------------------------------------------------

test('entitlement and visit reminders say overdue or due, and by when', async () => {
  const overdue = { ...EMAILS['entitlement-reminder'].sample, state: 'overdue' as const }
  expect(emailSubject('entitlement-reminder', overdue)).toBe("Overdue: Victims' Code right 6 (WP-DEMO-0001)")
  expect((await renderTemplate('entitlement-reminder', overdue)).text).toContain('It was due by the end of Monday 30 November 2026 and is not recorded as met.')
  const visit = { ...EMAILS['visit-reminder'].sample, state: 'overdue' as const }
  expect(emailSubject('visit-reminder', visit)).toBe('Overdue: follow-up visit (WP-DEMO-0001)')
  expect((await renderTemplate('visit-reminder', visit)).text).toContain('The visit was due by Tuesday 1 December 2026.')
})

test('referral updates: received asks for a decision; accepted and declined say who decided; acronyms keep their capitals', async () => {
  const base = EMAILS['referral-update'].sample
  expect((await renderTemplate('referral-update', base)).text).toContain('Accept or decline the referral in Waypoint')
  const declined = { ...base, state: 'declined' as const, service: 'ISVA support' }
  expect(emailSubject('referral-update', declined)).toBe('Your referral was declined (WP-DEMO-0001)')
  expect((await renderTemplate('referral-update', declined)).text).toContain('Example Therapeutic Support declined the referral for ISVA support from Example Advocacy Service.')
})

test('sharing updates: a new request asks for an answer; someone refused access is not told the reference', async () => {
  const base = EMAILS['share-update'].sample
  expect(emailSubject('share-update', base)).toBe('A young person has been shared with your force (WP-DEMO-0001)')
  expect((await renderTemplate('share-update', base)).text).toContain('Example Advocacy Service shared a young person’s record with Example Police.')
  const refused = { ...base, kind: 'access' as const, state: 'refused' as const, reference: null }
  expect(emailSubject('share-update', refused)).toBe('Your request for access was refused')
  const text = (await renderTemplate('share-update', refused)).text
  expect(text).toContain('Example Police refused Example Advocacy Service access to the record, and said why.')
  expect(text).not.toContain('WP-DEMO')
})

describe('digest', () => {
  const base = EMAILS.digest.sample
  const item = (n: number) => ({ label: 'Follow-up visit', reference: `WP-DEMO-${String(n).padStart(4, '0')}`, dueOn: 'Tuesday 1 December 2026', url: `http://localhost:3000/victims/example-${n}` })

  test('lists overdue, due, coming up and news, each with its count', async () => {
    const { text } = await renderTemplate('digest', base)
    expect(text).toMatch(/OVERDUE \(1\)[\s\S]*DUE THIS WEEK \(1\)[\s\S]*COMING UP \(1\)[\s\S]*NEW SINCE YOUR LAST SUMMARY \(1\)/)
    expect(text).toContain('Was due Friday 27 November 2026')
  })

  test('leaves out empty sections', async () => {
    const props = { ...base, period: 'daily' as const, due: [], upcoming: [], news: [] }
    const { text, html } = await renderTemplate('digest', props)
    expect(text).toContain('OVERDUE (1)')
    for (const gone of ['DUE TODAY', 'COMING UP', 'NEW SINCE']) expect(text).not.toContain(gone)
    expect(html).not.toContain('(0)')
    expect(emailSubject('digest', props)).toBe('Your daily Waypoint summary: 1 overdue')
  })

  test('still reads sensibly when there is nothing at all', async () => {
    const props = { ...base, overdue: [], due: [], upcoming: [], news: [] }
    const { text } = await renderTemplate('digest', props)
    expect(text).toContain('Nothing is overdue, due or coming up for you')
    expect(text).not.toMatch(/\(0\)|OVERDUE|COMING UP/)
    expect(emailSubject('digest', props)).toBe('Your weekly Waypoint summary: nothing overdue or due')
  })

  test('a long section is cut short and points to Waypoint for the rest', async () => {
    const overdue = Array.from({ length: 27 }, (_, i) => item(i + 1))
    const props = { ...base, overdue }
    const { text, html } = await renderTemplate('digest', props)
    expect(text).toContain('OVERDUE (27)')
    expect(text).toContain('WP-DEMO-0020')
    expect(text).not.toContain('WP-DEMO-0021')
    expect(text).toContain('And 7 more in Waypoint.')
    expect(emailSubject('digest', props)).toBe('Your weekly Waypoint summary: 27 overdue, 1 due')
    expect(html.length).toBeLessThan(60_000)
  })
})

// ---- No victim detail, ever --------------------------------------------------------------------------

const londonDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' })
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Everything about a seeded victim that must never be in an email, as the app would print it. */
function victimDetails(v: (typeof DEMO_VICTIMS)[keyof typeof DEMO_VICTIMS]): string[] {
  const [y, m, d] = v.dateOfBirth.split('-')
  const dob = new Date(`${v.dateOfBirth}T00:00:00Z`)
  const address = v.address ? [v.address, ...v.address.split(',').map((p) => p.trim())] : []
  const phone = v.phone ? [v.phone, v.phone.replace(/\s/g, '')] : []
  return [
    v.firstName,
    v.lastName,
    `${v.firstName} ${v.lastName}`,
    ...(v.preferredName ? [v.preferredName] : []),
    ...address,
    ...phone,
    ...(v.email ? [v.email] : []),
    v.dateOfBirth,
    formatDate(dob),
    londonDate.format(dob),
    `${d}/${m}/${y}`,
    `${Number(d)}/${Number(m)}/${y}`,
  ]
}

/** Whole words or phrases, any case: "Kay" must not match "okay". */
const leaks = (haystack: string, details: string[]) => details.filter((d) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(d)}($|[^\\p{L}\\p{N}])`, 'iu').test(haystack))

describe('no template output contains any seeded victim detail', () => {
  const victims = Object.values(DEMO_VICTIMS)
  const allDetails = victims.flatMap(victimDetails)

  test('the seeded victims are there to check against', () => {
    expect(victims.length).toBeGreaterThanOrEqual(10)
    expect(allDetails).toContain('Zainab')
    expect(allDetails).toContain('3 May 2009')
    expect(allDetails).toContain('2009-05-03')
  })

  test.each(EMAIL_TEMPLATES)('%s with its sample values', async (template) => {
    const sample = sampleOf(template)
    const { html, text } = await renderAny(template, sample)
    const subject = subjectAny(template, sample)
    expect(leaks(html, allDetails)).toEqual([])
    expect(leaks(text, allDetails)).toEqual([])
    expect(leaks(subject, allDetails)).toEqual([])
  })

  test.each(EMAIL_TEMPLATES)('%s built from each seeded victim’s reference', async (template) => {
    const sample = sampleOf(template)
    for (const victim of victims) {
      const props = withReference(sample, victim.reference)
      const { html, text } = await renderAny(template, props)
      const subject = subjectAny(template, props)
      const details = victimDetails(victim)
      expect(leaks(html, details), victim.reference).toEqual([])
      expect(leaks(text, details), victim.reference).toEqual([])
      expect(leaks(subject, details), victim.reference).toEqual([])
      if (hasReference(sample)) expect(text).toContain(victim.reference)
    }
  })

  test('the check itself finds a leak (a name or date of birth put into a reference would be caught)', async () => {
    const zainab = DEMO_VICTIMS.zainab
    const props = withReference(EMAILS['visit-reminder'].sample, `${zainab.firstName} ${formatDate(new Date(`${zainab.dateOfBirth}T00:00:00Z`))}`)
    const { text } = await renderTemplate('visit-reminder', props)
    expect(leaks(text, victimDetails(zainab))).toEqual(expect.arrayContaining(['Zainab', '3 May 2009']))
    expect(leaks('Okay, see you', ['Kay'])).toEqual([])
  })
})

// ---- Escaping, for any value ----------------------------------------------------------------------------

const MARKUP = ['<script>alert(1)</script>', '<b>bold</b>', '"><img src=x onerror=alert(1)>', "' onmouseover='x", '</p><h1>Hi</h1>', '&lt;already&gt;', '<!-- -->']
const hostile = fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...MARKUP), fc.string({ maxLength: 12 })).map(([a, m, b]) => `${a}${m}${b}`)

/** Every string in the props except links (which the app builds) set to `value`. */
function withText<T>(value: T, text: string, key = ''): T {
  if (Array.isArray(value)) return value.map((v: unknown) => withText(v, text)) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withText(v, text, k)])) as T
  if (typeof value === 'string' && !CHOICE_KEYS.has(key) && key !== 'url') return text as T
  return value
}

test.each(EMAIL_TEMPLATES)('%s: any reference, date or label is escaped in the HTML (property)', async (template) => {
  const sample = sampleOf(template)
  const allowedTags = tagsOf((await renderAny(template, sample)).html)
  // Account emails such as account-locked have numbers only: nothing of theirs to escape.
  const hasText = JSON.stringify(withText(sample, '§')) !== JSON.stringify(sample)
  await fc.assert(
    fc.asyncProperty(hostile, fc.boolean(), async (value, onlyReference) => {
      const props = onlyReference && hasReference(sample) ? withReference(sample, value) : withText(sample, value)
      const { html } = await renderAny(template, props)
      // No tag the template does not write itself, and the value is there, escaped.
      expect([...tagsOf(html)].filter((t) => !allowedTags.has(t))).toEqual([])
      expect(html).not.toMatch(/<script|<img|<b>/i)
      if (hasText) expect(html.toLowerCase()).toContain(escapeHtml(value).toLowerCase())
    }),
    { numRuns: 15 },
  )
})
