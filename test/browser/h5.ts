// Small helpers shared by the h5 browser tests.
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'demo-pass-2026';

/** Fills the h5 login form (Taro renders <taro-input-core> around a real <input>). */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('.login__submit').click();
}

export async function login(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await submitLogin(page, username);
}

/** Logs in over the API (no browser): the token and the user's grants. */
export async function apiLogin(
  baseUrl: string,
  username: string,
): Promise<{ token: string; user: { roles: { role: string; cooperativeId?: string; enterpriseId?: string }[] } }> {
  const res = await fetch(`${baseUrl}/api/auth/password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username} failed: ${res.status}`);
  return (await res.json()) as Awaited<ReturnType<typeof apiLogin>>;
}

/**
 * Clicks the NutUI button labelled `text`. The button's ::before layer (its pressed-state shade) covers the
 * label, so the click goes to the button itself, as a finger's would.
 */
export async function tapButton(page: Page, text: string): Promise<void> {
  await page
    .locator('.nut-button')
    .filter({ has: page.getByText(text, { exact: true }) })
    .first()
    .click();
}

/** On an invitation link without a login: the stranger's page, then 已有桌面账号？登录后加入 and the login form. */
export async function loginFromInvitation(page: Page, username: string): Promise<void> {
  await tapButton(page, '已有桌面账号？登录后加入');
  await submitLogin(page, username);
}
