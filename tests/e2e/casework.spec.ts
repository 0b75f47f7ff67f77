// Each role lands on its own home page; records reached by URL without a reason to see them answer
// "Page not found"; CPS liaison never sees a victim's contact details. Every page is axe-checked.
import { expect, test, type Page } from './fixtures'
import { DEMO_REFERENCES } from '../../prisma/seed'
import { expectAccessible, login } from './utils'

const HOMES = [
  { email: 'advocate@demo.example', heading: 'My caseload' },
  { email: 'officer@demo.example', heading: 'My cases' },
  { email: 'cps@demo.example', heading: 'Cases awaiting CPS' },
  { email: 'manager@demo.example', heading: 'Team overview' },
  { email: 'admin@demo.example', heading: 'Users' },
] as const

for (const { email, heading } of HOMES) {
  test(`${email} signs in and lands on their home page`, async ({ page }) => {
    await login(page, email)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading)
    await expect(page.getByTestId('signed-in-as')).toBeVisible()
    await expectAccessible(page)
  })
}

async function openVictimByReference(page: Page, reference: string) {
  await page.goto(`/victims?status=all&q=${encodeURIComponent(reference)}`)
  await expectAccessible(page)
  await page.getByRole('link', { name: reference }).click()
  await page.waitForURL(/\/victims\/[^/?]+$/)
  await expect(page.getByText(reference).first()).toBeVisible()
  return page.url()
}

test('an advocate who opens another service’s victim by URL gets the not-found page', async ({ browser }) => {
  const harbour = await browser.newPage()
  await login(harbour, 'advocate2@demo.example')
  const url = await openVictimByReference(harbour, DEMO_REFERENCES.harbourOnlyVictim)
  await expectAccessible(harbour)
  await harbour.close()

  const brightpath = await browser.newPage()
  await login(brightpath, 'advocate@demo.example')
  const response = await brightpath.goto(url)
  expect(response?.status()).toBe(404)
  await expect(brightpath.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expect(brightpath.getByText(DEMO_REFERENCES.harbourOnlyVictim)).toHaveCount(0)
  await expectAccessible(brightpath)
  await brightpath.close()
})

test('a restricted victim is hidden from colleagues who are not allocated to it', async ({ browser }) => {
  const manager = await browser.newPage()
  await login(manager, 'manager@demo.example')
  const url = await openVictimByReference(manager, DEMO_REFERENCES.restrictedForManager)
  await expect(manager.getByText('This record is restricted')).toBeVisible()
  await manager.close()

  const advocate = await browser.newPage()
  await login(advocate, 'advocate@demo.example')
  expect((await advocate.goto(url))?.status()).toBe(404)
  await advocate.goto(`/victims?status=all&q=${DEMO_REFERENCES.restrictedForManager}`)
  await expect(advocate.getByText('No victims to show.')).toBeVisible()
  await advocate.close()
})

test('CPS liaison sees the case and victim but never the victim’s contact details', async ({ page }) => {
  await login(page, 'cps@demo.example')
  await page.goto('/cases')
  await expectAccessible(page)
  await page.locator('table a').first().click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectAccessible(page)
  const victimLink = page.locator('main ul a[href^="/victims/"]').first()
  await victimLink.click()
  await expect(page.getByTestId('contact-details-withheld')).toBeVisible()
  await expect(page.getByTestId('contact-details')).toHaveCount(0)
  await expectAccessible(page)
})

test('an advocate sees a victim’s contact details and linked cases', async ({ page }) => {
  await login(page, 'advocate@demo.example')
  await page.goto('/victims')
  await expectAccessible(page)
  await page.locator('table a').first().click()
  await expect(page.getByTestId('contact-details')).toBeVisible()
  await expectAccessible(page)
})

test('the officer’s cases list and a case page', async ({ page }) => {
  await login(page, 'officer@demo.example')
  await expect(page.locator('table tbody tr').first()).toBeVisible()
  await page.locator('table a').first().click()
  await expect(page.getByRole('heading', { name: 'Who is working on this case' })).toBeVisible()
  await expectAccessible(page)
})

test('an administrator has no casework: victims and cases pages are refused', async ({ page }) => {
  await login(page, 'admin@demo.example')
  for (const path of ['/victims', '/cases']) {
    expect((await page.goto(path))?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'You do not have permission to see this page' })).toBeVisible()
    await expectAccessible(page)
  }
})

test('signing in works with JavaScript turned off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await login(page, 'officer@demo.example')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('My cases')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await context.close()
})
