// Steps several end-to-end tests share: opening a case through the form.
import { expect, type Page } from '@playwright/test'
import { expectAccessible } from './utils'

export const uniqueRef = () => `E2E/${Date.now().toString(36).toUpperCase()}/${Math.floor(Math.random() * 1000)}`

/**
 * Opens a case through /cases/new (checking its empty-form errors and accessibility on the way)
 * with two offences, the given victims (by reference; the first two on the list by default) and
 * `suspects` suspects; ends on the new case's page.
 */
export async function openCase(page: Page, crimeReference: string, suspects = '2', victimReferences?: readonly string[]) {
  await page.goto('/cases/new')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open a case')
  await expectAccessible(page)
  // Submitting nothing shows the error summary and field errors, never a 500.
  await page.getByRole('button', { name: 'Open case' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the crime reference')
  await expectAccessible(page)

  await page.locator('input[name="crimeReference"]').fill(crimeReference)
  await page.locator('input[name="offences[0].description"]').fill('Sexual activity with a child at an invented address')
  await page.locator('select[name="offences[0].category"]').selectOption('sexual_activity_with_child')
  await page.locator('input[name="offences[0].from.day"]').fill('14')
  await page.locator('input[name="offences[0].from.month"]').fill('2')
  await page.locator('input[name="offences[0].from.year"]').fill('2026')
  await page.getByRole('button', { name: 'Add another offence' }).click()
  await expect(page.locator('input[name="offences[1].description"]')).toBeVisible()
  await page.locator('input[name="offences[1].description"]').fill('Arranging the sexual exploitation of a child')
  await page.locator('select[name="offences[1].category"]').selectOption('child_sexual_exploitation')
  await page.locator('input[name="offences[1].from.day"]').fill('1')
  await page.locator('input[name="offences[1].from.month"]').fill('1')
  await page.locator('input[name="offences[1].from.year"]').fill('2026')
  await page.locator('input[name="offences[1].to.day"]').fill('28')
  await page.locator('input[name="offences[1].to.month"]').fill('2')
  await page.locator('input[name="offences[1].to.year"]').fill('2026')
  const victims = page.locator('input[name="victimIds"]')
  if (victimReferences) {
    for (const ref of victimReferences) await page.getByLabel(new RegExp(`^${ref} `)).check()
  } else {
    expect(await victims.count()).toBeGreaterThanOrEqual(2)
    await victims.nth(0).check()
    await victims.nth(1).check()
  }
  await page.locator('input[name="suspectCount"]').fill(suspects)
  await page.getByRole('button', { name: 'Open case' }).click()
  await page.waitForURL(/\/cases\/[^/]+$/)
}
