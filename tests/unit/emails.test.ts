// Every Waypoint email renders to HTML and plain text with its real values in place, with no
// placeholders left over and nothing about a victim or a case in it.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { render } from '@react-email/render'
import { createElement, type ReactElement } from 'react'
import { describe, expect, test } from 'vitest'
import AccountLockedDefault, { AccountLockedEmail } from '#emails/account-locked'
import PasswordResetDefault, { PasswordResetEmail } from '#emails/password-reset'
import SetPasswordDefault, { SetPasswordEmail } from '#emails/set-password'
import TwoFactorEnrolledDefault, { TwoFactorEnrolledEmail } from '#emails/two-factor-enrolled'

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

test('every template in emails/ is covered here (a new email needs its case above)', () => {
  const templates = readdirSync(path.resolve(import.meta.dirname, '../../emails'))
    .filter((f) => f.endsWith('.tsx') && f !== 'layout.tsx')
    .map((f) => f.replace(/\.tsx$/, ''))
    .sort()
  expect(templates).toEqual(['account-locked', 'password-reset', 'set-password', 'two-factor-enrolled'])
  expect(cases.map((c) => c.subject).sort()).toEqual(
    [AccountLockedEmail, PasswordResetEmail, SetPasswordEmail, TwoFactorEnrolledEmail].map((t) => t.subject).sort(),
  )
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
