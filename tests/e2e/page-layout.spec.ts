// How pages read and fit: a timeline entry's title and byline, multi-line notes under the
// Content-Security-Policy, and a header whose account links sit apart from the sections so that
// every role's sections fit on one line at desktop width.
import { expect, test, type Page } from './fixtures'
import { expectAccessible, login } from './utils'

test.describe.configure({ timeout: 120_000 })

/** Style attributes the Content-Security-Policy refused on this page. */
function cspViolations(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('Content Security Policy')) seen.push(m.text())
  })
  return seen
}

test('a timeline entry reads its title and its byline as separate words', async ({ page }) => {
  await login(page, 'officer@demo.example')
  await page.goto('/cases')
  await page.locator('main a', { hasText: 'NM/26/004517' }).first().click()
  const entry = page.getByTestId('case-timeline').locator('.moj-timeline__item', { hasText: 'Crime recorded' })
  await expect(entry.locator('.moj-timeline__byline')).toHaveText(/^by DC Rowan Pellow/)
  expect(await entry.locator('.moj-timeline__header').evaluate((e) => e.textContent)).toMatch(/^Crime recorded by DC Rowan Pellow/)
})

test('a note written on two lines keeps its line break on a full page load', async ({ page }) => {
  const violations = cspViolations(page)
  await login(page, 'advocate@demo.example')
  await page.goto('/victims')
  const victimUrl = await page
    .locator('main a[href^="/victims/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '').find((h) => /^\/victims\/[^/?#]+$/.test(h) && h !== '/victims/new'))
  expect(victimUrl).toBeTruthy()
  await page.goto(`${victimUrl}/contacts/new`)
  const yesterday = new Date(Date.now() - 86_400_000)
  await page.locator('input[name="contactedAt.day"]').fill(String(yesterday.getDate()))
  await page.locator('input[name="contactedAt.month"]').fill(String(yesterday.getMonth() + 1))
  await page.locator('input[name="contactedAt.year"]').fill(String(yesterday.getFullYear()))
  await page.getByLabel('Phone call').check()
  await page.getByLabel('The victim').check()
  const marker = `Checked in after school (${Date.now()}).`
  await page.getByLabel('What were they told?').fill(`${marker}\nAgreed to talk again on Friday.`)
  await page.getByRole('button', { name: 'Save contact' }).click()
  await expect(page.locator('.govuk-notification-banner')).toContainText('Contact recorded')

  await page.reload()
  const note = page.getByTestId('contact').filter({ hasText: marker }).locator('.app-preserve-lines')
  await expect(note).toHaveCSS('white-space', 'pre-line')
  expect(await note.innerText()).toContain(`${marker}\nAgreed to talk again on Friday.`)
  expect(violations).toEqual([])
})

for (const account of ['manager', 'police.manager', 'officer', 'advocate', 'cps', 'admin']) {
  test(`${account}: the sections fit on one line at desktop width; Your account and Sign out are in the header`, async ({ page }) => {
    const violations = cspViolations(page)
    await page.setViewportSize({ width: 1280, height: 800 })
    await login(page, `${account}@demo.example`)
    const tops = await page.locator('.govuk-service-navigation__item').evaluateAll((items) => [...new Set(items.map((i) => Math.round(i.getBoundingClientRect().top)))])
    expect(tops).toHaveLength(1)
    const accountNav = page.getByRole('banner').getByRole('navigation', { name: 'Account' })
    await expect(accountNav.getByRole('link', { name: 'Your account' })).toBeVisible()
    await expect(accountNav.getByRole('button', { name: 'Sign out' })).toBeVisible()
    const sections = page.getByRole('navigation', { name: 'Menu' })
    await expect(sections.getByRole('link', { name: 'Your account' })).toHaveCount(0)
    await expect(sections.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
    expect(violations).toEqual([])
    await expectAccessible(page)
  })
}
