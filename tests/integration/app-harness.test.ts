// The in-process app harness itself: the manifest has every route file, pages render through root,
// and a session cookie signs a user in.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { request, routeManifest, routePattern, sessionCookieFor } from '#tests/setup/app-harness'
import { createUser } from '#tests/setup/world'

describe('app harness', () => {
  test('the manifest holds every file in app/routes', () => {
    const files = readdirSync(path.resolve(import.meta.dirname, '../../app/routes')).length
    const manifest = routeManifest()
    expect(Object.keys(manifest)).toHaveLength(files)
    expect(routePattern(manifest, 'routes/victims.$victimId_.edit')).toBe('/victims/:victimId/edit')
  })

  test('a page renders for a signed-in user and redirects a stranger to sign in', async () => {
    const anonymous = await request('/victims')
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('location')).toMatch(/^\/login/)
    const user = await createUser({ role: 'advocate' })
    const page = await request('/victims', { cookie: await sessionCookieFor(user.id) })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<html')
    expect(html).toContain(user.name)
  })
})
