// Account security in a real browser: two-factor enrolment and sign-in with a code (codes computed
// here from the key shown on the page, as an authenticator app would), password reset through the
// captured email, and signing out of other sessions. Every page visited is axe-checked.
//
// Accounts: twofactor@demo.example and reset@demo.example are e2e-only and may be changed freely;
// the two-factor test turns two-factor sign-in off again at the end so a retry starts clean.
import { generateTOTP } from '@epic-web/totp'
import { expect, test, type Page } from './fixtures'
import { TOTP, timeStep } from '../../app/domain/auth/totp'
import { DEMO_PASSWORD, emailLinks, expectAccessible, latestEmail, login, readEmails } from './utils'

/** Waits until the 30-second time-step is later than `after`, then gives the code for now. */
async function freshCode(secret: string, after: number): Promise<{ code: string; step: number }> {
  while (timeStep(Date.now()) <= after) await new Promise((r) => setTimeout(r, 250))
  const step = timeStep(Date.now())
  const { otp } = await generateTOTP({ ...TOTP, secret })
  return { code: otp, step }
}

async function submitCode(page: Page, code: string, button: string) {
  await page.getByLabel('Security code').fill(code)
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: button }).click()])
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL((url) => url.pathname === '/login')
}

test('two-factor: enrol with the key shown, sign out, sign in with password and code; a reused code is refused', async ({ page }) => {
  test.setTimeout(150_000)
  const email = 'twofactor@demo.example'
  await login(page, email)
  await expectAccessible(page)

  await page.goto('/account')
  await expect(page.getByTestId('security')).toContainText('Off')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Set up two-factor sign-in' }).click()
  await expect(page).toHaveURL(/\/account\/two-factor$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up two-factor sign-in')
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible()
  await expectAccessible(page)
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '')
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)

  // A wrong code: error summary and field error.
  const enrolStep = timeStep(Date.now())
  const { otp: enrolCode } = await generateTOTP({ ...TOTP, secret })
  const wrong = enrolCode === '000000' ? '111111' : '000000'
  await submitCode(page, wrong, 'Turn on two-factor sign-in')
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter a correct security code')
  await expect(page.locator('.govuk-error-message')).toContainText('Enter a correct security code')
  // (What the person typed stays in their own browser; the page never writes it back.)
  expect((await page.getByLabel('Security code').getAttribute('value')) ?? '').toBe('')
  await expectAccessible(page)

  const sentAfter = new Date()
  await submitCode(page, enrolCode, 'Turn on two-factor sign-in')
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.locator('.govuk-notification-banner')).toContainText('Two-factor sign-in is on')
  await expect(page.getByTestId('security')).toContainText('On')
  await expectAccessible(page)
  const notice = await latestEmail(email, { after: sentAfter })
  expect(notice.subject).toContain('Two-factor sign-in is now on')

  // Sign in again: password first, then a code.
  await signOut(page)
  await login(page, email)
  await expect(page).toHaveURL(/\/login\/two-factor/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your security code')
  await expectAccessible(page)
  // Without the code the rest of the service stays shut.
  await page.goto('/account')
  await expect(page).toHaveURL(/\/login\/two-factor/)

  // The code used to enrol has been used: it does not work a second time.
  await submitCode(page, enrolCode, 'Continue')
  await expect(page).toHaveURL(/\/login\/two-factor/)
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter a correct security code')
  await expectAccessible(page)

  const signIn = await freshCode(secret, enrolStep)
  await submitCode(page, signIn.code, 'Continue')
  await expect(page).toHaveURL((url) => url.pathname === '/')
  await expect(page.getByTestId('signed-in-as')).toBeVisible()
  await expectAccessible(page)

  // Leave the account as we found it: turning two-factor off takes a current code.
  await page.goto('/account/two-factor')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-factor sign-in')
  await expectAccessible(page)
  const turnOff = await freshCode(secret, signIn.step)
  await submitCode(page, turnOff.code, 'Turn off two-factor sign-in')
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.locator('.govuk-notification-banner')).toContainText('Two-factor sign-in is now off')
  await expect(page.getByTestId('security')).toContainText('Off')
  await expectAccessible(page)
})

