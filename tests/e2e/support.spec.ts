// Voluntary-sector support: an advocate refers a victim whose consent names
// Harbour Lights — first to a service whose organisation no consent names (refused with the reason
// and a link to the consent page, nothing saved), then to Harbour Lights counselling. A Harbour Lights
// advocate finds it in their referrals, accepts it and logs a session; the referring advocate sees
// the support on the victim page and that the session happened, but not its notes; so does the
// police officer. Every page visited is axe-checked.
import { expect, test } from './fixtures'
import { expectAccessible, login } from './utils'

const LEAH = 'V-2026-0104'

function londonToday() {
  const [day, month, year] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
    .format(new Date())
    .split('/')
  return { day: day!, month: month!, year: year! }
}

test('refer to Harbour Lights counselling; Harbour Lights accepts and logs a session; notes stay with Harbour Lights', async ({ browser }) => {
  test.setTimeout(180_000)
  const run = Date.now().toString(36)
  const notes = `Invented session note ${run}: talked about school`

  // The referring advocate (Brightpath).
  const advocate = await (await browser.newContext()).newPage()
  await login(advocate, 'advocate@demo.example')
  await advocate.goto(`/victims?q=${LEAH}`)
  await advocate.getByRole('link', { name: LEAH }).first().click()
  await advocate.waitForURL(/\/victims\/[^/?]+$/)
  const victimUrl = new URL(advocate.url()).pathname
  await expect(advocate.getByTestId('support')).toContainText('Support')
  await advocate.getByTestId('support').getByRole('link', { name: 'Refer to a support service' }).click()
  await expect(advocate.getByRole('heading', { level: 1 })).toHaveText('Refer to a support service')
  await expectAccessible(advocate)

  // No consent names Dale Valley SARC: refused beside the organisation, with a link to the consent page.
  await advocate.getByLabel('Organisation').selectOption({ label: 'Dale Valley Sexual Assault Referral Centre' })
  await advocate.getByLabel('Sexual health').check()
  await advocate.getByLabel('Why are you making the referral?').fill(`Sexual health advice ${run}`)
  await advocate.getByRole('button', { name: 'Send referral' }).click()
  await expect(advocate.locator('.govuk-error-summary')).toContainText('not Dale Valley Sexual Assault Referral Centre')
  await expect(advocate.getByTestId('consent-link').getByRole('link')).toHaveAttribute('href', /\/consent$/)
  await expect(advocate.getByLabel('Why are you making the referral?')).toHaveValue(`Sexual health advice ${run}`)
  await expectAccessible(advocate)

  // Harbour Lights does not offer sexual health: refused beside the service.
  await advocate.getByLabel('Organisation').selectOption({ label: 'Harbour Lights Therapeutic Support' })
  await advocate.getByRole('button', { name: 'Send referral' }).click()
  await expect(advocate.locator('.govuk-error-summary')).toContainText('Harbour Lights Therapeutic Support does not offer sexual health')

  await advocate.getByLabel('Counselling and pre-trial therapy').check()
  await advocate.getByLabel('Why are you making the referral?').fill(`Would like counselling before the trial ${run}`)
  await advocate.getByRole('button', { name: 'Send referral' }).click()
  await advocate.waitForURL((url) => url.pathname.startsWith('/referrals/'))
  const referralUrl = new URL(advocate.url()).pathname
  await expect(advocate.locator('.govuk-notification-banner')).toContainText('Referral sent to the service')
  await expect(advocate.getByRole('heading', { level: 1 })).toContainText('Counselling and pre-trial therapy')
  await expect(advocate.getByRole('heading', { level: 1 })).toContainText('Sent')
  await expectAccessible(advocate)

  // Harbour Lights: the referral is in the inbox; accept it and log a session.
  const provider = await (await browser.newContext()).newPage()
  await login(provider, 'advocate2@demo.example')
  await provider.goto('/referrals')
  await expect(provider.getByTestId('received-sent')).toContainText('Leah Pritchard')
  await expectAccessible(provider)
  await provider.goto(referralUrl)
  await provider.getByRole('button', { name: 'Accept the referral' }).click()
  await expect(provider.locator('.govuk-notification-banner')).toContainText('Referral accepted')
  const today = londonToday()
  const date = provider.getByRole('group', { name: 'Date of the session' })
  await date.getByLabel('Day').fill(today.day)
  await date.getByLabel('Month').fill(today.month)
  await date.getByLabel('Year').fill(today.year)
  await provider.getByLabel('In person').check()
  await provider.getByRole('group', { name: 'Did the young person attend?' }).getByLabel('Yes').check()
  await provider.getByLabel('Notes (optional)').fill(notes)
  await provider.getByRole('button', { name: 'Log session' }).click()
  await expect(provider.locator('.govuk-notification-banner')).toContainText('Session logged: the referral is now active')
  await expect(provider.getByRole('heading', { level: 1 })).toContainText('Active')
  await expect(provider.getByTestId('session-log')).toContainText(notes)
  await expectAccessible(provider)
  // Referral-only access: the victim page opens, without visits, and the record cannot be changed.
  await provider.goto(victimUrl)
  await expect(provider.getByTestId('support')).toContainText('referred to your organisation')
  await expect(provider.getByTestId('visits')).toHaveCount(0)
  expect((await provider.goto(`${victimUrl}/edit`))?.status()).toBe(403)

  // The referring advocate sees the support on the victim page, and that a session happened — not its notes.
  await advocate.goto(victimUrl)
  const row = advocate
    .getByTestId('support-list')
    .getByRole('row')
    .filter({ has: advocate.locator(`a[href="${referralUrl}"]`) })
  await expect(row).toContainText('Harbour Lights Therapeutic Support')
  await expect(row).toContainText('Active')
  await expect(row.getByRole('cell').nth(4)).toHaveText('1')
  await expectAccessible(advocate)
  await advocate.goto(referralUrl)
  await expect(advocate.getByTestId('session')).toContainText('in person: attended')
  await expect(advocate.getByRole('main')).not.toContainText(notes)
  await expect(advocate.getByRole('main')).toContainText('Session notes are kept by the service providing the support')

  // The police officer in charge sees the same, without the notes or why Leah was referred.
  const officer = await (await browser.newContext()).newPage()
  await login(officer, 'officer@demo.example')
  await officer.goto(referralUrl)
  await expect(officer.getByTestId('session')).toContainText('attended')
  await expect(officer.getByRole('main')).not.toContainText(notes)
  await expect(officer.getByRole('main')).not.toContainText(`Would like counselling before the trial ${run}`)
})

test('the support directory lists the demo services; CPS liaison cannot refer', async ({ page }) => {
  await login(page, 'cps@demo.example')
  await page.goto('/support?service=counselling')
  await expect(page.getByTestId('support-directory')).toContainText('Harbour Lights Therapeutic Support')
  await expect(page.getByTestId('support-directory')).not.toContainText('Brightpath')
  await expectAccessible(page)
  const refused = await page.goto('/referrals')
  expect(refused?.status()).toBe(403)
})
