import { DEMO_ACCOUNTS, DEMO_PASSWORD, axeCheck, expect, signIn, test } from '../support'
import { DEMO_USER, nextSharedTotpCode } from './helpers'

test.describe.configure({ mode: 'parallel' })

test.describe('Sign-in screen', () => {
  test('a manager without TOTP signs in and lands on Home', async ({ page }) => {
    await page.goto('/sign-in')
    await expect(page.getByRole('heading', { name: 'Sign in to ClientOne', level: 1 })).toBeVisible()
    await axeCheck(page)

    await page.getByLabel('Email').fill(DEMO_ACCOUNTS.manager)
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Continue' }).click()

    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Contoso (demo tenant)' })).toBeVisible()
  })

  test('an account with TOTP enters a code and returns to the deep-linked screen', async ({ page }) => {
    await page.goto('/alerts')
    await expect(page).toHaveURL(/\/sign-in\?redirect=(%2F|\/)alerts$/)

    await page.getByLabel('Email').fill(DEMO_ACCOUNTS.mfa)
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Continue' }).click()

    await expect(page.getByRole('heading', { name: 'Enter your 6-digit code', level: 1 })).toBeVisible()
    await expect(page.getByText(`Signed in as ${DEMO_ACCOUNTS.mfa}`)).toBeVisible()
    await axeCheck(page)

    await page.getByLabel('Code', { exact: true }).fill(await nextSharedTotpCode())
    // The field submits by itself at six digits, and Verify is the fallback if it has not.
    const verify = page.getByRole('button', { name: 'Verify' })
    await page.waitForURL((url) => url.pathname === '/alerts', { timeout: 3_000 }).catch(async () => {
      if (await verify.isVisible()) await verify.click()
    })

    await expect(page).toHaveURL(/\/alerts$/)
    await expect(page.getByRole('heading', { name: 'Security alerts', level: 1 })).toBeVisible()
  })

  test('a wrong password shows the error message and keeps the user on sign-in', async ({ page }) => {
    await page.goto('/sign-in')
    await page.getByLabel('Email').fill(DEMO_ACCOUNTS.standard)
    await page.getByLabel('Password', { exact: true }).fill('not-the-demo-password-1')
    await page.getByRole('button', { name: 'Continue' }).click()

    await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.')
    await expect(page).toHaveURL(/\/sign-in/)
    await expect(page.getByLabel('Email')).toHaveValue(DEMO_ACCOUNTS.standard)
    await axeCheck(page)
  })

  test('a deep link opened while signed out returns to its screen after sign-in', async ({ page }) => {
    await page.goto(`/m365/users/${DEMO_USER.id}`)
    await expect(page).toHaveURL(/\/sign-in\?redirect=/)

    await page.getByLabel('Email').fill(DEMO_ACCOUNTS.manager)
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Continue' }).click()

    await expect(page).toHaveURL(new RegExp(`^[^?]*/m365/users/${DEMO_USER.id}$`))
    await expect(page.getByRole('heading', { name: DEMO_USER.name, level: 1 })).toBeVisible()
  })

})

test.describe('Sign-out and a second account', () => {
  test('the second account on the same browser sees nothing of the first', async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.manager)
    await page.goto('/m365/users')
    const firstUserRow = page.getByRole('list', { name: 'Users' }).getByRole('link').first()
    await expect(firstUserRow).toBeVisible()
    const managerCaches = await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('api-')))
    await page.goto(`/m365/users/${DEMO_USER.id}`)
    await expect(page.getByRole('heading', { name: DEMO_USER.name, level: 1 })).toBeVisible()

    await page.goto('/profile')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/sign-in/)
    await expect(page.getByLabel('Email')).toHaveValue('')

    await signIn(page, DEMO_ACCOUNTS.restricted)
    for (const path of ['/', '/more', '/m365/users', `/m365/users/${DEMO_USER.id}`, '/alerts', '/profile']) {
      await page.goto(path)
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
      await expect(page.getByRole('main')).not.toContainText(DEMO_USER.name)
      await expect(page.getByRole('main')).not.toContainText('Adele Vance')
      await expect(page.getByRole('main')).not.toContainText(DEMO_ACCOUNTS.manager)
      await expect(page.getByRole('main')).not.toContainText('Patti Fernandez')
    }

    const restrictedCaches = await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('api-')))
    for (const name of managerCaches) expect(restrictedCaches, `cache ${name} of the first account`).not.toContain(name)
  })
})
