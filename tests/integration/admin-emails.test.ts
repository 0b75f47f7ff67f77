// The email template previews (/admin/emails and /admin/emails/:template): administrators see every
// template with its sample subject and rendering; every other role is refused with 403, signed-out
// visitors are sent to sign in, and an unknown template is a 404.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, test } from 'vitest'
import { EMAIL_TEMPLATES, EMAILS } from '#emails/catalogue'
import { createOrganisation, createUser } from '#tests/setup/world'
import { status } from '#tests/setup/actors'
import type { Role } from '~/domain/access/policy'
import { createSession } from '~/services/session.server'

const IP = '192.0.2.71'
const cookies: Partial<Record<Role, string>> = {}

const cookieFor = async (userId: string) => (await createSession({ userId, ip: IP, userAgent: 'vitest', twoFactorPending: false })).setCookie.split(';')[0]!
const get = (path: string, cookie?: string) => new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} })
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { ip: IP } }) as unknown as LoaderFunctionArgs

beforeAll(async () => {
  const police = await createOrganisation({ kind: 'police' })
  cookies.admin = await cookieFor((await createUser({ role: 'admin' })).id)
  cookies.officer = await cookieFor((await createUser({ role: 'officer', organisationId: police.id })).id)
  for (const role of ['advocate', 'cps_liaison', 'manager'] as const) cookies[role] = await cookieFor((await createUser({ role })).id)
})

describe('email template previews', () => {
  test('an administrator gets every template with its sample subject, and one-time links marked', async () => {
    const list = await import('~/routes/admin.emails._index')
    const { templates } = await list.loader(args(get('/admin/emails', cookies.admin)))
    expect(templates.map((t) => t.template)).toEqual(EMAIL_TEMPLATES)
    expect(templates.filter((t) => t.secret).map((t) => t.template)).toEqual(['password-reset', 'set-password'])
    const entitlement = templates.find((t) => t.template === 'entitlement-reminder')!
    expect(entitlement.subject).toBe(`Due tomorrow: Victims' Code right 6 (${EMAILS['entitlement-reminder'].sample.reference})`)
    for (const t of templates) expect(t.description).toBe(EMAILS[t.template].description)
  })

  test('an administrator gets one template rendered as HTML and plain text; an unknown template is a 404', async () => {
    const one = await import('~/routes/admin.emails.$template')
    const email = await one.loader(args(get('/admin/emails/visit-reminder', cookies.admin), { template: 'visit-reminder' }))
    expect(email.subject).toBe('Due: follow-up visit (WP-DEMO-0001)')
    const html = await import('~/routes/admin.emails.$template_.html')
    const page = await html.loader(args(get('/admin/emails/visit-reminder/html', cookies.admin), { template: 'visit-reminder' }))
    expect(await page.text()).toMatch(/^<!DOCTYPE html/)
    expect(page.headers.get('content-security-policy')).toContain('sandbox')
    expect(await status(() => html.loader(args(get('/admin/emails/nope/html', cookies.admin), { template: 'nope' })))).toBe(404)
    expect(email.text).toContain('The visit is due by Tuesday 1 December 2026.')
    for (const template of ['no-such-email', 'constructor', '__proto__', 'layout', 'reminder-parts', 'catalogue']) {
      expect(await status(() => one.loader(args(get(`/admin/emails/${template}`, cookies.admin), { template }))), template).toBe(404)
    }
  })

  test.each(['advocate', 'officer', 'cps_liaison', 'manager'] as const)('%s is refused both pages (403)', async (role) => {
    const list = await import('~/routes/admin.emails._index')
    const one = await import('~/routes/admin.emails.$template')
    const html = await import('~/routes/admin.emails.$template_.html')
    expect(await status(() => html.loader(args(get('/admin/emails/digest/html', cookies[role]), { template: 'digest' })))).toBe(403)
    expect(await status(() => list.loader(args(get('/admin/emails', cookies[role]))))).toBe(403)
    expect(await status(() => one.loader(args(get('/admin/emails/digest', cookies[role]), { template: 'digest' })))).toBe(403)
    // Refused before the name is looked at: no way to probe which templates exist.
    expect(await status(() => one.loader(args(get('/admin/emails/nope', cookies[role]), { template: 'nope' })))).toBe(403)
  })

  test('signed out: sent to sign in', async () => {
    const list = await import('~/routes/admin.emails._index')
    const one = await import('~/routes/admin.emails.$template')
    expect(await status(() => list.loader(args(get('/admin/emails'))))).toBe(302)
    expect(await status(() => one.loader(args(get('/admin/emails/digest'), { template: 'digest' })))).toBe(302)
  })
})
