// Smoke tests of the running production build: health, sign-in, refusal of cross-origin and
// malformed requests, security headers, and per-account lockout. Every page visited is axe-checked.
import { expect, test } from './fixtures'
import { expectAccessible, login } from './utils'

test('/healthz answers 200 with JSON', async ({ request }) => {
  const res = await request.get('/healthz')
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toContain('application/json')
  expect(await res.json()).toMatchObject({ status: 'ok', database: 'reachable' })
})

test('the sign-in page is accessible and shows the demo accounts in demo mode', async ({ page }) => {
  await page.goto('/login')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Waypoint')
  await expect(page.getByLabel('Email address')).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible()
  await expect(page.getByTestId('demo-accounts')).toBeVisible()
  await expectAccessible(page)
})

test('an advocate signs in, lands on the home page and sees their name', async ({ page }) => {
  await login(page, 'advocate@demo.example')
  expect(new URL(page.url()).pathname).toBe('/')
  await expect(page.getByTestId('signed-in-as')).toContainText('Ama Okafor-Reyes')
  await expectAccessible(page)
})

test('a wrong password shows the error summary and keeps the email', async ({ page }) => {
  await page.goto('/login')
  await page.locator('input[name="email"]').fill('advocate@demo.example')
  await page.locator('input[name="password"]').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  const summary = page.locator('.govuk-error-summary')
  await expect(summary).toContainText('There is a problem')
  await expect(summary).toContainText('Enter a correct email address and password')
  expect(new URL(page.url()).pathname).toBe('/login')
  await expect(page.locator('input[name="email"]')).toHaveValue('advocate@demo.example')
  await expectAccessible(page)
})

test('without JavaScript, a refused sign-in echoes the email but never the password', async ({ request, baseURL }) => {
  const res = await request.post('/login', {
    headers: { Origin: baseURL! },
    form: { email: 'advocate@demo.example', password: 'secret-typed-by-user' },
    maxRedirects: 0,
  })
  expect(res.status()).toBe(400)
  const html = await res.text()
  expect(html).toContain('Enter a correct email address and password')
  expect(html).toContain('advocate@demo.example')
  expect(html).not.toContain('secret-typed-by-user')
})

test('a cross-origin POST is refused with 403', async ({ request }) => {
  const res = await request.post('/login', {
    headers: { Origin: 'http://evil.example' },
    form: { email: 'advocate@demo.example', password: 'Waypoint-demo-2026' },
    maxRedirects: 0,
  })
  expect(res.status()).toBe(403)
  expect(res.headers()['set-cookie'] ?? '').not.toMatch(/session/i)
})

test('a POST with neither Origin nor Referer is refused with 403', async ({ request }) => {
  const res = await request.fetch('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: 'email=advocate%40demo.example&password=x',
    maxRedirects: 0,
  })
  expect(res.status()).toBe(403)
})

test('malformed sign-in requests get a 4xx answer, never a 500', async ({ request, baseURL }) => {
  const origin = { Origin: baseURL! }
  const cases: { name: string; headers?: Record<string, string>; data?: string | Buffer; form?: Record<string, string> }[] = [
    { name: 'no fields', form: {} },
    { name: 'email only', form: { email: 'advocate@demo.example' } },
    { name: 'password only', form: { password: 'x' } },
    { name: 'repeated fields', headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: 'email=a@b.example&email=c@d.example&password=x&password=y' },
    { name: 'garbage urlencoded', headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: '%%%&&==\u0000\u00ff' },
    { name: 'JSON body', headers: { 'content-type': 'application/json' }, data: '{"email": ["x"], "password": {"a": 1}}' },
    { name: 'broken multipart', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, data: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nnot terminated' },
    { name: 'text/plain', headers: { 'content-type': 'text/plain' }, data: 'hello' },
    { name: 'very long email', form: { email: `${'a'.repeat(5000)}@example.org`, password: 'x' } },
    { name: 'oversized body', headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: `email=a%40b.example&password=${'x'.repeat(3 * 1024 * 1024)}` },
  ]
  for (const c of cases) {
    const res = await request.post('/login', {
      headers: { ...origin, ...c.headers },
      ...(c.form ? { form: c.form } : { data: c.data }),
      maxRedirects: 0,
    })
    expect.soft(res.status(), `${c.name}: status ${res.status()}`).toBeGreaterThanOrEqual(400)
    expect.soft(res.status(), `${c.name}: status ${res.status()}`).toBeLessThan(500)
  }
})

test('an address holding a NUL character gets 400, not a database error', async ({ request }) => {
  for (const url of ['/victims?q=a%00b', '/cases/%00', '/login?next=%00']) {
    const res = await request.get(url, { maxRedirects: 0 })
    expect.soft(res.status(), url).toBe(400)
  }
})

test('pages carry a nonce-based CSP and the standard security headers', async ({ page }) => {
  const res = await page.goto('/login')
  const headers = res!.headers()
  const csp = headers['content-security-policy']
  expect(csp, 'CSP is enforced, not report-only').toBeTruthy()
  const directives = new Map(
    csp!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]),
  )
  const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? []
  const nonce = scriptSrc.find((v) => v.startsWith("'nonce-"))?.slice(7, -1)
  expect(nonce, `script-src has a nonce: ${scriptSrc.join(' ')}`).toBeTruthy()
  expect(scriptSrc).not.toContain("'unsafe-inline'")
  expect(scriptSrc).not.toContain("'unsafe-eval'")
  expect(directives.get('object-src')).toEqual(["'none'"])
  const framing = directives.get('frame-ancestors')?.join(' ') ?? ''
  expect(framing === "'none'" || /deny|sameorigin/i.test(headers['x-frame-options'] ?? '')).toBe(true)
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toMatch(/same-origin|no-referrer|strict-origin/)
  expect(headers['x-powered-by']).toBeUndefined()

  // Every script in the page carries this response's nonce, and the nonce changes per request.
  const html = await res!.text()
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
  expect(scripts.length).toBeGreaterThan(0)
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`)
  const again = await page.request.get('/login')
  expect(again.headers()['content-security-policy']).not.toContain(nonce!)
  await expectAccessible(page)
})

test('five failed sign-ins lock the account, with the same message whether or not it exists', async ({ page }) => {
  // A made-up address, so that real demo accounts stay usable for other tests.
  const email = `nobody-${Date.now()}@nowhere.example`
  const attempt = async () => {
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill('wrong-password')
    // Wait for each answer, so no submission overtakes (and cancels) the one before it.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/login')),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ])
    await expect(page.locator('.govuk-error-summary')).toBeVisible()
  }
  await page.goto('/login')
  for (let i = 1; i <= 4; i++) {
    await attempt()
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter a correct email address and password')
  }
  await attempt()
  await expect(page.locator('.govuk-error-summary')).toContainText('Too many failed sign-in attempts')
  await expectAccessible(page)
  // Still locked on the next attempt.
  await attempt()
  await expect(page.locator('.govuk-error-summary')).toContainText('Too many failed sign-in attempts')
})
