// Cases: an officer opens a case for two victims with two suspects and finds it on their home page
// and its case page; two officers editing the same case at once see the conflict and lose nothing.
// Every page visited is axe-checked.
import { expect, test } from './fixtures'
import { openCase, uniqueRef } from './case-steps'
import { expectAccessible, login } from './utils'

test('an officer opens a case for two victims with two suspects and sees it on their home page and case page', async ({ page }) => {
  await login(page, 'officer@demo.example')
  const ref = uniqueRef()
  await openCase(page, ref)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ref)
  await expect(page.getByTestId('case-defendants')).toContainText('Suspect A')
  await expect(page.getByTestId('case-defendants')).toContainText('Suspect B')
  await expect(page.getByTestId('case-victims').getByRole('listitem')).toHaveCount(2)
  await expect(page.getByTestId('case-offences').locator('tbody tr')).toHaveCount(2)
  await expect(page.getByTestId('case-people')).toContainText('Officer in charge: DC Rowan Pellow')
  await expectAccessible(page)
  const caseUrl = page.url()

  await page.goto('/')
  await expect(page.getByRole('link', { name: ref })).toBeVisible()
  await expectAccessible(page)

  const caseId = caseUrl.split('/').pop()!
  for (const path of ['victims', 'defendants', 'allocations']) {
    await page.goto(`/cases/${caseId}/${path}`)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectAccessible(page)
  }
  await page.goto(`/cases/${caseId}/defendants`)
  await page.getByRole('button', { name: 'Add a suspect' }).click()
  await expect(page.getByTestId('defendants')).toContainText('Suspect C')
})

test('a duplicate crime reference from another officer gets a field error and keeps the answers', async ({ browser }) => {
  const first = await browser.newPage()
  await login(first, 'officer@demo.example')
  const ref = uniqueRef()
  await openCase(first, ref, '1')
  await first.close()
  const second = await browser.newPage()
  await login(second, 'officer2@demo.example')
  await openCase(second, ref, '1').catch(() => undefined)
  await expect(second.locator('.govuk-error-summary')).toContainText('A case with this crime reference already exists')
  await expect(second.locator('input[name="offences[1].description"]')).toHaveValue('Arranging the sexual exploitation of a child')
  await expectAccessible(second)
  await second.close()
})

test('a conflicting edit in two browser contexts shows the conflict and loses nothing', async ({ browser }) => {
  const setup = await browser.newPage()
  await login(setup, 'officer@demo.example')
  await openCase(setup, uniqueRef(), '1')
  const caseId = setup.url().split('/').pop()!
  await setup.close()

  const ctxA = await browser.newContext()
  const ctxB = await browser.newContext()
  const a = await ctxA.newPage()
  const b = await ctxB.newPage()
  await login(a, 'officer@demo.example')
  await login(b, 'officer@demo.example')
  await a.goto(`/cases/${caseId}/edit`)
  await b.goto(`/cases/${caseId}/edit`)
  await expectAccessible(a)

  await a.locator('textarea[name="summary"]').fill('Summary written in the first window')
  await a.locator('input[name="cpsUrn"]').fill('42NM0958326')
  await a.getByRole('button', { name: 'Save changes' }).click()
  await a.waitForURL(new RegExp(`/cases/${caseId}$`))
  await expect(a.getByTestId('case-summary-text')).toContainText('Summary written in the first window')

  await b.locator('textarea[name="summary"]').fill('Summary written in the second window')
  await b.getByRole('button', { name: 'Save changes' }).click()
  await expect(b.getByTestId('edit-conflict')).toContainText('Someone else changed this case while you were editing')
  await expect(b.getByTestId('edit-conflict')).toContainText('Summary written in the first window')
  await expect(b.getByTestId('edit-conflict')).toContainText('42NM0958326')
  await expect(b.locator('textarea[name="summary"]')).toHaveValue('Summary written in the second window')
  await expectAccessible(b)

  // Saving again (deliberately) replaces the summary with B's answer.
  await b.getByRole('button', { name: 'Save changes' }).click()
  await b.waitForURL(new RegExp(`/cases/${caseId}$`))
  await expect(b.getByTestId('case-summary-text')).toContainText('Summary written in the second window')
  await expectAccessible(b)
  await ctxA.close()
  await ctxB.close()
})

test('an advocate manages the people supporting a victim', async ({ page }) => {
  await login(page, 'advocate@demo.example')
  await page.locator('main a[href^="/victims/"]').first().click()
  await page.waitForURL(/\/victims\/[^/]+$/)
  await page.goto(`${page.url()}/allocations`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('People supporting this victim')
  await expectAccessible(page)
  // Submitting without a person shows GOV.UK errors, not a 500.
  await page.getByRole('button', { name: 'Allocate' }).click()
  await expect(page.locator('.govuk-error-summary')).toBeVisible()
  await expectAccessible(page)
})