test('password reset: the same answer for any address, a one-time link by email, then sign in with the new password', async ({ page, baseURL }) => {
  const email = 'reset@demo.example'
  const newPassword = `Reset-by-link-${Date.now()}`

  await page.goto('/login')
  await page.getByRole('link', { name: 'Forgotten your password?' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password')
  await expectAccessible(page)

  // Bad input: error summary, value kept.
  await page.getByLabel('Email address').fill('not-an-email')
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter an email address in the correct format')
  await expect(page.getByLabel('Email address')).toHaveValue('not-an-email')
  await expectAccessible(page)

  // An address with no account gets the same confirmation as a real one.
  await page.getByLabel('Email address').fill('nobody-at-all@demo.example')
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email')
  const unknownText = (await page.locator('main').innerText()).replace('nobody-at-all@demo.example', '<email>')
  await expectAccessible(page)

  await page.goto('/forgot-password')
  const sentAfter = new Date()
  await page.getByLabel('Email address').fill(email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email')
  expect((await page.locator('main').innerText()).replace(email, '<email>')).toBe(unknownText)

  const message = await latestEmail(email, { after: sentAfter })
  expect(message.subject).toBe('Reset your Waypoint password')
  // Checked once the real account's email, asked for later, has arrived: nothing went to the unknown address.
  expect(await readEmails('nobody-at-all@demo.example')).toHaveLength(0)
  const link = emailLinks(message).find((l) => l.includes('/reset-password/'))
  expect(link).toBeTruthy()
  await page.goto(new URL(link!).pathname)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password')
  await expectAccessible(page)

  // Confirmation that does not match: errors, and the page never writes a password back.
  await page.getByLabel('New password', { exact: true }).fill(newPassword)
  await page.getByLabel('Confirm new password').fill(`${newPassword}x`)
  await page.getByRole('button', { name: 'Save password' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('The passwords do not match')
  expect((await page.getByLabel('New password', { exact: true }).getAttribute('value')) ?? '').toBe('')
  expect((await page.getByLabel('Confirm new password').getAttribute('value')) ?? '').toBe('')
  await expectAccessible(page)
  // The same without JavaScript: the server's answer names the problem and carries neither password.
  const noJs = await page.request.post(new URL(link!).pathname, {
    headers: { Origin: baseURL! },
    form: { password: newPassword, confirm: `${newPassword}x` },
    maxRedirects: 0,
  })
  expect(noJs.status()).toBe(400)
  const answer = await noJs.text()
  expect(answer).toContain('The passwords do not match')
  expect(answer).not.toContain(newPassword)

  await page.getByLabel('New password', { exact: true }).fill(newPassword)
  await page.getByLabel('Confirm new password').fill(newPassword)
  await page.getByRole('button', { name: 'Save password' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.locator('.govuk-notification-banner')).toContainText('Your password has been changed')
  await expectAccessible(page)

  // The link works once.
  await page.goto(new URL(link!).pathname)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot use this link')
  await expect(page.locator('main')).toContainText('This link has already been used')
  await expect(page.getByRole('link', { name: 'Get a new link' })).toBeVisible()
  await expectAccessible(page)

  // The old password no longer works; the new one does.
  await page.goto('/login')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter a correct email address and password')
  await login(page, email, newPassword)
  await expect(page.getByTestId('signed-in-as')).toBeVisible()
  await expectAccessible(page)
})

test('an unknown reset link shows a clear page offering a new one', async ({ page }) => {
  await page.goto('/reset-password/this-is-not-a-real-token')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot use this link')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Get a new link' }).click()
  await expect(page).toHaveURL(/\/forgot-password$/)
  await expectAccessible(page)
})

test('sign out of all other sessions from the account page', async ({ browser }) => {
  const email = 'officer2@demo.example'
  const here = await browser.newContext()
  const elsewhere = await browser.newContext()
  try {
    const other = await elsewhere.newPage()
    await login(other, email)
    const page = await here.newPage()
    await login(page, email)

    await page.goto('/account')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account')
    const sessions = page.getByTestId('sessions')
    await expect(sessions.locator('tbody tr')).not.toHaveCount(1)
    await expect(sessions.locator('tr[data-current="true"]')).toContainText('This session')
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Sign out of all other sessions' }).click()
    await expect(page.locator('.govuk-notification-banner')).toContainText(/You signed out of \d+ other sessions?\./)
    await expect(page.getByTestId('no-other-sessions')).toBeVisible()
    await expect(sessions.locator('tbody tr')).toHaveCount(1)
    await expectAccessible(page)

    // The other browser is signed out; this one is not.
    await other.goto('/account')
    await expect(other).toHaveURL(/\/login\?redirectTo=%2Faccount$/)
    await expectAccessible(other)
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account')
  } finally {
    await here.close()
    await elsewhere.close()
  }
})

test('account pages check who is asking, and malformed posts get a 4xx, never a 500', async ({ page, request, baseURL }) => {
  for (const path of ['/account', '/account/two-factor']) {
    await page.goto(path)
    await expect(page).toHaveURL(new RegExp(`/login\\?redirectTo=${encodeURIComponent(path)}$`))
  }
  // /login/two-factor without a password step goes back to the sign-in page.
  await page.goto('/login/two-factor')
  await expect(page).toHaveURL(/\/login$/)
  await expectAccessible(page)

  const origin = { Origin: baseURL! }
  const posts: { path: string; form?: Record<string, string>; data?: string; type?: string }[] = [
    { path: '/forgot-password', form: {} },
    { path: '/forgot-password', form: { email: 'x'.repeat(5000) } },
    { path: '/forgot-password', data: '{"email":1}', type: 'application/json' },
    { path: '/reset-password/not-a-token', form: {} },
    { path: '/reset-password/not-a-token', form: { password: 'a', confirm: 'b' } },
    { path: '/reset-password/not-a-token', data: 'password=%E0%A4%A', type: 'application/x-www-form-urlencoded' },
  ]
  for (const p of posts) {
    const res = p.form
      ? await request.post(p.path, { headers: origin, form: p.form, maxRedirects: 0 })
      : await request.post(p.path, { headers: { ...origin, 'content-type': p.type! }, data: p.data, maxRedirects: 0 })
    expect(res.status(), `${p.path} ${JSON.stringify(p.form ?? p.data)}`).toBeGreaterThanOrEqual(200)
    expect(res.status(), `${p.path} ${JSON.stringify(p.form ?? p.data)}`).toBeLessThan(500)
  }
  // Signed-out posts to the signed-in forms are sent to sign in, not processed.
  for (const path of ['/account', '/account/two-factor', '/login/two-factor']) {
    const res = await request.post(path, { headers: origin, form: { intent: 'sign-out-others', code: '123456' }, maxRedirects: 0 })
    expect(res.status(), path).toBeGreaterThanOrEqual(300)
    expect(res.status(), path).toBeLessThan(400)
    expect(res.headers().location, path).toMatch(/^\/login/)
  }
})
